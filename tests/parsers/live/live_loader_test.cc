// LoadLiveExport's handling of shapes it does not know, malformed input, empty exports and
// malformed items; LooksLikeLiveExport's classification.
#include <cmath>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "parsers/live/live_loader.h"
#include "tests/parsers/live/live_test_util.h"

namespace faultline::parsers::live {
namespace {

using engine::Finding;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Loaded;
using testing::LoadText;
using testing::RuleIds;

TEST(LiveLoaderTest, UnknownShapeIsANoticeAndSkipped) {
  Loaded l =
      LoadText("x.json", "{\"version\": 4, \"terraform_version\": \"1.6.0\", \"resources\": []}");
  EXPECT_EQ(l.result.kind, LiveExportKind::kUnknown);
  EXPECT_TRUE(l.result.resources.empty());
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  const Finding& f = l.result.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kFileSkippedId);
  EXPECT_EQ(f.rule_name, "engine-file-skipped");
  EXPECT_EQ(f.severity, engine::FindEngineRule(engine::kFileSkippedId)->severity);
  EXPECT_EQ(f.message,
            "unrecognised live export (top-level keys: resources, terraform_version, version); "
            "skipped");
  EXPECT_EQ(f.range.file, l.file.get());
  EXPECT_EQ(f.range.begin, 0u);
  EXPECT_FALSE(f.fingerprint.empty());
}

TEST(LiveLoaderTest, UnknownShapeNoticeListsAtMostTenKeys) {
  std::string text = "{";
  for (int i = 0; i < 12; ++i) text += (i ? ", \"k" : "\"k") + std::to_string(10 + i) + "\": 1";
  text += "}";
  Loaded l = LoadText("x.json", text);
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  EXPECT_THAT(l.result.diagnostics[0].message, HasSubstr("k18, k19, ...); skipped"));
}

TEST(LiveLoaderTest, ListPoliciesIsNotMistakenForAuthorizationDetails) {
  // `aws iam list-policies` prints Policies without documents: not a supported export.
  Loaded l =
      LoadText("p.json", R"({"Policies": [{"PolicyName": "p", "Arn": "arn:aws:iam::1:policy/p"}],
                                    "IsTruncated": false})");
  EXPECT_EQ(l.result.kind, LiveExportKind::kUnknown);
  EXPECT_THAT(RuleIds(l.result.diagnostics), ElementsAre(engine::kFileSkippedId));
}

TEST(LiveLoaderTest, NonObjectTopLevelIsUnknown) {
  Loaded list = LoadText("a.json", "[{\"DBInstances\": []}]");
  EXPECT_EQ(list.result.kind, LiveExportKind::kUnknown);
  ASSERT_EQ(list.result.diagnostics.size(), 1u);
  EXPECT_EQ(list.result.diagnostics[0].message,
            "unrecognised live export (the top-level value is a list, not an object); skipped");
  Loaded empty = LoadText("e.json", "{}");
  ASSERT_EQ(empty.result.diagnostics.size(), 1u);
  EXPECT_EQ(empty.result.diagnostics[0].message,
            "unrecognised live export (an empty object); skipped");
}

TEST(LiveLoaderTest, MalformedJsonIsASyntaxErrorAtLineAndColumn) {
  Loaded l = LoadText("rds.json",
                      "{\n  \"DBInstances\": [\n    {\"DBInstanceIdentifier\": \"a\",}\n  ]\n}\n");
  EXPECT_EQ(l.result.kind, LiveExportKind::kUnknown);
  EXPECT_TRUE(l.result.resources.empty());
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  const Finding& f = l.result.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(Loaded::LineCol(f.range), "3:34");
  EXPECT_THAT(f.message, HasSubstr("expected a string key"));
}

TEST(LiveLoaderTest, TruncatedExportIsASyntaxErrorAtTheEnd) {
  std::string text = testing::ReadFileText(testing::FixturePath("aws/ec2_describe_subnets.json"));
  text.resize(text.size() / 2);
  Loaded l = LoadText("subnets.json", text);
  EXPECT_TRUE(l.result.resources.empty());
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  EXPECT_EQ(l.result.diagnostics[0].rule_id, engine::kSyntaxErrorId);
  EXPECT_GE(l.result.diagnostics[0].range.begin, text.size() - 64);
}

TEST(LiveLoaderTest, EmptyExportsOfEveryKindGiveNoResources) {
  struct Case {
    const char* text;
    LiveExportKind kind;
  };
  for (const Case& c : {
           Case{R"({"DBInstances": []})", LiveExportKind::kAwsRdsDbInstances},
           Case{R"({"DBClusters": []})", LiveExportKind::kAwsRdsDbClusters},
           Case{R"({"Reservations": []})", LiveExportKind::kAwsEc2Instances},
           Case{R"({"Reservations": [{"Instances": [], "ReservationId": "r-1"}]})",
                LiveExportKind::kAwsEc2Instances},
           Case{R"({"SecurityGroups": []})", LiveExportKind::kAwsEc2SecurityGroups},
           Case{R"({"Subnets": []})", LiveExportKind::kAwsEc2Subnets},
           Case{R"({"Vpcs": []})", LiveExportKind::kAwsEc2Vpcs},
           Case{R"({"ReplicationGroups": []})", LiveExportKind::kAwsElastiCacheReplicationGroups},
           Case{R"({"AutoScalingGroups": []})", LiveExportKind::kAwsAutoScalingGroups},
           Case{R"({"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [],
                    "Policies": [], "IsTruncated": false})",
                LiveExportKind::kAwsIamAuthorizationDetails},
           Case{R"({"Buckets": [], "Owner": {"ID": "abc"}})", LiveExportKind::kAwsS3Buckets},
       }) {
    Loaded l = LoadText("empty.json", c.text);
    EXPECT_EQ(l.result.kind, c.kind) << c.text;
    EXPECT_TRUE(l.result.resources.empty()) << c.text;
    EXPECT_TRUE(l.result.diagnostics.empty()) << c.text;
  }
}

TEST(LiveLoaderTest, MalformedItemsAreSkippedWithANoticeAndTheRestLoaded) {
  Loaded l = LoadText("rds.json", R"({"DBInstances": [
    {"DBInstanceIdentifier": "good", "MultiAZ": true},
    42,
    {"Engine": "mysql"},
    {"DBInstanceIdentifier": ""}
  ]})");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsRdsDbInstances);
  ASSERT_EQ(l.result.resources.size(), 1u);
  EXPECT_EQ(l.result.resources[0].address, "live:aws_db_instance/good");
  ASSERT_EQ(l.result.diagnostics.size(), 3u);
  EXPECT_EQ(l.result.diagnostics[0].message,
            "aws rds describe-db-instances: DBInstances[1] is not an object; skipped");
  EXPECT_EQ(Loaded::LineCol(l.result.diagnostics[0].range), "3:5");
  EXPECT_EQ(l.result.diagnostics[1].message,
            "aws rds describe-db-instances: DBInstances[2] has no DBInstanceIdentifier; skipped");
  EXPECT_EQ(Loaded::LineCol(l.result.diagnostics[1].range), "4:5");
  EXPECT_THAT(l.result.diagnostics[2].message, HasSubstr("DBInstances[3] has no"));
  for (const Finding& f : l.result.diagnostics) EXPECT_EQ(f.rule_id, engine::kFileSkippedId);
}

TEST(LiveLoaderTest, MalformedInstancesNameTheirReservation) {
  Loaded l = LoadText("ec2.json", R"({"Reservations": [
    {"Instances": [{"InstanceId": "i-1"}]},
    {"Instances": ["i-2", {"InstanceType": "t3.micro"}]},
    {"Instances": {}}
  ]})");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2Instances);
  ASSERT_EQ(l.result.resources.size(), 1u);
  EXPECT_EQ(l.result.resources[0].address, "live:aws_instance/i-1");
  std::vector<std::string> messages;
  for (const Finding& f : l.result.diagnostics) messages.push_back(f.message);
  EXPECT_THAT(messages,
              ElementsAre("aws ec2 describe-instances: Reservations[1].Instances[0] is not an "
                          "object; skipped",
                          "aws ec2 describe-instances: Reservations[1].Instances[1] has no "
                          "InstanceId; skipped",
                          "aws ec2 describe-instances: Reservations[2].Instances is a map, not a "
                          "list; skipped"));
}

TEST(LiveLoaderTest, ListKeyOfTheWrongTypeIsSkipped) {
  Loaded l = LoadText("vpcs.json", "{\"Vpcs\": {\"VpcId\": \"vpc-1\"}}");
  EXPECT_EQ(l.result.kind, LiveExportKind::kAwsEc2Vpcs);
  EXPECT_TRUE(l.result.resources.empty());
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  EXPECT_EQ(l.result.diagnostics[0].message,
            "aws ec2 describe-vpcs: Vpcs is a map, not a list; skipped");
  Loaded ng = LoadText("ng.json", "{\"nodegroup\": []}");
  EXPECT_EQ(ng.result.kind, LiveExportKind::kAwsEksNodegroup);
  ASSERT_EQ(ng.result.diagnostics.size(), 1u);
  EXPECT_THAT(ng.result.diagnostics[0].message, HasSubstr("nodegroup is not an object"));
  Loaded nameless = LoadText("ng.json", "{\"nodegroup\": {\"clusterName\": \"prod\"}}");
  EXPECT_TRUE(nameless.result.resources.empty());
  ASSERT_EQ(nameless.result.diagnostics.size(), 1u);
  EXPECT_THAT(nameless.result.diagnostics[0].message,
              HasSubstr("has no clusterName and nodegroupName"));
}

TEST(LiveLoaderTest, DuplicateKeysWarnAndTheLastValueIsMapped) {
  Loaded l = LoadText("rds.json",
                      "{\"DBInstances\": [{\"DBInstanceIdentifier\": \"a\", \"MultiAZ\": true,\n"
                      "  \"MultiAZ\": false}]}");
  ASSERT_EQ(l.result.resources.size(), 1u);
  EXPECT_FALSE(l.result.resources[0].Get("multi_az")->as_bool());
  EXPECT_THAT(RuleIds(l.result.diagnostics), ElementsAre(engine::kDuplicateKeyId));
  EXPECT_EQ(Loaded::LineCol(l.result.diagnostics[0].range), "2:3");
}

TEST(LiveLoaderTest, NestingLimitComesFromTheOptions) {
  LiveOptions options;
  options.max_depth = 3;
  Loaded l = LoadText("deep.json", R"({"DBInstances": [{"TagList": [{"Key": "a"}]}]})", options);
  EXPECT_TRUE(l.result.resources.empty());
  EXPECT_THAT(RuleIds(l.result.diagnostics), ElementsAre(engine::kLimitExceededId));
}

TEST(LiveLoaderTest, HugeNumbersDoNotBreakMapping) {
  Loaded l = LoadText("asg.json", R"({"AutoScalingGroups": [{"AutoScalingGroupName": "a",
      "MinSize": 1e999, "MaxSize": 123456789012345678901234567890, "DesiredCapacity": -0}]})");
  ASSERT_EQ(l.result.resources.size(), 1u);
  EXPECT_TRUE(std::isinf(l.result.resources[0].Get("min_size")->as_number()));
  EXPECT_DOUBLE_EQ(l.result.resources[0].Get("max_size")->as_number(), 1.2345678901234568e29);
  EXPECT_EQ(l.result.resources[0].Get("desired_capacity")->as_number(), 0);
}

TEST(LooksLikeLiveExportTest, RecognisesEveryFixtureFromItsFirstBytes) {
  for (const char* fixture :
       {"aws/rds_describe_db_instances.json", "aws/rds_describe_db_clusters.json",
        "aws/ec2_describe_instances.json", "aws/ec2_describe_security_groups.json",
        "aws/ec2_describe_subnets.json", "aws/ec2_describe_vpcs.json",
        "aws/elasticache_describe_replication_groups.json",
        "aws/autoscaling_describe_auto_scaling_groups.json", "aws/eks_describe_nodegroup.json",
        "aws/iam_get_account_authorization_details.json", "aws/s3api_list_buckets.json",
        "k8s/kubectl_get_deploy_pdb_svc.json", "k8s/kubectl_get_deployment.json",
        "k8s/kubectl_empty_list.json"}) {
    std::string text = testing::ReadFileText(testing::FixturePath(fixture));
    EXPECT_TRUE(LooksLikeLiveExport(std::string_view(text).substr(0, 4096))) << fixture;
  }
}

TEST(LooksLikeLiveExportTest, RejectsOtherJsonAndYaml) {
  for (const char* text : {
           "",
           "   ",
           "[{\"DBInstances\": []}]",
           "apiVersion: v1\nkind: List\nitems: []\n",
           // A hand-written JSON manifest: no server metadata.
           "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": "
           "\"web\"}}",
           // A Terraform state and a .tf.json file.
           "{\"version\": 4, \"terraform_version\": \"1.6.0\", \"resources\": []}",
           "{\"resource\": {\"aws_db_instance\": {\"a\": {\"multi_az\": true}}}}",
           // AWS keys nested below the top level do not count.
           "{\"outputs\": {\"DBInstances\": []}}",
           "{\"note\": \"DBInstances\"}",
       }) {
    EXPECT_FALSE(LooksLikeLiveExport(text)) << text;
  }
}

TEST(LooksLikeLiveExportTest, WorksOnAnyPrefix) {
  EXPECT_TRUE(LooksLikeLiveExport("\xEF\xBB\xBF {\"Marker\": \"x\", \"DBClusters\": ["));
  EXPECT_TRUE(LooksLikeLiveExport("{\"nodegroup\": {\"nodegroupName\": \"gen"));
  EXPECT_FALSE(LooksLikeLiveExport("{\"DBInst"));
  EXPECT_FALSE(LooksLikeLiveExport("{\"a\\\"DBInstances\": 1}"));
  const std::string list =
      testing::ReadFileText(testing::FixturePath("k8s/kubectl_get_deploy_pdb_svc.json"));
  for (size_t n = 0; n <= list.size(); n += 7) {
    (void)LooksLikeLiveExport(std::string_view(list).substr(0, n));  // never reads past n
  }
}

}  // namespace
}  // namespace faultline::parsers::live
