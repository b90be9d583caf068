// aws rds describe-db-instances / describe-db-clusters -> aws_db_instance,
// aws_rds_cluster_instance (instances that belong to an Aurora cluster) and aws_rds_cluster.
#include <string>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;
using engine::ValueMap;

namespace {

// DBSubnetGroup.Subnets[].SubnetAvailabilityZone.Name, in order (duplicates kept: two subnets in
// one zone are two entries).
Value SubnetAvailabilityZones(const Value* subnet_group) {
  const Value* subnets = Field(subnet_group, "Subnets");
  if (subnets == nullptr || !subnets->is_list()) return Value();
  ValueList zones;
  for (const Value& subnet : subnets->as_list()) {
    const Value* name = FieldPath(&subnet, {"SubnetAvailabilityZone", "Name"});
    if (name != nullptr && name->is_string()) zones.push_back(*name);
  }
  return Derived(Value::List(std::move(zones)), subnets);
}

// The first element's `key` of a list of maps (DBParameterGroups[0].DBParameterGroupName).
Value FirstOf(const Value* list, std::string_view key) {
  const Value* first = list != nullptr ? list->At(0) : nullptr;
  const Value* field = Field(first, key);
  return field != nullptr ? *field : Value();
}

void MapDbInstance(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* identifier = item.Get("DBInstanceIdentifier");
  const Value* cluster = item.Get("DBClusterIdentifier");
  const bool in_cluster =
      cluster != nullptr && cluster->is_string() && !cluster->as_string().empty();

  AttributeBuilder b(item);
  b.Copy("identifier", "DBInstanceIdentifier")
      .Copy("id", "DBInstanceIdentifier")
      .Copy("arn", "DBInstanceArn")
      .Copy("engine", "Engine")
      .Copy("engine_version", "EngineVersion")
      .Copy("instance_class", "DBInstanceClass")
      .Copy("availability_zone", "AvailabilityZone")
      .Copy("storage_encrypted", "StorageEncrypted")
      .Copy("kms_key_id", "KmsKeyId")
      .Copy("publicly_accessible", "PubliclyAccessible")
      .CopyPath("db_subnet_group_name", {"DBSubnetGroup", "DBSubnetGroupName"})
      .Set("subnet_availability_zones", SubnetAvailabilityZones(item.Get("DBSubnetGroup")))
      .CopyPath("port", {"Endpoint", "Port"})
      .Copy("auto_minor_version_upgrade", "AutoMinorVersionUpgrade")
      .Copy("copy_tags_to_snapshot", "CopyTagsToSnapshot")
      .Copy("performance_insights_enabled", "PerformanceInsightsEnabled")
      .Copy("performance_insights_kms_key_id", "PerformanceInsightsKMSKeyId")
      .Copy("performance_insights_retention_period", "PerformanceInsightsRetentionPeriod")
      .Copy("monitoring_interval", "MonitoringInterval")
      .Copy("monitoring_role_arn", "MonitoringRoleArn")
      .Copy("ca_cert_identifier", "CACertificateIdentifier")
      .Copy("network_type", "NetworkType")
      .Set("tags", TagsToMap(item.Get("TagList")));
  if (!b.Has("port")) b.Copy("port", "DbInstancePort");
  const Value* address = FieldPath(&item, {"Endpoint", "Address"});
  const Value* port = FieldPath(&item, {"Endpoint", "Port"});
  if (address != nullptr && address->is_string() && port != nullptr && port->is_number()) {
    b.Set("endpoint",
          DerivedString(address->as_string() + ":" + engine::FormatNumber(port->as_number()),
                        item.Get("Endpoint")));
  }

  if (in_cluster) {
    // Terraform manages the members of an Aurora cluster as aws_rds_cluster_instance; their
    // Multi-AZ, backups and deletion protection belong to the cluster.
    b.Copy("cluster_identifier", "DBClusterIdentifier")
        .Copy("dbi_resource_id", "DbiResourceId")
        .Copy("promotion_tier", "PromotionTier")
        .Copy("preferred_backup_window", "PreferredBackupWindow")
        .Copy("preferred_maintenance_window", "PreferredMaintenanceWindow")
        .Set("db_parameter_group_name",
             FirstOf(item.Get("DBParameterGroups"), "DBParameterGroupName"));
    AddResource(ctx, "aws_rds_cluster_instance", item, path, "DBInstanceIdentifier",
                StringOf(identifier), identifier, std::move(b).Build());
    return;
  }
  b.Copy("resource_id", "DbiResourceId")
      .Copy("multi_az", "MultiAZ")
      .Copy("backup_retention_period", "BackupRetentionPeriod")
      .Copy("backup_window", "PreferredBackupWindow")
      .Copy("maintenance_window", "PreferredMaintenanceWindow")
      .Copy("deletion_protection", "DeletionProtection")
      .Copy("allocated_storage", "AllocatedStorage")
      .Copy("max_allocated_storage", "MaxAllocatedStorage")
      .Copy("storage_type", "StorageType")
      .Copy("iops", "Iops")
      .Copy("storage_throughput", "StorageThroughput")
      .CopyPath("address", {"Endpoint", "Address"})
      .CopyPath("hosted_zone_id", {"Endpoint", "HostedZoneId"})
      .Copy("username", "MasterUsername")
      .Copy("db_name", "DBName")
      .Set("vpc_security_group_ids", Pluck(item.Get("VpcSecurityGroups"), "VpcSecurityGroupId"))
      .Set("parameter_group_name", FirstOf(item.Get("DBParameterGroups"), "DBParameterGroupName"))
      .Set("option_group_name", FirstOf(item.Get("OptionGroupMemberships"), "OptionGroupName"))
      .Copy("iam_database_authentication_enabled", "IAMDatabaseAuthenticationEnabled")
      .Copy("license_model", "LicenseModel")
      .Copy("replicate_source_db", "ReadReplicaSourceDBInstanceIdentifier")
      .Copy("status", "DBInstanceStatus")
      .Copy("enabled_cloudwatch_logs_exports", "EnabledCloudwatchLogsExports")
      .Copy("character_set_name", "CharacterSetName")
      .Copy("timezone", "Timezone");
  AddResource(ctx, "aws_db_instance", item, path, "DBInstanceIdentifier", StringOf(identifier),
              identifier, std::move(b).Build());
}

void MapDbCluster(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* identifier = item.Get("DBClusterIdentifier");
  AttributeBuilder b(item);
  b.Copy("cluster_identifier", "DBClusterIdentifier")
      .Copy("id", "DBClusterIdentifier")
      .Copy("arn", "DBClusterArn")
      .Copy("cluster_resource_id", "DbClusterResourceId")
      .Copy("engine", "Engine")
      .Copy("engine_version", "EngineVersion")
      .Copy("engine_mode", "EngineMode")
      .Copy("availability_zones", "AvailabilityZones")
      .Set("cluster_members", Pluck(item.Get("DBClusterMembers"), "DBInstanceIdentifier"))
      .Copy("deletion_protection", "DeletionProtection")
      .Copy("backup_retention_period", "BackupRetentionPeriod")
      .Copy("preferred_backup_window", "PreferredBackupWindow")
      .Copy("preferred_maintenance_window", "PreferredMaintenanceWindow")
      .Copy("storage_encrypted", "StorageEncrypted")
      .Copy("kms_key_id", "KmsKeyId")
      .Copy("db_subnet_group_name", "DBSubnetGroup")
      .Set("vpc_security_group_ids", Pluck(item.Get("VpcSecurityGroups"), "VpcSecurityGroupId"))
      .Copy("port", "Port")
      .Copy("master_username", "MasterUsername")
      .Copy("database_name", "DatabaseName")
      .Copy("endpoint", "Endpoint")
      .Copy("reader_endpoint", "ReaderEndpoint")
      .Copy("hosted_zone_id", "HostedZoneId")
      .Copy("db_cluster_parameter_group_name", "DBClusterParameterGroup")
      .Copy("iam_database_authentication_enabled", "IAMDatabaseAuthenticationEnabled")
      .Copy("copy_tags_to_snapshot", "CopyTagsToSnapshot")
      .Copy("replication_source_identifier", "ReplicationSourceIdentifier")
      .Copy("db_cluster_instance_class", "DBClusterInstanceClass")
      .Copy("allocated_storage", "AllocatedStorage")
      .Copy("storage_type", "StorageType")
      .Copy("iops", "Iops")
      .Copy("backtrack_window", "BacktrackWindow")
      .Copy("enabled_cloudwatch_logs_exports", "EnabledCloudwatchLogsExports")
      .Copy("network_type", "NetworkType")
      .Set("tags", TagsToMap(item.Get("TagList")));
  if (const Value* scaling = item.Get("ServerlessV2ScalingConfiguration");
      scaling != nullptr && scaling->is_map()) {
    ValueMap block;
    if (const Value* v = scaling->Get("MinCapacity")) block.emplace("min_capacity", *v);
    if (const Value* v = scaling->Get("MaxCapacity")) block.emplace("max_capacity", *v);
    b.Set("serverlessv2_scaling_configuration",
          Derived(Value::List({Derived(Value::Map(std::move(block)), scaling)}), scaling));
  }
  AddResource(ctx, "aws_rds_cluster", item, path, "DBClusterIdentifier", StringOf(identifier),
              identifier, std::move(b).Build());
}

}  // namespace

void MapRdsDbInstances(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "DBInstances",
              [&](const Value& item, const std::string& path) { MapDbInstance(item, path, ctx); });
}

void MapRdsDbClusters(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "DBClusters",
              [&](const Value& item, const std::string& path) { MapDbCluster(item, path, ctx); });
}

}  // namespace faultline::parsers::live
