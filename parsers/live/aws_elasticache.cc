// aws elasticache describe-replication-groups -> aws_elasticache_replication_group.
#include <string>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;

namespace {

// AWS reports these settings as "enabled" | "disabled" | "enabling" | "disabling"; Terraform
// reads a bool that is true only for "enabled".
Value EnabledStatus(const Value* status) {
  if (status == nullptr || !status->is_string()) return Value();
  return DerivedBool(status->as_string() == "enabled", status);
}

Value CountOf(const Value* list) {
  if (list == nullptr || !list->is_list()) return Value();
  return DerivedNumber(static_cast<double>(list->size()), list);
}

void MapReplicationGroup(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* id = item.Get("ReplicationGroupId");
  const Value* node_groups = item.Get("NodeGroups");
  const Value* first_group = node_groups != nullptr ? node_groups->At(0) : nullptr;
  const Value* cluster_enabled = item.Get("ClusterEnabled");
  const bool cluster_mode =
      cluster_enabled != nullptr && cluster_enabled->is_bool() && cluster_enabled->as_bool();

  AttributeBuilder b(item);
  b.Copy("id", "ReplicationGroupId")
      .Copy("replication_group_id", "ReplicationGroupId")
      .Copy("arn", "ARN")
      .Copy("description", "Description")
      .Set("automatic_failover_enabled", EnabledStatus(item.Get("AutomaticFailover")))
      .Set("multi_az_enabled", EnabledStatus(item.Get("MultiAZ")))
      .Copy("member_clusters", "MemberClusters")
      .Set("num_cache_clusters", CountOf(item.Get("MemberClusters")))
      .Set("num_node_groups", CountOf(node_groups))
      .Copy("node_type", "CacheNodeType")
      .Copy("engine", "Engine")
      .Copy("cluster_enabled", "ClusterEnabled")
      .Copy("cluster_mode", "ClusterMode")
      .Copy("snapshot_retention_limit", "SnapshotRetentionLimit")
      .Copy("snapshot_window", "SnapshotWindow")
      .Copy("at_rest_encryption_enabled", "AtRestEncryptionEnabled")
      .Copy("transit_encryption_enabled", "TransitEncryptionEnabled")
      .Copy("transit_encryption_mode", "TransitEncryptionMode")
      .Copy("kms_key_id", "KmsKeyId")
      .Copy("auto_minor_version_upgrade", "AutoMinorVersionUpgrade")
      .Copy("user_group_ids", "UserGroupIds")
      .Set("data_tiering_enabled", EnabledStatus(item.Get("DataTiering")))
      .Copy("network_type", "NetworkType")
      .Copy("ip_discovery", "IpDiscovery")
      .CopyPath("global_replication_group_id",
                {"GlobalReplicationGroupInfo", "GlobalReplicationGroupId"})
      .CopyPath("configuration_endpoint_address", {"ConfigurationEndpoint", "Address"});
  if (const Value* members = Field(first_group, "NodeGroupMembers");
      members != nullptr && members->is_list() && members->size() > 0) {
    b.Set("replicas_per_node_group",
          DerivedNumber(static_cast<double>(members->size() - 1), members));
  }
  if (!cluster_mode && first_group != nullptr) {
    if (const Value* v = FieldPath(first_group, {"PrimaryEndpoint", "Address"})) {
      b.Set("primary_endpoint_address", *v);
    }
    if (const Value* v = FieldPath(first_group, {"ReaderEndpoint", "Address"})) {
      b.Set("reader_endpoint_address", *v);
    }
    if (const Value* v = FieldPath(first_group, {"PrimaryEndpoint", "Port"})) b.Set("port", *v);
  } else {
    b.CopyPath("port", {"ConfigurationEndpoint", "Port"});
  }
  // Not a Terraform attribute: the zone of every node, so rules can count zones.
  if (node_groups != nullptr && node_groups->is_list()) {
    ValueList zones;
    for (const Value& group : node_groups->as_list()) {
      const Value* members = group.Get("NodeGroupMembers");
      if (members == nullptr || !members->is_list()) continue;
      for (const Value& member : members->as_list()) {
        const Value* zone = member.Get("PreferredAvailabilityZone");
        if (zone != nullptr && zone->is_string()) zones.push_back(*zone);
      }
    }
    b.Set("member_availability_zones", Derived(Value::List(std::move(zones)), node_groups));
  }
  AddResource(ctx, "aws_elasticache_replication_group", item, path, "ReplicationGroupId",
              StringOf(id), id, std::move(b).Build());
}

}  // namespace

void MapElastiCacheReplicationGroups(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "ReplicationGroups", [&](const Value& item, const std::string& path) {
    MapReplicationGroup(item, path, ctx);
  });
}

}  // namespace faultline::parsers::live
