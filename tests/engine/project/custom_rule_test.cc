// Custom rules: every operator, three-valued logic with Unknown, graph conditions, where the
// finding points, Kubernetes kinds, and broken rules reported at file:line:col.
#include "engine/project/custom_rule.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "engine/project/config_loader.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine::project {
namespace {

using engine::testing::ScanFiles;

RuleList RulesFrom(const std::string& yaml) {
  ConfigLoadResult loaded = ParseProjectConfig(".faultline.yaml", "custom_rules:\n" + yaml);
  EXPECT_TRUE(loaded.errors.empty()) << FormatConfigError(loaded.errors[0]);
  return MakeCustomRules(std::move(loaded.config.custom_rules));
}

// "RULE line:col address attribute" for every finding of a custom rule.
std::vector<std::string> ScanWith(const RuleList& rules,
                                  const std::map<std::string, std::string>& files) {
  ScanOptions options;
  options.scan_secrets = false;
  ScanResult result = ScanFiles(files, options, &rules);
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    if (f.rule_id.starts_with("FL-")) continue;
    Position p = f.range.start();
    out.push_back(f.rule_id + " " + std::to_string(p.line + 1) + ":" +
                  std::to_string(p.column + 1) + " " + f.resource_address +
                  (f.attribute_path.empty() ? "" : " " + f.attribute_path));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Rule(const std::string& id, const std::string& condition) {
  return "  - id: " + id +
         "\n    severity: medium\n    message: \"{type} {name} matched\"\n"
         "    match: {resource_types: [aws_s3_bucket]}\n    condition: " +
         condition + "\n";
}

const char kBucket[] = R"(resource "aws_s3_bucket" "b" {
  bucket = "team-logs"
  size   = 5
  tags   = { env = "prod" }
  names  = ["a", "b"]
  versioning {
    enabled = false
  }
}
)";

TEST(CustomRuleTest, EveryOperator) {
  RuleList rules = RulesFrom(
      Rule("EXISTS-T", "{attribute: bucket, exists: true}") +
      Rule("EXISTS-F", "{attribute: acl, exists: true}") +
      Rule("ABSENT-T", "{attribute: acl, absent: true}") +
      Rule("ABSENT-F", "{attribute: bucket, absent: true}") +
      Rule("EQ-T", "{attribute: bucket, equals: team-logs}") +
      Rule("EQ-F", "{attribute: bucket, equals: other}") +
      Rule("EQ-NUM", "{attribute: size, equals: \"5\"}") +
      Rule("NE-T", "{attribute: bucket, not_equals: other}") +
      Rule("NE-F", "{attribute: bucket, not_equals: team-logs}") +
      Rule("NE-ABSENT", "{attribute: acl, not_equals: private}") +
      Rule("IN-T", "{attribute: tags.env, in: [dev, prod]}") +
      Rule("IN-F", "{attribute: tags.env, in: [dev, test]}") +
      Rule("RE-T", "{attribute: bucket, regex: \"^team-\"}") +
      Rule("RE-F", "{attribute: bucket, regex: \"^ops-\"}") +
      Rule("GT-T", "{attribute: size, gt: 4}") + Rule("GT-F", "{attribute: size, gt: 5}") +
      Rule("LT-T", "{attribute: size, lt: 6}") + Rule("LT-F", "{attribute: size, lt: 5}") +
      Rule("CONTAINS-LIST", "{attribute: names, contains: b}") +
      Rule("CONTAINS-STR", "{attribute: bucket, contains: logs}") +
      Rule("CONTAINS-MAP", "{attribute: tags, contains: env}") +
      Rule("CONTAINS-F", "{attribute: names, contains: c}") +
      Rule("BLOCK-T", "{attribute: versioning.enabled, equals: false}") +
      Rule("BLOCK-IDX", "{attribute: \"versioning[0].enabled\", equals: false}") +
      Rule("EACH-T", "{attribute: \"names[*]\", equals: a}") +
      Rule("ALL-T", "{all: [{attribute: size, gt: 1}, {attribute: bucket, exists: true}]}") +
      Rule("ALL-F", "{all: [{attribute: size, gt: 1}, {attribute: acl, exists: true}]}") +
      Rule("ANY-T", "{any: [{attribute: acl, exists: true}, {attribute: size, lt: 9}]}") +
      Rule("ANY-F", "{any: [{attribute: acl, exists: true}, {attribute: size, gt: 9}]}") +
      Rule("NOT-T", "{not: {attribute: bucket, equals: other}}") +
      Rule("NOT-F", "{not: {attribute: bucket, exists: true}}"));
  EXPECT_EQ(ScanWith(rules, {{"main.tf", kBucket}}),
            (std::vector<std::string>{
                "ABSENT-T 1:1 aws_s3_bucket.b",
                "ALL-T 3:3 aws_s3_bucket.b size",
                "ANY-T 3:3 aws_s3_bucket.b size",
                "BLOCK-IDX 7:5 aws_s3_bucket.b versioning[0].enabled",
                "BLOCK-T 7:5 aws_s3_bucket.b versioning[0].enabled",
                "CONTAINS-LIST 5:3 aws_s3_bucket.b names",
                "CONTAINS-MAP 4:3 aws_s3_bucket.b tags",
                "CONTAINS-STR 2:3 aws_s3_bucket.b bucket",
                "EACH-T 5:13 aws_s3_bucket.b names[0]",
                "EQ-NUM 3:3 aws_s3_bucket.b size",
                "EQ-T 2:3 aws_s3_bucket.b bucket",
                "EXISTS-T 2:3 aws_s3_bucket.b bucket",
                "GT-T 3:3 aws_s3_bucket.b size",
                "IN-T 4:20 aws_s3_bucket.b tags.env",
                "LT-T 3:3 aws_s3_bucket.b size",
                "NE-T 2:3 aws_s3_bucket.b bucket",
                "NOT-T 2:3 aws_s3_bucket.b bucket",
                "RE-T 2:3 aws_s3_bucket.b bucket",
            }));
}

TEST(CustomRuleTest, MessageTemplate) {
  RuleList rules = RulesFrom(Rule("ACME-1", "{attribute: bucket, exists: true}"));
  ScanResult result = ScanFiles({{"main.tf", kBucket}}, {}, &rules);
  ASSERT_FALSE(result.findings.empty());
  bool found = false;
  for (const Finding& f : result.findings) {
    if (f.rule_id != "ACME-1") continue;
    found = true;
    EXPECT_EQ(f.message, "aws_s3_bucket b matched");
    EXPECT_EQ(f.rule_name, "acme-1");
    EXPECT_EQ(f.severity, Severity::kMedium);
  }
  EXPECT_TRUE(found);
}

TEST(CustomRuleTest, UnknownNeverReports) {
  const char unknown[] = R"(resource "aws_s3_bucket" "other" {}
resource "aws_s3_bucket" "b" {
  bucket = aws_s3_bucket.other.id
  size   = aws_s3_bucket.other.size
  names  = [aws_s3_bucket.other.id]
}
)";
  RuleList rules = RulesFrom(
      Rule("EQ", "{attribute: bucket, equals: x}") +
      Rule("NE", "{attribute: bucket, not_equals: x}") +
      Rule("NOT-EQ", "{not: {attribute: bucket, equals: x}}") +
      Rule("RE", "{attribute: bucket, regex: \".*\"}") +
      Rule("IN", "{attribute: bucket, in: [a]}") + Rule("GT", "{attribute: size, gt: 0}") +
      Rule("LT", "{attribute: size, lt: 100000}") +
      Rule("ABSENT", "{attribute: bucket, absent: true}") +
      Rule("CONTAINS", "{attribute: names, contains: a}") +
      Rule("NOT-CONTAINS", "{not: {attribute: names, contains: a}}") +
      Rule("ANY", "{any: [{attribute: bucket, equals: x}, {attribute: size, gt: 1}]}") +
      Rule("ALL", "{all: [{attribute: bucket, exists: true}, {attribute: size, gt: 1}]}"));
  std::vector<std::string> found = ScanWith(rules, {{"main.tf", unknown}});
  // Nothing reports on `b`. The bucket `other` has no attributes at all: comparisons on an
  // absent attribute are false, so their negations hold there.
  EXPECT_EQ(found, (std::vector<std::string>{"ABSENT 1:1 aws_s3_bucket.other",
                                             "NOT-CONTAINS 1:1 aws_s3_bucket.other",
                                             "NOT-EQ 1:1 aws_s3_bucket.other"}));
}

TEST(CustomRuleTest, ThreeValuedCombinations) {
  // any(unknown, true) is true; all(unknown, false) is false; all(unknown, true) is unknown.
  const char mixed[] = R"(resource "aws_s3_bucket" "other" {}
resource "aws_s3_bucket" "b" {
  bucket = aws_s3_bucket.other.id
  size   = 5
}
)";
  RuleList rules = RulesFrom(
      Rule("ANY-T", "{any: [{attribute: bucket, equals: x}, {attribute: size, equals: 5}]}") +
      Rule("ALL-U", "{all: [{attribute: bucket, equals: x}, {attribute: size, equals: 5}]}") +
      Rule("NOT-ALL-F",
           "{not: {all: [{attribute: bucket, equals: x}, {attribute: size, equals: 6}]}}"));
  EXPECT_EQ(ScanWith(rules, {{"main.tf", mixed}}),
            (std::vector<std::string>{"ANY-T 4:3 aws_s3_bucket.b size",
                                      "NOT-ALL-F 1:1 aws_s3_bucket.other",
                                      "NOT-ALL-F 2:1 aws_s3_bucket.b"}));
}

TEST(CustomRuleTest, GraphConditionFollowsEdgesBothWays) {
  const char buckets[] = R"(resource "aws_s3_bucket" "on" {}
resource "aws_s3_bucket_versioning" "on" {
  bucket = aws_s3_bucket.on.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket" "suspended" {}
resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}
resource "aws_s3_bucket" "none" {}
)";
  RuleList rules = RulesFrom(Rule("VERSIONED", R"(
      not:
        connected:
          types: [aws_s3_bucket_versioning]
          direction: in
          condition: {attribute: versioning_configuration.status, equals: Enabled})") +
                             Rule("OUT-ONLY", R"(
      connected: {types: [aws_s3_bucket_versioning], direction: out})"));
  EXPECT_EQ(ScanWith(rules, {{"main.tf", buckets}}),
            (std::vector<std::string>{"VERSIONED 15:1 aws_s3_bucket.none",
                                      "VERSIONED 8:1 aws_s3_bucket.suspended"}));
  // From the versioning resource's side: an out edge to a bucket.
  RuleList reverse = RulesFrom(R"(  - id: TO-BUCKET
    severity: low
    message: m
    match: {resource_types: [aws_s3_bucket_versioning]}
    condition:
      connected:
        types: [aws_s3_bucket]
        direction: out
        edges: [references]
)");
  EXPECT_EQ(ScanWith(reverse, {{"main.tf", buckets}}),
            (std::vector<std::string>{"TO-BUCKET 2:1 aws_s3_bucket_versioning.on",
                                      "TO-BUCKET 9:1 aws_s3_bucket_versioning.suspended"}));
}

TEST(CustomRuleTest, KubernetesKindsAndSelectors) {
  RuleList rules = RulesFrom(R"(  - id: K8S-1
    severity: high
    message: "{name} runs a single replica"
    match: {kinds: [Deployment]}
    condition: {attribute: spec.replicas, lt: 2}
  - id: K8S-2
    severity: low
    message: "{name} has no service"
    match: {kinds: [Deployment]}
    condition: {not: {connected: {types: [Service]}}}
  - id: K8S-3
    severity: low
    message: "{name} uses latest"
    match: {kinds: [Deployment]}
    condition: {attribute: "spec.template.spec.containers[*].image", regex: ":latest$"}
)");
  const char manifests[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:latest
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 3
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - name: worker
          image: worker:1.2
)";
  EXPECT_EQ(ScanWith(rules, {{"k8s.yaml", manifests}}),
            (std::vector<std::string>{
                "K8S-1 6:3 Deployment/default/web spec.replicas",
                "K8S-2 23:1 Deployment/default/worker",
                "K8S-3 13:11 Deployment/default/web spec.template.spec.containers[0].image",
            }));
}

std::vector<std::string> Broken(const std::string& yaml) {
  std::vector<std::string> out;
  for (const ConfigError& e :
       ParseProjectConfig(".faultline.yaml", "custom_rules:\n" + yaml).errors) {
    out.push_back(FormatConfigError(e));
  }
  return out;
}

TEST(CustomRuleTest, BrokenRulesFailAtTheirLocation) {
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    match: {kinds: [Pod]}\n"
                   "    condition: {attribute: x, exists: true}\n"),
            std::vector<std::string>{".faultline.yaml:2:5: custom rule is missing `message`"});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {attribute: x, regex: \"(a\"}\n"),
            std::vector<std::string>{".faultline.yaml:6:38: invalid regex \"(a\": missing ): (a"});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {attribute: \"a..b\", exists: true}\n"),
            std::vector<std::string>{".faultline.yaml:6:28: invalid attribute path \"a..b\": "
                                     "empty segment at column 3"});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {all: [{attribute: x, exists: true, equals: 1}]}\n"),
            std::vector<std::string>{".faultline.yaml:6:38: one operator per attribute test "
                                     "(found equals and exists; combine tests with all or any)"});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {either: []}\n"),
            std::vector<std::string>{".faultline.yaml:6:17: unknown condition \"either\" "
                                     "(expected all, any, not, connected or attribute)"});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n"
                   "    match: {kinds: [Pod], resource_types: [x]}\n"
                   "    condition: {attribute: x, gt: high}\n"),
            (std::vector<std::string>{
                ".faultline.yaml:5:12: match needs exactly one of resource_types (Terraform) or "
                "kinds (Kubernetes)",
                ".faultline.yaml:6:35: gt needs a number, not a string"}));
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {connected: {types: [Service], direction: sideways}}\n"),
            std::vector<std::string>{".faultline.yaml:6:58: direction must be in, out or both, "
                                     "not \"sideways\""});
  EXPECT_EQ(Broken("  - id: A-1\n    severity: low\n    message: m\n    match: {kinds: [Pod]}\n"
                   "    condition: {attribute: x, exists: true}\n    owner: me\n"),
            std::vector<std::string>{".faultline.yaml:7:5: unknown key \"owner\" in a custom "
                                     "rule (expected one of: id, name, severity, title, "
                                     "description, remediation, message, match, condition)"});
}

TEST(CustomRuleTest, RuleDirectoryFilesReportTheirOwnPath) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "faultline-rules-XXXXXX").string();
  std::filesystem::path dir = mkdtemp(pattern.data());
  std::ofstream(dir / "a.yaml")
      << "id: ONE-1\nseverity: low\nmessage: m\n"
         "match: {kinds: [Pod]}\ncondition: {attribute: x, exists: true}\n"
         "---\n- id: TWO-1\n  severity: low\n  message: m\n"
         "  match: {kinds: [Pod]}\n  condition: {attribute: other, absent: true}\n";
  std::ofstream(dir / "b.yml")
      << "- id: THREE-1\n  severity: severe\n  message: m\n"
         "  match: {kinds: [Pod]}\n  condition: {attribute: x, exists: true}\n";
  std::ofstream(dir / "notes.txt") << "not a rule";
  DiskFileProvider files;
  CustomRulesLoadResult loaded = LoadCustomRules(files, dir.string());
  ASSERT_EQ(loaded.rules.size(), 2u);
  EXPECT_EQ(loaded.rules[0].metadata.id, "ONE-1");
  EXPECT_EQ(loaded.rules[1].metadata.id, "TWO-1");
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(
      FormatConfigError(loaded.errors[0]),
      (dir / "b.yml").string() +
          ":2:13: unknown severity \"severe\" (expected info, low, medium, high or critical)");
  std::filesystem::remove_all(dir);
}

TEST(CustomRuleTest, AttributePaths) {
  std::string error;
  auto path = ParseAttributePath("metadata.annotations[\"faultline.dev/x\"].a[2][*]", &error);
  ASSERT_TRUE(path.has_value()) << error;
  ASSERT_EQ(path->size(), 6u);
  EXPECT_EQ((*path)[2].key, "faultline.dev/x");
  EXPECT_EQ((*path)[3].kind, PathSegment::Kind::kKey);
  EXPECT_EQ((*path)[4].kind, PathSegment::Kind::kIndex);
  EXPECT_EQ((*path)[4].index, 2u);
  EXPECT_EQ((*path)[5].kind, PathSegment::Kind::kEach);
  EXPECT_FALSE(ParseAttributePath("a[", &error).has_value());
  EXPECT_FALSE(ParseAttributePath("a.", &error).has_value());
  EXPECT_FALSE(ParseAttributePath("a[x]", &error).has_value());
}

}  // namespace
}  // namespace faultline::engine::project
