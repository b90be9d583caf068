// ApplyProjectConfig: rule references, options against declared types, convenience keys, and
// their effect on a real scan.
#include <gtest/gtest.h>

#include "engine/project/config_apply.h"
#include "engine/project/config_loader.h"
#include "engine/project/custom_rule.h"
#include "tests/engine/project/test_rules.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine::project {
namespace {

using engine::testing::ScanFiles;
using engine::testing::TestRules;

struct Applied {
  ScanOptions scan;
  std::vector<std::string> errors;
};

Applied Apply(const std::string& text, const RuleList& rules) {
  ConfigLoadResult loaded = ParseProjectConfig(".faultline.yaml", text);
  EXPECT_TRUE(loaded.errors.empty()) << FormatConfigError(loaded.errors[0]);
  Applied out;
  for (const ConfigError& e : ApplyProjectConfig(loaded.config, rules, &out.scan)) {
    out.errors.push_back(FormatConfigError(e));
  }
  return out;
}

std::vector<std::string> Messages(const ScanResult& result, const std::string& rule_id) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    if (f.rule_id == rule_id) out.push_back(f.message);
  }
  return out;
}

const std::map<std::string, std::string> kTwoThings = {
    {"main.tf", "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n"},
    {"legacy/old.tf", "resource \"aws_thing\" \"b\" {\n  flag = true\n}\n"},
};

TEST(ConfigApplyTest, OptionsReachTheRuleWithPerRuleValuesWinning) {
  RuleList rules = TestRules();
  Applied a = Apply(R"(required_tags: [owner, team]
availability_zones: {stateful: 3, stateless: 4}
rules:
  test-options:
    options: {min_azs_stateless: 5, strict: true}
)",
                    rules);
  ASSERT_TRUE(a.errors.empty()) << a.errors[0];
  EXPECT_EQ(a.scan.rule_options["TEST-0003"]["required_tags"], "owner,team");
  ScanResult result = ScanFiles({{"main.tf", "resource \"aws_thing\" \"a\" {}\n"}}, a.scan, &rules);
  EXPECT_EQ(Messages(result, "TEST-0003"),
            std::vector<std::string>{"stateful=3 stateless=5 tags=owner;team; strict=true"});
}

TEST(ConfigApplyTest, DefaultsApplyWithoutConfiguration) {
  RuleList rules = TestRules();
  ScanResult result = ScanFiles({{"main.tf", "resource \"aws_thing\" \"a\" {}\n"}}, {}, &rules);
  EXPECT_EQ(Messages(result, "TEST-0003"),
            std::vector<std::string>{"stateful=2 stateless=3 tags= strict=false"});
}

TEST(ConfigApplyTest, UnknownRulesAndOptionsAndWrongTypesAreErrorsAtTheirPlace) {
  RuleList rules = TestRules();
  Applied a = Apply(R"(disable: [TEST-0001, no-such-rule]
rules:
  TEST-9999: {severity: low}
  TEST-0003:
    options:
      min_azs: 2
      strict: "yes please"
      min_azs_stateful: 2.5
      required_tags: owner
  TEST-0001:
    options: {x: 1}
paths:
  "legacy/**": {disable: [FL-NOPE-0001]}
enable: [test-flagg]
)",
                    rules);
  EXPECT_EQ(a.errors,
            (std::vector<std::string>{
                ".faultline.yaml:14:10: unknown rule \"test-flagg\" (see `faultline rules list`)",
                ".faultline.yaml:1:22: unknown rule \"no-such-rule\" (see `faultline rules list`)",
                ".faultline.yaml:11:15: rule TEST-0001 has no option \"x\" (it declares none)",
                ".faultline.yaml:6:7: rule TEST-0003 has no option \"min_azs\" (it declares: "
                "min_azs_stateful, min_azs_stateless, required_tags, strict)",
                ".faultline.yaml:8:25: option min_azs_stateful of TEST-0003 must be a whole "
                "number, not 2.5",
                ".faultline.yaml:7:15: option strict of TEST-0003 must be true or false, not "
                "\"yes please\"",
                ".faultline.yaml:3:3: unknown rule \"TEST-9999\" (see `faultline rules list`)",
                ".faultline.yaml:13:27: unknown rule \"FL-NOPE-0001\" (see `faultline rules "
                "list`)",
            }));
  // The valid single-string list was taken.
  EXPECT_EQ(a.scan.rule_options["TEST-0003"]["required_tags"], "owner");
}

TEST(ConfigApplyTest, DisableSeverityAndPathDisablesShapeTheFindings) {
  RuleList rules = TestRules();
  Applied a = Apply(R"(disable: [test-options]
rules:
  TEST-0001: {severity: critical}
paths:
  "legacy/**": {disable: [test-flag]}
)",
                    rules);
  ASSERT_TRUE(a.errors.empty()) << a.errors[0];
  ScanResult result = ScanFiles(kTwoThings, a.scan, &rules);
  std::vector<std::string> seen;
  for (const Finding& f : result.findings) {
    seen.push_back(f.rule_id + " " + std::string(SeverityName(f.severity)) + " " + f.message);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "TEST-0001 critical header of aws_thing.b",
                      "TEST-0001 critical header of aws_thing.a",
                      "TEST-0002 medium flag of aws_thing.a",
                  }));
}

TEST(ConfigApplyTest, EnableSelectsRulesUnlessTheFrontEndAlreadyDid) {
  RuleList rules = TestRules();
  Applied a = Apply("enable: [test-flag]\n", rules);
  EXPECT_EQ(a.scan.enabled_rules, std::vector<std::string>{"TEST-0002"});
  ConfigLoadResult loaded = ParseProjectConfig(".faultline.yaml", "enable: [test-flag]\n");
  ScanOptions scan;
  scan.enabled_rules = {"TEST-0001"};
  EXPECT_TRUE(ApplyProjectConfig(loaded.config, rules, &scan).empty());
  EXPECT_EQ(scan.enabled_rules, std::vector<std::string>{"TEST-0001"});
}

TEST(ConfigApplyTest, ExcludesAndSecretAllowlistAreMerged) {
  RuleList rules = TestRules();
  ConfigLoadResult loaded = ParseProjectConfig(".faultline.yaml", R"(exclude: [legacy]
secrets: {allowlist: {paths: ["fixtures/**"], regexes: [EXAMPLE], fingerprints: [00000000000000ff]}}
)");
  ScanOptions scan;
  scan.exclude_globs = {"vendor"};
  scan.secret_allowlist.regexes = {"first"};
  ASSERT_TRUE(ApplyProjectConfig(loaded.config, rules, &scan).empty());
  EXPECT_EQ(scan.exclude_globs, (std::vector<std::string>{"vendor", "legacy"}));
  EXPECT_EQ(scan.secret_allowlist.regexes, (std::vector<std::string>{"first", "EXAMPLE"}));
  EXPECT_EQ(scan.secret_allowlist.path_globs, std::vector<std::string>{"fixtures/**"});
  EXPECT_EQ(scan.secret_allowlist.fingerprints, std::vector<std::string>{"00000000000000ff"});
  ScanResult result = ScanFiles(kTwoThings, scan, &rules);
  for (const Finding& f : result.findings) {
    EXPECT_EQ(f.range.file->path().find("legacy"), std::string::npos) << f.message;
  }
}

TEST(ConfigApplyTest, EngineDiagnosticsCanBeDisabledAndReclassified) {
  RuleList rules = TestRules();
  Applied a = Apply("rules:\n  engine-syntax-error: {severity: info}\n", rules);
  ASSERT_TRUE(a.errors.empty()) << a.errors[0];
  ScanResult result = ScanFiles({{"main.tf", "resource \"aws_thing\" {\n"}}, a.scan, &rules);
  ASSERT_FALSE(Messages(result, "FL-ENG-0001").empty());
  for (const Finding& f : result.findings) {
    if (f.rule_id == "FL-ENG-0001") {
      EXPECT_EQ(f.severity, Severity::kInfo);
    }
  }
  Applied b = Apply("disable: [FL-ENG-0001]\n", rules);
  EXPECT_TRUE(Messages(ScanFiles({{"main.tf", "resource \"aws_thing\" {\n"}}, b.scan, &rules),
                       "FL-ENG-0001")
                  .empty());
}

TEST(ConfigApplyTest, CustomRulesMayNotReuseIdsOrNames) {
  RuleList rules = TestRules();
  ConfigLoadResult loaded = ParseProjectConfig(".faultline.yaml", R"(custom_rules:
  - id: ACME-1
    name: test-flag
    severity: low
    message: m
    match: {kinds: [Pod]}
    condition: {attribute: a, exists: true}
)");
  ASSERT_TRUE(loaded.errors.empty()) << FormatConfigError(loaded.errors[0]);
  for (auto& rule : MakeCustomRules(std::move(loaded.config.custom_rules))) {
    rules.push_back(std::move(rule));
  }
  std::vector<ConfigError> errors = CheckRuleIdentities(rules);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(FormatConfigError(errors[0]),
            ".faultline.yaml:2:5: custom rule ACME-1 reuses the name of rule TEST-0002");
}

}  // namespace
}  // namespace faultline::engine::project
