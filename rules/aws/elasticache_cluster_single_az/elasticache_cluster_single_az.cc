#include "rules/aws/elasticache_cluster_single_az/elasticache_cluster_single_az.h"

#include <set>
#include <string>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0008";
  m.name = "aws-elasticache-cluster-single-az";
  m.severity = engine::Severity::kMedium;
  m.title = "ElastiCache cluster with a single node or all nodes in one zone";
  m.summary =
      "A standalone ElastiCache cluster is a single Redis/Valkey node, or a Memcached cluster "
      "whose nodes all sit in one Availability Zone (`az_mode` is not `cross-az`).";
  m.why =
      "A standalone `aws_elasticache_cluster` running Redis or Valkey is one node with no "
      "replica: a node or zone failure loses the cache and its endpoint. Memcached nodes default "
      "to `az_mode = \"single-az\"`, so a zone outage empties the whole cache at once and every "
      "request falls through to the database behind it.";
  m.remediation =
      "For Redis or Valkey, use an `aws_elasticache_replication_group` with a replica and "
      "automatic failover. For Memcached, run at least two nodes with `az_mode = \"cross-az\"`.";
  m.example_fix =
      "resource \"aws_elasticache_cluster\" \"cache\" {\n"
      "  cluster_id      = \"cache\"\n"
      "  engine          = \"memcached\"\n"
      "  node_type       = \"cache.m6g.large\"\n"
      "  num_cache_nodes = 3\n"
      "  az_mode         = \"cross-az\"\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/FaultTolerance.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "elasticache_cluster#az_mode",
  };
  m.peers = {{"kics", "6db03a91-f933-4f13-ab38-a8b87a7de54d"}};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_elasticache_cluster"};
  return m;
}

}  // namespace

const engine::RuleMetadata& ElasticacheClusterSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ElasticacheClusterSingleAzRule::Check(const engine::RuleContext& context,
                                           engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  // A member of a replication group: the group's settings decide (FL-AWS-0007).
  if (IsSet(resource.Get("replication_group_id"))) return;
  const engine::Value* engine_value = resource.Get("engine");
  std::optional<std::string> engine_name = KnownString(engine_value);
  if (!engine_name.has_value()) return;
  const std::string label = ResourceLabel(resource);
  if (*engine_name == "redis" || *engine_name == "valkey") {
    sink.Report("engine", engine_value,
                label + " is a single " + *engine_name +
                    " node with no replica: a node or zone failure loses the cache and its "
                    "endpoint");
    return;
  }
  if (*engine_name != "memcached") return;
  const engine::Value* count = resource.Get("num_cache_nodes");
  std::optional<double> nodes = KnownNumber(count);
  if (!nodes.has_value()) return;
  if (*nodes < 2) {
    sink.Report("num_cache_nodes", count,
                label +
                    " is a single memcached node: a node or zone failure empties the whole "
                    "cache");
    return;
  }
  const engine::Value* mode = resource.Get("az_mode");
  std::optional<std::string> mode_name = (mode == nullptr || mode->is_null())
                                             ? std::optional<std::string>("single-az")
                                             : KnownString(mode);
  if (!mode_name.has_value() || *mode_name == "cross-az") return;
  const engine::Value* preferred = resource.Get("preferred_availability_zones");
  if (IsSet(preferred)) {
    std::optional<std::set<std::string>> zones = KnownStringSet(preferred);
    if (!zones.has_value() || zones->size() >= 2) return;
  }
  std::string how = (mode == nullptr || mode->is_null())
                        ? " (az_mode is not set and defaults to single-az)"
                        : " (az_mode = \"" + *mode_name + "\")";
  sink.Report(mode == nullptr ? "" : "az_mode", mode,
              label + " keeps all " + engine::FormatNumber(*nodes) +
                  " memcached nodes in one availability zone" + how +
                  ": a zone outage empties the whole cache");
}

}  // namespace faultline::rules
