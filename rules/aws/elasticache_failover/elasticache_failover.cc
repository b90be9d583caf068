#include "rules/aws/elasticache_failover/elasticache_failover.h"

#include <optional>
#include <set>
#include <string>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/nested_blocks.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0007";
  m.name = "aws-elasticache-failover";
  m.severity = engine::Severity::kHigh;
  m.title = "ElastiCache replication group without failover or Multi-AZ";
  m.summary =
      "An ElastiCache (Redis/Valkey) replication group has fewer than 2 nodes per shard, no "
      "automatic failover, or no Multi-AZ placement.";
  m.why =
      "A replication group survives the loss of its primary only when a replica exists, "
      "automatic failover promotes it, and the replica sits in another Availability Zone. "
      "Without a replica the data and the endpoint are gone with the node; without automatic "
      "failover writes fail until someone promotes a replica by hand; without Multi-AZ the "
      "replica may share the primary's zone and fail with it. `automatic_failover_enabled` and "
      "`multi_az_enabled` default to false.";
  m.remediation =
      "Run at least two nodes (`num_cache_clusters = 2`, or `replicas_per_node_group = 1` in "
      "cluster mode), and set `automatic_failover_enabled = true` and `multi_az_enabled = true` "
      "(or list at least two zones in `preferred_cache_cluster_azs`).";
  m.example_fix =
      "resource \"aws_elasticache_replication_group\" \"sessions\" {\n"
      "  replication_group_id       = \"sessions\"\n"
      "  description                = \"session store\"\n"
      "  node_type                  = \"cache.m6g.large\"\n"
      "  num_cache_clusters         = 2\n"
      "  automatic_failover_enabled = true\n"
      "  multi_az_enabled           = true\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "elasticache_replication_group",
  };
  m.peers = {
      {"checkov", "CKV2_AWS_50"},
      {"cloud-custodian (EPAM ecc-aws-rulepack)", "ecc-aws-270-elasticache_redis_multi_az_enabled"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_elasticache_replication_group"};
  return m;
}

// The first of `names` that is written (non-null), or nullptr.
const engine::Value* FirstSet(const engine::Value& holder,
                              std::initializer_list<std::string_view> names,
                              std::string* found_name) {
  for (std::string_view name : names) {
    const engine::Value* value = holder.Get(name);
    if (IsSet(value)) {
      *found_name = std::string(name);
      return value;
    }
  }
  return nullptr;
}

}  // namespace

const engine::RuleMetadata& ElasticacheFailoverRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ElasticacheFailoverRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value& attrs = resource.attributes;
  const std::string label = ResourceLabel(resource);
  if (BlocksUnknown(attrs, "cluster_mode")) return;

  // 1. Nodes per shard: the primary plus its replicas.
  std::string count_name;
  const engine::Value* count_value = nullptr;
  std::optional<double> nodes;
  const engine::Value* cluster_mode = FirstBlock(attrs, "cluster_mode");  // provider < 5
  const engine::Value* shard_holder = cluster_mode != nullptr ? cluster_mode : &attrs;
  if (IsSet(shard_holder->Get("num_node_groups")) ||
      IsSet(shard_holder->Get("replicas_per_node_group"))) {
    count_value = FirstSet(*shard_holder, {"replicas_per_node_group"}, &count_name);
    if (count_value == nullptr) {
      nodes = 1;  // replicas_per_node_group defaults to 0
    } else if (std::optional<double> replicas = KnownNumber(count_value)) {
      nodes = *replicas + 1;
    }
    if (cluster_mode != nullptr && !count_name.empty()) count_name = "cluster_mode." + count_name;
  } else {
    count_value = FirstSet(attrs, {"num_cache_clusters", "number_cache_clusters"}, &count_name);
    if (count_value != nullptr) {
      nodes = KnownNumber(count_value);
    } else if (const engine::Value* azs = attrs.Get("preferred_cache_cluster_azs"); IsSet(azs)) {
      if (azs->is_list()) nodes = static_cast<double>(azs->as_list().size());
    } else if (!IsSet(attrs.Get("global_replication_group_id"))) {
      nodes = 1;  // one node when nothing asks for more
    }
  }
  if (nodes.has_value() && *nodes < 2) {
    std::string detail = count_value != nullptr
                             ? " (" + count_name + " = " + count_value->ToDisplayString() + ")"
                             : " (no replicas are configured)";
    sink.Report(count_name, count_value,
                label + " has a single node per shard" + detail +
                    ": when the node fails its data and endpoint are lost, with no replica to "
                    "fail over to");
    return;
  }

  // 2. Automatic failover.
  const engine::Value* failover = attrs.Get("automatic_failover_enabled");
  if (failover == nullptr || failover->is_null()) {
    sink.Report(failover == nullptr ? "" : "automatic_failover_enabled", failover,
                label +
                    " has no automatic failover (automatic_failover_enabled is not set and "
                    "defaults to false): writes fail until a replica is promoted by hand");
    return;
  }
  if (std::optional<bool> on = KnownBool(failover); on.has_value() && !*on) {
    sink.Report("automatic_failover_enabled", failover,
                label +
                    " has automatic failover turned off: writes fail until a replica is "
                    "promoted by hand");
    return;
  }

  // 3. Multi-AZ placement.
  const engine::Value* multi_az = attrs.Get("multi_az_enabled");
  std::optional<bool> multi_az_on = (multi_az == nullptr || multi_az->is_null())
                                        ? std::optional<bool>(false)
                                        : KnownBool(multi_az);
  if (!multi_az_on.has_value() || *multi_az_on) return;
  const engine::Value* azs = attrs.Get("preferred_cache_cluster_azs");
  if (IsSet(azs)) {
    std::optional<std::set<std::string>> zones = KnownStringSet(azs);
    if (!zones.has_value() || zones->size() >= 2) return;  // Unknown, or spread by hand
    sink.Report("preferred_cache_cluster_azs", azs,
                label + " places every node in " + JoinZones(*zones) +
                    ": a zone outage takes the primary and its replicas down together");
    return;
  }
  std::string how = (multi_az == nullptr || multi_az->is_null())
                        ? " (multi_az_enabled is not set and defaults to false)"
                        : " (multi_az_enabled = false)";
  sink.Report(multi_az == nullptr ? "" : "multi_az_enabled", multi_az,
              label + " is not Multi-AZ" + how +
                  ": replicas may share the primary's availability zone and fail with it");
}

}  // namespace faultline::rules
