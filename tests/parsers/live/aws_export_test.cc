// Each aws CLI fixture (one per supported command, shaped as the CLI prints it) maps to the
// Terraform types, identifiers and attribute names it corresponds to.
#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "parsers/live/live_loader.h"
#include "tests/parsers/live/live_test_util.h"

namespace faultline::parsers::live {
namespace {

using engine::Resource;
using engine::Value;
using ::testing::ElementsAre;
using testing::Loaded;
using testing::LoadFixture;
using testing::Strings;

std::vector<std::string> Addresses(const Loaded& loaded) {
  std::vector<std::string> out;
  for (const Resource& r : loaded.result.resources) out.push_back(r.address);
  return out;
}

void ExpectLiveResource(const Resource& r, const std::string& type, const std::string& name) {
  EXPECT_EQ(r.origin, engine::Origin::kLive);
  EXPECT_EQ(r.kind, engine::ResourceKind::kManaged);
  EXPECT_EQ(r.type, type);
  EXPECT_EQ(r.name, name);
  EXPECT_EQ(r.address, "live:" + type + "/" + name);
  EXPECT_EQ(r.module_dir, "snapshot");
  EXPECT_TRUE(r.index_key.is_null());
  EXPECT_TRUE(r.server_fields.is_null());
  ASSERT_TRUE(r.attributes.is_map());
  EXPECT_TRUE(r.attributes.Get("aws") != nullptr && r.attributes.Get("aws")->is_map());
  EXPECT_TRUE(r.range.valid());
  EXPECT_TRUE(r.header.valid());
}

TEST(AwsExportTest, RdsDbInstances) {
  Loaded l = LoadFixture("aws/rds_describe_db_instances.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsRdsDbInstances);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l), ElementsAre("live:aws_db_instance/orders-db",
                                        "live:aws_db_instance/orders-db-replica",
                                        "live:aws_rds_cluster_instance/shop-aurora-1"));
  const Resource& db = l.result.resources[0];
  ExpectLiveResource(db, "aws_db_instance", "orders-db");
  EXPECT_EQ(l.Text(db.header), "\"DBInstanceIdentifier\": \"orders-db\"");
  EXPECT_EQ(l.Text(db.range).front(), '{');
  EXPECT_EQ(db.Get("identifier")->as_string(), "orders-db");
  EXPECT_EQ(db.Get("id")->as_string(), "orders-db");
  EXPECT_EQ(db.Get("engine")->as_string(), "postgres");
  EXPECT_EQ(db.Get("engine_version")->as_string(), "15.4");
  EXPECT_EQ(db.Get("instance_class")->as_string(), "db.r6g.large");
  EXPECT_FALSE(db.Get("multi_az")->as_bool());
  EXPECT_EQ(l.Text(db.Get("multi_az")->range()), "\"MultiAZ\": false");
  EXPECT_EQ(db.Get("multi_az")->provenance(), Value::Provenance::kExplicit);
  EXPECT_EQ(db.Get("availability_zone")->as_string(), "us-east-1a");
  EXPECT_EQ(db.Get("backup_retention_period")->as_number(), 7);
  EXPECT_TRUE(db.Get("deletion_protection")->as_bool());
  EXPECT_TRUE(db.Get("storage_encrypted")->as_bool());
  EXPECT_FALSE(db.Get("publicly_accessible")->as_bool());
  EXPECT_EQ(db.Get("db_subnet_group_name")->as_string(), "orders-private");
  EXPECT_THAT(Strings(db.Get("subnet_availability_zones")),
              ElementsAre("us-east-1a", "us-east-1b", "us-east-1c"));
  EXPECT_EQ(db.Get("subnet_availability_zones")->provenance(), Value::Provenance::kDerived);
  EXPECT_EQ(l.Text(db.Get("subnet_availability_zones")->At(1)->range()),
            "\"Name\": \"us-east-1b\"");
  EXPECT_THAT(Strings(db.Get("vpc_security_group_ids")), ElementsAre("sg-0a1b2c3d4e5f60718"));
  EXPECT_EQ(db.Get("port")->as_number(), 5432);
  EXPECT_EQ(db.Get("endpoint")->as_string(),
            "orders-db.c9akciq32.us-east-1.rds.amazonaws.com:5432");
  EXPECT_EQ(db.Get("parameter_group_name")->as_string(), "orders-pg15");
  EXPECT_EQ(db.Get("option_group_name")->as_string(), "default:postgres-15");
  EXPECT_EQ(db.Get("resource_id")->as_string(), "db-7HXQZ3K2LJ5N4P6R8T0V2X4Z6B");
  EXPECT_EQ(db.Get("max_allocated_storage")->as_number(), 1000);
  EXPECT_EQ(db.Get("username")->as_string(), "orders_admin");
  EXPECT_EQ(db.Get("tags")->Get("team")->as_string(), "payments");
  EXPECT_EQ(db.Get("tags")->size(), 2u);
  EXPECT_EQ(l.Text(db.Get("tags")->Get("env")->range()), "\"Value\": \"prod\"");
  // Nothing is lost: the AWS object is kept whole.
  EXPECT_EQ(db.Find({"aws", "CACertificateIdentifier"})->as_string(), "rds-ca-rsa2048-g1");
  EXPECT_EQ(db.Find({"aws", "DBSubnetGroup", "Subnets", "2", "SubnetIdentifier"})->as_string(),
            "subnet-0cc33dd44ee55ff66");

  const Resource& replica = l.result.resources[1];
  EXPECT_TRUE(replica.Get("multi_az")->as_bool());
  EXPECT_EQ(replica.Get("replicate_source_db")->as_string(), "orders-db");
  EXPECT_EQ(replica.Get("tags")->size(), 0u);
  EXPECT_THAT(Strings(replica.Get("subnet_availability_zones")),
              ElementsAre("us-east-1a", "us-east-1b"));
}

TEST(AwsExportTest, AuroraMembersAreClusterInstancesWithoutInstanceLevelResilienceSettings) {
  Loaded l = LoadFixture("aws/rds_describe_db_instances.json");
  const Resource* member = l.Find("live:aws_rds_cluster_instance/shop-aurora-1");
  ASSERT_NE(member, nullptr);
  ExpectLiveResource(*member, "aws_rds_cluster_instance", "shop-aurora-1");
  EXPECT_EQ(member->Get("cluster_identifier")->as_string(), "shop-aurora");
  EXPECT_EQ(member->Get("identifier")->as_string(), "shop-aurora-1");
  EXPECT_EQ(member->Get("engine")->as_string(), "aurora-postgresql");
  EXPECT_EQ(member->Get("promotion_tier")->as_number(), 1);
  EXPECT_EQ(member->Get("db_parameter_group_name")->as_string(), "default.aurora-postgresql15");
  // Aurora reports MultiAZ false per instance; Multi-AZ and backups belong to the cluster.
  EXPECT_EQ(member->Get("multi_az"), nullptr);
  EXPECT_EQ(member->Get("backup_retention_period"), nullptr);
  EXPECT_FALSE(member->Find({"aws", "MultiAZ"})->as_bool());
}

TEST(AwsExportTest, RdsDbClusters) {
  Loaded l = LoadFixture("aws/rds_describe_db_clusters.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsRdsDbClusters);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 1u);
  const Resource& c = l.result.resources[0];
  ExpectLiveResource(c, "aws_rds_cluster", "shop-aurora");
  EXPECT_EQ(c.Get("cluster_identifier")->as_string(), "shop-aurora");
  EXPECT_EQ(c.Get("engine")->as_string(), "aurora-postgresql");
  EXPECT_THAT(Strings(c.Get("availability_zones")),
              ElementsAre("us-east-1a", "us-east-1b", "us-east-1c"));
  EXPECT_THAT(Strings(c.Get("cluster_members")), ElementsAre("shop-aurora-1", "shop-aurora-2"));
  EXPECT_FALSE(c.Get("deletion_protection")->as_bool());
  EXPECT_EQ(c.Get("backup_retention_period")->as_number(), 14);
  EXPECT_EQ(c.Get("db_subnet_group_name")->as_string(), "shop-db");
  EXPECT_EQ(c.Get("db_cluster_parameter_group_name")->as_string(), "default.aurora-postgresql15");
  EXPECT_TRUE(c.Get("iam_database_authentication_enabled")->as_bool());
  EXPECT_EQ(c.Find({"serverlessv2_scaling_configuration", "0", "min_capacity"})->as_number(), 0.5);
  EXPECT_EQ(c.Find({"serverlessv2_scaling_configuration", "0", "max_capacity"})->as_number(), 16);
  EXPECT_EQ(c.Get("tags")->Get("env")->as_string(), "prod");
}

TEST(AwsExportTest, Ec2InstancesAcrossReservations) {
  Loaded l = LoadFixture("aws/ec2_describe_instances.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2Instances);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l), ElementsAre("live:aws_instance/i-0598c7d356eba48d7",
                                        "live:aws_instance/i-0a1b2c3d4e5f67890",
                                        "live:aws_instance/i-0123abcd4567ef890"));
  const Resource& web = l.result.resources[0];
  ExpectLiveResource(web, "aws_instance", "i-0598c7d356eba48d7");
  EXPECT_EQ(web.Get("id")->as_string(), "i-0598c7d356eba48d7");
  EXPECT_EQ(web.Get("instance_type")->as_string(), "m6i.large");
  EXPECT_EQ(web.Get("ami")->as_string(), "ami-0c7217cdde317cfec");
  EXPECT_EQ(web.Get("availability_zone")->as_string(), "us-east-1a");
  EXPECT_EQ(l.Text(web.Get("availability_zone")->range()), "\"AvailabilityZone\": \"us-east-1a\"");
  EXPECT_EQ(web.Get("subnet_id")->as_string(), "subnet-0aa11bb22cc33dd44");
  EXPECT_THAT(Strings(web.Get("vpc_security_group_ids")),
              ElementsAre("sg-0123456789abcdef0", "sg-0fedcba9876543210"));
  EXPECT_EQ(web.Get("tags")->Get("Name")->as_string(), "web-1");
  EXPECT_EQ(web.Get("iam_instance_profile")->as_string(), "web-app-profile");
  EXPECT_FALSE(web.Get("monitoring")->as_bool());
  EXPECT_EQ(web.Get("instance_state")->as_string(), "running");
  EXPECT_EQ(web.Find({"metadata_options", "0", "http_tokens"})->as_string(), "optional");
  EXPECT_EQ(web.Find({"metadata_options", "0", "http_put_response_hop_limit"})->as_number(), 1);
  EXPECT_EQ(web.Get("public_ip"), nullptr);

  const Resource& stopped = l.result.resources[1];
  EXPECT_TRUE(stopped.Get("monitoring")->as_bool());
  EXPECT_EQ(stopped.Get("instance_state")->as_string(), "stopped");
  const Resource& spot = l.result.resources[2];
  EXPECT_EQ(spot.Get("availability_zone")->as_string(), "us-east-1b");
  EXPECT_EQ(spot.Get("public_ip")->as_string(), "54.210.17.3");
  EXPECT_EQ(spot.Get("instance_lifecycle")->as_string(), "spot");
  EXPECT_EQ(spot.Get("tags"), nullptr);  // no Tags key at all
}

TEST(AwsExportTest, SecurityGroupRulesInTerraformShape) {
  Loaded l = LoadFixture("aws/ec2_describe_security_groups.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2SecurityGroups);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 2u);
  const Resource& web = l.result.resources[0];
  ExpectLiveResource(web, "aws_security_group", "sg-0123456789abcdef0");
  EXPECT_EQ(web.Get("name")->as_string(), "web");
  EXPECT_EQ(web.Get("vpc_id")->as_string(), "vpc-0f1e2d3c4b5a69788");
  EXPECT_EQ(web.Get("description")->as_string(), "web tier");

  const Value* ingress = web.Get("ingress");
  ASSERT_TRUE(ingress != nullptr && ingress->is_list());
  // 443: one description for both ranges -> one rule; 22: two descriptions -> two rules;
  // 8080-8089: self + cross-account group + prefix list, no description -> one rule.
  ASSERT_EQ(ingress->size(), 4u);
  const Value& https = *ingress->At(0);
  EXPECT_EQ(https.Get("from_port")->as_number(), 443);
  EXPECT_EQ(https.Get("to_port")->as_number(), 443);
  EXPECT_EQ(https.Get("protocol")->as_string(), "tcp");
  EXPECT_THAT(Strings(https.Get("cidr_blocks")), ElementsAre("0.0.0.0/0"));
  EXPECT_THAT(Strings(https.Get("ipv6_cidr_blocks")), ElementsAre("::/0"));
  EXPECT_EQ(https.Get("description")->as_string(), "public https");
  EXPECT_FALSE(https.Get("self")->as_bool());
  EXPECT_EQ(l.Text(https.Get("cidr_blocks")->At(0)->range()), "\"CidrIp\": \"0.0.0.0/0\"");

  const Value& vpn = *ingress->At(1);
  EXPECT_EQ(vpn.Get("from_port")->as_number(), 22);
  EXPECT_THAT(Strings(vpn.Get("cidr_blocks")), ElementsAre("10.0.0.0/8", "192.168.0.0/16"));
  EXPECT_EQ(vpn.Get("description")->as_string(), "corp vpn");
  EXPECT_EQ(vpn.Get("security_groups")->size(), 0u);
  const Value& bastion = *ingress->At(2);
  EXPECT_EQ(bastion.Get("description")->as_string(), "ssh from bastion");
  EXPECT_THAT(Strings(bastion.Get("security_groups")), ElementsAre("sg-0fedcba9876543210"));
  EXPECT_EQ(bastion.Get("cidr_blocks")->size(), 0u);

  const Value& app = *ingress->At(3);
  EXPECT_EQ(app.Get("protocol")->as_string(), "tcp");  // IANA number 6, named as Terraform does
  EXPECT_EQ(app.Get("protocol")->provenance(), Value::Provenance::kDerived);
  EXPECT_EQ(app.Get("from_port")->as_number(), 8080);
  EXPECT_EQ(app.Get("to_port")->as_number(), 8089);
  EXPECT_TRUE(app.Get("self")->as_bool());
  EXPECT_THAT(Strings(app.Get("security_groups")),
              ElementsAre("210987654321/sg-0aaaabbbbccccdddd"));
  EXPECT_THAT(Strings(app.Get("prefix_list_ids")), ElementsAre("pl-63a5400a"));
  EXPECT_EQ(app.Get("description")->as_string(), "");

  const Value* egress = web.Get("egress");
  ASSERT_EQ(egress->size(), 1u);
  EXPECT_EQ(egress->At(0)->Get("protocol")->as_string(), "-1");
  EXPECT_EQ(egress->At(0)->Get("from_port")->as_number(), 0);
  EXPECT_EQ(egress->At(0)->Get("to_port")->as_number(), 0);
  EXPECT_THAT(Strings(egress->At(0)->Get("cidr_blocks")), ElementsAre("0.0.0.0/0"));

  const Resource& def = l.result.resources[1];
  EXPECT_EQ(def.Get("name")->as_string(), "default");
  ASSERT_EQ(def.Get("ingress")->size(), 1u);
  EXPECT_TRUE(def.Get("ingress")->At(0)->Get("self")->as_bool());
  EXPECT_EQ(def.Get("egress")->size(), 0u);
  EXPECT_EQ(def.Get("tags"), nullptr);
}

TEST(AwsExportTest, Subnets) {
  Loaded l = LoadFixture("aws/ec2_describe_subnets.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2Subnets);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 3u);
  const Resource& a = l.result.resources[0];
  ExpectLiveResource(a, "aws_subnet", "subnet-0aa11bb22cc33dd44");
  EXPECT_EQ(a.Get("availability_zone")->as_string(), "us-east-1a");
  EXPECT_EQ(a.Get("availability_zone_id")->as_string(), "use1-az4");
  EXPECT_EQ(a.Get("cidr_block")->as_string(), "10.0.0.0/20");
  EXPECT_EQ(a.Get("vpc_id")->as_string(), "vpc-0f1e2d3c4b5a69788");
  EXPECT_FALSE(a.Get("map_public_ip_on_launch")->as_bool());
  EXPECT_EQ(a.Get("tags")->Get("kubernetes.io/role/internal-elb")->as_string(), "1");
  EXPECT_EQ(a.Get("ipv6_cidr_block"), nullptr);
  const Resource& b = l.result.resources[1];
  EXPECT_TRUE(b.Get("map_public_ip_on_launch")->as_bool());
  EXPECT_EQ(b.Get("ipv6_cidr_block")->as_string(), "2600:1f18:2a3:e100::/64");
}

TEST(AwsExportTest, Vpcs) {
  Loaded l = LoadFixture("aws/ec2_describe_vpcs.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2Vpcs);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l), ElementsAre("live:aws_vpc/vpc-0f1e2d3c4b5a69788",
                                        "live:aws_vpc/vpc-0a9b8c7d6e5f43210"));
  const Resource& main = l.result.resources[0];
  ExpectLiveResource(main, "aws_vpc", "vpc-0f1e2d3c4b5a69788");
  EXPECT_EQ(main.Get("cidr_block")->as_string(), "10.0.0.0/16");
  EXPECT_EQ(main.Get("instance_tenancy")->as_string(), "default");
  EXPECT_EQ(main.Get("ipv6_cidr_block")->as_string(), "2600:1f18:2a3:e100::/56");
  EXPECT_EQ(main.Get("tags")->Get("Name")->as_string(), "main");
  EXPECT_TRUE(l.result.resources[1].Find({"aws", "IsDefault"})->as_bool());
}

TEST(AwsExportTest, ElastiCacheReplicationGroups) {
  Loaded l = LoadFixture("aws/elasticache_describe_replication_groups.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsElastiCacheReplicationGroups);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 2u);
  const Resource& sessions = l.result.resources[0];
  ExpectLiveResource(sessions, "aws_elasticache_replication_group", "sessions");
  EXPECT_TRUE(sessions.Get("automatic_failover_enabled")->as_bool());
  EXPECT_EQ(l.Text(sessions.Get("automatic_failover_enabled")->range()),
            "\"AutomaticFailover\": \"enabled\"");
  EXPECT_TRUE(sessions.Get("multi_az_enabled")->as_bool());
  EXPECT_EQ(sessions.Get("num_cache_clusters")->as_number(), 2);
  EXPECT_THAT(Strings(sessions.Get("member_clusters")),
              ElementsAre("sessions-001", "sessions-002"));
  EXPECT_EQ(sessions.Get("num_node_groups")->as_number(), 1);
  EXPECT_EQ(sessions.Get("replicas_per_node_group")->as_number(), 1);
  EXPECT_EQ(sessions.Get("node_type")->as_string(), "cache.r6g.large");
  EXPECT_EQ(sessions.Get("primary_endpoint_address")->as_string(),
            "master.sessions.abc123.use1.cache.amazonaws.com");
  EXPECT_EQ(sessions.Get("port")->as_number(), 6379);
  EXPECT_THAT(Strings(sessions.Get("member_availability_zones")),
              ElementsAre("us-east-1a", "us-east-1b"));
  EXPECT_TRUE(sessions.Get("transit_encryption_enabled")->as_bool());
  EXPECT_FALSE(sessions.Get("data_tiering_enabled")->as_bool());

  const Resource& feed = l.result.resources[1];
  EXPECT_FALSE(feed.Get("automatic_failover_enabled")->as_bool());
  EXPECT_FALSE(feed.Get("multi_az_enabled")->as_bool());
  EXPECT_EQ(feed.Get("num_node_groups")->as_number(), 2);
  EXPECT_EQ(feed.Get("replicas_per_node_group")->as_number(), 0);
  EXPECT_TRUE(feed.Get("cluster_enabled")->as_bool());
  EXPECT_EQ(feed.Get("primary_endpoint_address"), nullptr);
  EXPECT_EQ(feed.Get("configuration_endpoint_address")->as_string(),
            "clustercfg.feed-cache.abc123.use1.cache.amazonaws.com");
  EXPECT_THAT(Strings(feed.Get("member_availability_zones")),
              ElementsAre("us-east-1a", "us-east-1a"));
}

TEST(AwsExportTest, AutoScalingGroups) {
  Loaded l = LoadFixture("aws/autoscaling_describe_auto_scaling_groups.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsAutoScalingGroups);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 2u);
  const Resource& web = l.result.resources[0];
  ExpectLiveResource(web, "aws_autoscaling_group", "web-asg");
  EXPECT_EQ(web.Get("name")->as_string(), "web-asg");
  EXPECT_EQ(web.Get("min_size")->as_number(), 2);
  EXPECT_EQ(web.Get("max_size")->as_number(), 6);
  EXPECT_EQ(web.Get("desired_capacity")->as_number(), 3);
  EXPECT_THAT(Strings(web.Get("availability_zones")), ElementsAre("us-east-1a", "us-east-1b"));
  EXPECT_THAT(Strings(web.Get("vpc_zone_identifier")),
              ElementsAre("subnet-0aa11bb22cc33dd44", "subnet-0bb22cc33dd44ee55"));
  EXPECT_EQ(l.Text(web.Get("vpc_zone_identifier")->range()),
            "\"VPCZoneIdentifier\": \"subnet-0aa11bb22cc33dd44,subnet-0bb22cc33dd44ee55\"");
  EXPECT_EQ(web.Get("health_check_type")->as_string(), "ELB");
  EXPECT_EQ(web.Find({"launch_template", "0", "id"})->as_string(), "lt-0a1b2c3d4e5f60718");
  EXPECT_EQ(web.Find({"launch_template", "0", "version"})->as_string(), "$Latest");
  EXPECT_THAT(Strings(web.Get("suspended_processes")), ElementsAre("AZRebalance"));
  EXPECT_THAT(Strings(web.Get("enabled_metrics")), ElementsAre("GroupInServiceInstances"));
  EXPECT_EQ(web.Get("tags")->Get("team")->as_string(), "storefront");
  ASSERT_EQ(web.Get("tag")->size(), 2u);
  EXPECT_EQ(web.Find({"tag", "0", "key"})->as_string(), "Name");
  EXPECT_TRUE(web.Find({"tag", "0", "propagate_at_launch"})->as_bool());
  EXPECT_FALSE(web.Find({"tag", "1", "propagate_at_launch"})->as_bool());

  const Resource& eks = l.result.resources[1];
  EXPECT_THAT(Strings(eks.Get("vpc_zone_identifier")), ElementsAre("subnet-0aa11bb22cc33dd44"));
  EXPECT_EQ(eks.Get("launch_template"), nullptr);
  EXPECT_TRUE(eks.Get("capacity_rebalance")->as_bool());
  EXPECT_EQ(eks.Get("tags")->size(), 0u);
}

TEST(AwsExportTest, EksNodegroup) {
  Loaded l = LoadFixture("aws/eks_describe_nodegroup.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEksNodegroup);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 1u);
  const Resource& ng = l.result.resources[0];
  ExpectLiveResource(ng, "aws_eks_node_group", "prod:general");
  EXPECT_EQ(ng.Get("id")->as_string(), "prod:general");
  EXPECT_EQ(ng.Get("cluster_name")->as_string(), "prod");
  EXPECT_EQ(ng.Get("node_group_name")->as_string(), "general");
  EXPECT_EQ(l.Text(ng.header), "\"nodegroupName\": \"general\"");
  EXPECT_EQ(ng.Find({"scaling_config", "0", "min_size"})->as_number(), 1);
  EXPECT_EQ(ng.Find({"scaling_config", "0", "max_size"})->as_number(), 5);
  EXPECT_EQ(ng.Find({"scaling_config", "0", "desired_size"})->as_number(), 1);
  EXPECT_EQ(l.Text(ng.Find({"scaling_config", "0", "desired_size"})->range()),
            "\"desiredSize\": 1");
  EXPECT_THAT(Strings(ng.Get("subnet_ids")), ElementsAre("subnet-0aa11bb22cc33dd44"));
  EXPECT_THAT(Strings(ng.Get("instance_types")), ElementsAre("m6i.xlarge"));
  EXPECT_EQ(ng.Get("capacity_type")->as_string(), "ON_DEMAND");
  EXPECT_EQ(ng.Get("node_role_arn")->as_string(),
            "arn:aws:iam::123456789012:role/eks-node-group-general");
  EXPECT_EQ(ng.Get("labels")->Get("workload")->as_string(), "general");
  EXPECT_EQ(ng.Find({"taint", "0", "effect"})->as_string(), "NO_SCHEDULE");
  EXPECT_EQ(ng.Find({"update_config", "0", "max_unavailable"})->as_number(), 1);
  EXPECT_EQ(ng.Find({"launch_template", "0", "id"})->as_string(), "lt-0f9e8d7c6b5a43210");
  EXPECT_EQ(ng.Find({"resources", "0", "autoscaling_groups", "0", "name"})->as_string(),
            "eks-workers-20240102-4ec6a0b1");
  EXPECT_EQ(ng.Get("tags")->Get("team")->as_string(), "platform");
}

TEST(AwsExportTest, IamAuthorizationDetails) {
  Loaded l = LoadFixture("aws/iam_get_account_authorization_details.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsIamAuthorizationDetails);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l),
              ElementsAre("live:aws_iam_user/ci-deployer", "live:aws_iam_group/developers",
                          "live:aws_iam_role/orders-api",
                          "live:aws_iam_policy/arn:aws:iam::123456789012:policy/developer-access"));

  const Resource& user = l.result.resources[0];
  ExpectLiveResource(user, "aws_iam_user", "ci-deployer");
  EXPECT_EQ(user.Get("unique_id")->as_string(), "AIDAXYZ12345EXAMPLE1");
  EXPECT_THAT(Strings(user.Get("groups")), ElementsAre("developers"));
  EXPECT_THAT(Strings(user.Get("managed_policy_arns")),
              ElementsAre("arn:aws:iam::aws:policy/ReadOnlyAccess"));
  EXPECT_EQ(user.Find({"inline_policy", "0", "name"})->as_string(), "deploy-artifacts");
  EXPECT_EQ(
      user.Find({"inline_policy", "0", "policy", "Statement", "0", "Action", "1"})->as_string(),
      "s3:GetObject");
  EXPECT_EQ(user.Get("tags")->Get("owner")->as_string(), "platform");

  const Resource& group = l.result.resources[1];
  ExpectLiveResource(group, "aws_iam_group", "developers");
  EXPECT_EQ(group.Get("inline_policy")->size(), 0u);
  EXPECT_THAT(Strings(group.Get("managed_policy_arns")),
              ElementsAre("arn:aws:iam::123456789012:policy/developer-access"));

  const Resource& role = l.result.resources[2];
  ExpectLiveResource(role, "aws_iam_role", "orders-api");
  EXPECT_EQ(role.Get("path")->as_string(), "/service/");
  EXPECT_EQ(role.Get("arn")->as_string(), "arn:aws:iam::123456789012:role/service/orders-api");
  EXPECT_EQ(
      role.Find({"assume_role_policy", "Statement", "0", "Principal", "Service"})->as_string(),
      "ecs-tasks.amazonaws.com");
  EXPECT_EQ(role.Find({"inline_policy", "0", "policy", "Statement", "0", "Action"})->as_string(),
            "sqs:*");
  EXPECT_EQ(role.Get("permissions_boundary")->as_string(),
            "arn:aws:iam::123456789012:policy/service-boundary");
  EXPECT_EQ(role.Get("tags")->Get("service")->as_string(), "orders");

  const Resource& policy = l.result.resources[3];
  ExpectLiveResource(policy, "aws_iam_policy", "arn:aws:iam::123456789012:policy/developer-access");
  EXPECT_EQ(policy.Get("name")->as_string(), "developer-access");
  EXPECT_EQ(policy.Get("policy_id")->as_string(), "ANPAXYZ12345EXAMPLE4");
  EXPECT_EQ(policy.Get("attachment_count")->as_number(), 2);
  // The default version (v2), not the first one (v1, "Action": "*").
  EXPECT_EQ(policy.Find({"policy", "Statement", "0", "Action", "0"})->as_string(),
            "logs:GetLogEvents");
}

TEST(AwsExportTest, IamUrlEncodedPolicyDocumentsAreDecoded) {
  Loaded l = LoadFixture("aws/iam_get_account_authorization_details_url_encoded.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsIamAuthorizationDetails);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 1u);
  const Resource& role = l.result.resources[0];
  ExpectLiveResource(role, "aws_iam_role", "auditor");
  const Value* trust = role.Get("assume_role_policy");
  ASSERT_TRUE(trust != nullptr && trust->is_map());
  EXPECT_EQ(trust->provenance(), Value::Provenance::kDerived);
  EXPECT_EQ(trust->Find({"Statement", "0", "Principal", "AWS"})->as_string(),
            "arn:aws:iam::210987654321:root");
  EXPECT_EQ(trust->Find({"Statement", "0", "Condition", "Bool", "aws:MultiFactorAuthPresent"})
                ->as_string(),
            "true");
  // Decoded values point at the encoded string they came from.
  EXPECT_EQ(l.Text(trust->Find({"Statement", "0", "Effect"})->range()).substr(0, 27),
            "\"AssumeRolePolicyDocument\":");
  EXPECT_EQ(role.Find({"inline_policy", "0", "policy", "Statement", "0", "Resource"})->as_string(),
            "arn:aws:s3:::acme-prod-logs/*");
  // A document that is not JSON stays the string it was.
  EXPECT_EQ(role.Find({"inline_policy", "1", "policy"})->as_string(), "%ZZnot a document");
  // The AWS object keeps the encoded text.
  EXPECT_TRUE(role.Find({"aws", "AssumeRolePolicyDocument"})->is_string());
}

TEST(AwsExportTest, S3Buckets) {
  Loaded l = LoadFixture("aws/s3api_list_buckets.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsS3Buckets);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l), ElementsAre("live:aws_s3_bucket/acme-prod-artifacts",
                                        "live:aws_s3_bucket/acme-prod-logs"));
  const Resource& logs = l.result.resources[1];
  ExpectLiveResource(logs, "aws_s3_bucket", "acme-prod-logs");
  EXPECT_EQ(logs.Get("bucket")->as_string(), "acme-prod-logs");
  EXPECT_EQ(logs.Get("id")->as_string(), "acme-prod-logs");
  EXPECT_EQ(logs.Get("region")->as_string(), "eu-west-1");
  EXPECT_EQ(logs.Find({"aws", "CreationDate"})->as_string(), "2020-11-03T08:02:51+00:00");
}

TEST(AwsExportTest, EveryFixtureAddressIsUniqueWithinItsFile) {
  for (const char* fixture :
       {"aws/rds_describe_db_instances.json", "aws/rds_describe_db_clusters.json",
        "aws/ec2_describe_instances.json", "aws/ec2_describe_security_groups.json",
        "aws/ec2_describe_subnets.json", "aws/ec2_describe_vpcs.json",
        "aws/elasticache_describe_replication_groups.json",
        "aws/autoscaling_describe_auto_scaling_groups.json", "aws/eks_describe_nodegroup.json",
        "aws/iam_get_account_authorization_details.json", "aws/s3api_list_buckets.json"}) {
    Loaded l = LoadFixture(fixture);
    EXPECT_FALSE(l.result.resources.empty()) << fixture;
    std::vector<std::string> addresses = Addresses(l);
    std::sort(addresses.begin(), addresses.end());
    EXPECT_EQ(std::adjacent_find(addresses.begin(), addresses.end()), addresses.end()) << fixture;
  }
}

}  // namespace
}  // namespace faultline::parsers::live
