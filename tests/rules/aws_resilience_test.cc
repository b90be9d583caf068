// The AWS resilience rules beyond their fixtures: the shared helpers (zone resolution over a
// hand-built graph, bucket-name globs) and rule options read through engine::Scan.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "engine/file_provider.h"
#include "engine/scan.h"
#include "rules/common/aws_s3_versioning.h"
#include "rules/common/aws_zones.h"
#include "rules/registry.h"

namespace faultline::rules {
namespace {

using engine::Resource;
using engine::ResourceGraph;
using engine::Value;

const std::string kRulesDir = FAULTLINE_RULES_DIR;

Value Ref(const std::string& address, const std::string& attribute = "id") {
  return Value::Unknown("computed attribute " + address + "." + attribute, {}, address, attribute);
}

Resource Subnet(const std::string& name, const std::string& key, const std::string& zone) {
  Resource r;
  r.type = "aws_subnet";
  r.name = name;
  r.address = "aws_subnet." + name;
  r.module_dir = ".";
  engine::ValueMap attributes;
  attributes.emplace(key, Value::String(zone));
  r.attributes = Value::Map(std::move(attributes));
  return r;
}

class SubnetZonesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    graph_.Add(Subnet("a", "availability_zone", "eu-west-1a"));
    graph_.Add(Subnet("a2", "availability_zone", "eu-west-1a"));
    graph_.Add(Subnet("b", "availability_zone", "eu-west-1b"));
    graph_.Add(Subnet("z", "availability_zone_id", "euw1-az3"));
    Resource unpinned;
    unpinned.type = "aws_subnet";
    unpinned.name = "unpinned";
    unpinned.address = "aws_subnet.unpinned";
    unpinned.module_dir = ".";
    unpinned.attributes = Value::Map({});
    graph_.Add(std::move(unpinned));
    holder_.type = "aws_db_subnet_group";
    holder_.address = "aws_db_subnet_group.main";
    holder_.module_dir = ".";
    holder_.id = static_cast<engine::ResourceId>(graph_.size());
    graph_.Add(holder_);
    graph_.Finalize();
  }
  std::optional<std::set<std::string>> Zones(engine::ValueList ids) const {
    Value list = Value::List(std::move(ids));
    return SubnetZones(graph_, holder_, &list);
  }
  ResourceGraph graph_;
  Resource holder_;
};

TEST_F(SubnetZonesTest, ResolvesReferencesToDistinctZones) {
  EXPECT_EQ(Zones({Ref("aws_subnet.a"), Ref("aws_subnet.a2")}),
            (std::set<std::string>{"eu-west-1a"}));
  EXPECT_EQ(Zones({Ref("aws_subnet.a"), Ref("aws_subnet.b")}),
            (std::set<std::string>{"eu-west-1a", "eu-west-1b"}));
  EXPECT_EQ(Zones({Ref("aws_subnet.z", "arn")}), (std::set<std::string>{"euw1-az3"}));
}

TEST_F(SubnetZonesTest, AnythingUnresolvedMakesTheAnswerUnknown) {
  EXPECT_FALSE(Zones({}).has_value());
  EXPECT_FALSE(Zones({Ref("aws_subnet.a"), Value::String("subnet-0abc")}).has_value());
  EXPECT_FALSE(Zones({Ref("aws_subnet.a"), Ref("aws_subnet.unpinned")}).has_value());
  EXPECT_FALSE(Zones({Ref("aws_subnet.a"), Ref("aws_subnet.missing")}).has_value());
  EXPECT_FALSE(Zones({Ref("aws_subnet.a", "vpc_id")}).has_value());
  EXPECT_FALSE(
      Zones({Ref("aws_subnet.a"), Value::Unknown("variable var.x has no value")}).has_value());
  // Zone names and zone IDs cannot be compared.
  EXPECT_FALSE(Zones({Ref("aws_subnet.a"), Ref("aws_subnet.z")}).has_value());
  Value unknown_list = Value::Unknown("output of module.vpc");
  EXPECT_FALSE(SubnetZones(graph_, holder_, &unknown_list).has_value());
  EXPECT_FALSE(SubnetZones(graph_, holder_, nullptr).has_value());
}

TEST(AwsZonesTest, KnownStringSetAndJoin) {
  Value zones = Value::List({Value::String("b"), Value::String("a"), Value::String("b")});
  EXPECT_EQ(KnownStringSet(&zones), (std::set<std::string>{"a", "b"}));
  Value partly = Value::List({Value::String("a"), Value::Unknown("x")});
  EXPECT_FALSE(KnownStringSet(&partly).has_value());
  EXPECT_EQ(JoinZones({"a"}), "a");
  EXPECT_EQ(JoinZones({"a", "b"}), "a and b");
  EXPECT_EQ(JoinZones({"a", "b", "c"}), "a, b and c");
}

TEST(BucketPatternsTest, GlobsAreCaseInsensitive) {
  EXPECT_TRUE(GlobMatch("*tfstate*", "acme-TFSTATE-prod"));
  EXPECT_TRUE(GlobMatch("*backup*", "backup"));
  EXPECT_TRUE(GlobMatch("acme-?", "acme-1"));
  EXPECT_FALSE(GlobMatch("acme-?", "acme-12"));
  EXPECT_FALSE(GlobMatch("*tfstate*", "acme-state"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_EQ(SplitPatterns(" *a* ,, b "), (std::vector<std::string>{"*a*", "b"}));
  EXPECT_FALSE(SplitPatterns(kDefaultStateBucketPatterns).empty());
}

// Scans one fixture with one rule and the given option overrides; returns the finding lines.
std::vector<uint32_t> ScanLines(const std::string& fixture, const std::string& rule_id,
                                engine::RuleOptionOverrides overrides) {
  static const engine::RuleList* rules = new engine::RuleList(CreateAllRules());
  engine::ScanOptions options;
  options.paths = {kRulesDir + "/" + fixture};
  options.jobs = 1;
  options.enabled_rules = {rule_id};
  options.rule_options[rule_id] = std::move(overrides);
  engine::DiskFileProvider files;
  engine::ScanResult result = engine::Scan(options, files, *rules);
  std::vector<uint32_t> lines;
  for (const engine::Finding& finding : result.findings) {
    if (finding.rule_id == rule_id) lines.push_back(finding.range.start().line + 1);
  }
  return lines;
}

TEST(AwsRuleOptionsTest, StatelessZoneMinimumIsConfigurable) {
  const std::string fixture = "aws/asg_single_az/testdata/bad_zones.tf";
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0013", {}).size(), 3u);
  // Two zones are enough when the user says so: only the single-zone groups remain.
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0013", {{"min_azs_stateless", "2"}}).size(), 2u);
}

TEST(AwsRuleOptionsTest, StatefulZoneMinimumIsConfigurable) {
  const std::string fixture = "aws/db_subnet_group_single_az/testdata/good_subnet_group.tf";
  EXPECT_TRUE(ScanLines(fixture, "FL-AWS-0016", {}).empty());
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0016", {{"min_azs_stateful", "3"}}).size(), 1u);
}

TEST(AwsRuleOptionsTest, BackupRetentionMinimumIsConfigurable) {
  const std::string fixture = "aws/rds_backup_retention/testdata/bad_retention.tf";
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0002", {}).size(), 4u);
  // A minimum of 1 day reports disabled backups only.
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0002", {{"min_backup_retention_days", "1"}}),
            (std::vector<uint32_t>{6}));
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0002", {{"min_backup_retention_days", "10"}}).size(), 4u);
}

TEST(AwsRuleOptionsTest, StateBucketPatternsAreConfigurable) {
  const std::string fixture = "aws/s3_state_bucket_versioning/testdata/good_state_buckets.tf";
  EXPECT_TRUE(ScanLines(fixture, "FL-AWS-0018", {}).empty());
  EXPECT_EQ(ScanLines(fixture, "FL-AWS-0018", {{"state_bucket_patterns", "*-assets"}}).size(), 1u);
}

}  // namespace
}  // namespace faultline::rules
