#include "rules/aws/opensearch_single_az/opensearch_single_az.h"

#include <cmath>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/nested_blocks.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0010";
  m.name = "aws-opensearch-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "OpenSearch domain without zone awareness or with too few data nodes";
  m.summary =
      "An OpenSearch/Elasticsearch domain is not zone-aware, or its data nodes cannot survive "
      "the loss of a zone (a single node, fewer than 3 nodes without dedicated masters, or a "
      "count that does not divide evenly over its zones).";
  m.why =
      "Without zone awareness every data node can sit in one Availability Zone, and shards and "
      "their replicas are not kept apart: a zone outage makes the domain unavailable and can "
      "lose data. With fewer than three data nodes and no dedicated master nodes, losing one "
      "zone also loses the cluster-manager quorum, so the domain stops accepting writes; an "
      "uneven spread over zones leaves one zone holding more than its share.";
  m.remediation =
      "Set `zone_awareness_enabled = true` in `cluster_config`, run a number of data nodes that "
      "is a multiple of `zone_awareness_config.availability_zone_count` (three zones is the "
      "recommended setup), and enable three dedicated master nodes for production domains.";
  m.example_fix =
      "resource \"aws_opensearch_domain\" \"search\" {\n"
      "  domain_name    = \"search\"\n"
      "  engine_version = \"OpenSearch_2.11\"\n"
      "\n"
      "  cluster_config {\n"
      "    instance_type            = \"r6g.large.search\"\n"
      "    instance_count           = 3\n"
      "    zone_awareness_enabled   = true\n"
      "    dedicated_master_enabled = true\n"
      "    dedicated_master_count   = 3\n"
      "    dedicated_master_type    = \"m6g.large.search\"\n"
      "\n"
      "    zone_awareness_config {\n"
      "      availability_zone_count = 3\n"
      "    }\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz"
      ".html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "opensearch_domain#zone_awareness_enabled",
  };
  m.peers = {
      {"checkov", "CKV_AWS_318"},
      {"cloud-custodian (EPAM ecc-aws-rulepack)",
       "ecc-aws-154-elasticsearch_domains_have_at_least_three_data_nodes"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_opensearch_domain", "aws_elasticsearch_domain"};
  return m;
}

}  // namespace

const engine::RuleMetadata& OpensearchSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void OpensearchSingleAzRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (BlocksUnknown(resource.attributes, "cluster_config")) return;
  const std::string label = ResourceLabel(resource);
  const engine::Value* config = FirstBlock(resource.attributes, "cluster_config");
  const engine::Value* aware = config != nullptr ? config->Get("zone_awareness_enabled") : nullptr;
  if (aware == nullptr || aware->is_null()) {
    sink.Report(config != nullptr ? "cluster_config" : "", config,
                label +
                    " is not zone-aware (zone_awareness_enabled is not set and defaults to "
                    "false): a zone outage can take every data node down");
    return;
  }
  std::optional<bool> aware_on = KnownBool(aware);
  if (!aware_on.has_value()) return;
  if (!*aware_on) {
    sink.Report("cluster_config.zone_awareness_enabled", aware,
                label +
                    " has zone awareness turned off: a zone outage can take every data node "
                    "down");
    return;
  }
  // Zone-aware: the data node count must survive the loss of a zone. When instance_count is
  // not written it defaults to 1, which the API rejects for a zone-aware domain (plan/apply
  // fails), so nothing is reported.
  const engine::Value* count = config->Get("instance_count");
  std::optional<double> nodes = KnownNumber(count);
  if (!nodes.has_value()) return;
  const std::string path = "cluster_config.instance_count";
  if (*nodes < 2) {
    sink.Report(path, count, label + " has a single data node: its failure takes the domain down");
    return;
  }
  const engine::Value* masters = config->Get("dedicated_master_enabled");
  std::optional<bool> masters_on =
      (masters == nullptr || masters->is_null()) ? std::optional<bool>(false) : KnownBool(masters);
  if (*nodes < 3 && masters_on.has_value() && !*masters_on) {
    sink.Report(path, count,
                label + " has only " + engine::FormatNumber(*nodes) +
                    " data nodes and no dedicated master nodes: losing a zone loses the "
                    "cluster-manager quorum and the domain stops accepting writes");
    return;
  }
  const engine::Value* zone_config = FirstBlock(*config, "zone_awareness_config");
  const engine::Value* zone_count =
      zone_config != nullptr ? zone_config->Get("availability_zone_count") : nullptr;
  std::optional<double> zones = (zone_count == nullptr || zone_count->is_null())
                                    ? std::optional<double>(2)
                                    : KnownNumber(zone_count);
  if (!zones.has_value() || *zones < 1) return;
  if (std::fmod(*nodes, *zones) != 0) {
    sink.Report(path, count,
                label + " spreads " + engine::FormatNumber(*nodes) + " data nodes over " +
                    engine::FormatNumber(*zones) +
                    " zones unevenly: losing the zone with the most nodes loses more than its "
                    "share of the domain");
  }
}

}  // namespace faultline::rules
