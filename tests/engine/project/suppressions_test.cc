// Inline suppressions through a real scan: comments on header lines and the lines above them,
// `//` and YAML comments, the Kubernetes annotation, unused and reasonless suppressions, and the
// secret scanner's own handling of `faultline:ignore` lines.
#include "engine/project/suppressions.h"

#include <gtest/gtest.h>

#include "tests/engine/project/test_rules.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine::project {
namespace {

using engine::testing::ScanFiles;
using engine::testing::TestRules;

// "line:col RULE" for every finding (1-based).
std::vector<std::string> Located(const ScanResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    Position p = f.range.start();
    out.push_back(std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1) + " " +
                  f.rule_id);
  }
  return out;
}

ScanResult ScanWith(const std::string& name, const std::string& text, ScanOptions options = {}) {
  static const RuleList rules = TestRules();
  options.scan_secrets = false;
  return ScanFiles({{name, text}}, options, &rules);
}

TEST(SuppressionsTest, WithoutCommentsEverythingIsReported) {
  ScanResult r = ScanWith("main.tf", "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n");
  EXPECT_EQ(Located(r),
            (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003", "2:3 TEST-0002"}));
  EXPECT_EQ(r.suppressed, 0u);
}

TEST(SuppressionsTest, LineAboveTheHeaderCoversTheWholeBlock) {
  ScanResult r = ScanWith("main.tf",
                          "# faultline:ignore TEST-0001, test-flag -- accepted\n"
                          "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n");
  EXPECT_EQ(Located(r), std::vector<std::string>{"2:1 TEST-0003"});
  EXPECT_EQ(r.suppressed, 2u);
}

TEST(SuppressionsTest, StackedCommentsAboveAHeaderAllApply) {
  ScanResult r = ScanWith("main.tf",
                          "# faultline:ignore TEST-0001 -- one\n"
                          "// faultline:ignore TEST-0003 -- two\n"
                          "\n"
                          "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n");
  EXPECT_EQ(Located(r), std::vector<std::string>{"5:3 TEST-0002"});
  EXPECT_EQ(r.suppressed, 2u);
}

TEST(SuppressionsTest, SlashCommentOnTheHeaderLine) {
  ScanResult r = ScanWith("main.tf",
                          "resource \"aws_thing\" \"a\" { // faultline:ignore TEST-0002 -- ok\n"
                          "  flag = true\n}\n");
  EXPECT_EQ(Located(r), (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003"}));
  EXPECT_EQ(r.suppressed, 1u);
}

TEST(SuppressionsTest, CommentAboveAnAttributeCoversOnlyThatLine) {
  ScanResult r = ScanWith("main.tf",
                          "resource \"aws_thing\" \"a\" {\n"
                          "  # faultline:ignore TEST-0002 -- flag is intended\n"
                          "  flag = true\n}\n");
  EXPECT_EQ(Located(r), (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003"}));
  EXPECT_EQ(r.suppressed, 1u);
  // The header finding is not on the attribute's line: that suppression is unused.
  ScanResult unused = ScanWith("main.tf",
                               "resource \"aws_thing\" \"a\" {\n"
                               "  flag = true # faultline:ignore TEST-0001 -- wrong line\n}\n");
  EXPECT_EQ(Located(unused), (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003",
                                                       "2:3 TEST-0002", "2:17 FL-ENG-0009"}));
}

TEST(SuppressionsTest, WithoutReasonItWorksButIsReported) {
  ScanResult r =
      ScanWith("main.tf", "resource \"aws_thing\" \"a\" { # faultline:ignore TEST-0001\n}\n");
  EXPECT_EQ(Located(r), (std::vector<std::string>{"1:1 TEST-0003", "1:30 FL-ENG-0010"}));
  EXPECT_EQ(r.findings.back().severity, Severity::kLow);
  EXPECT_EQ(r.findings.back().message,
            "faultline:ignore without a reason: add `-- why` after the rule ids");
}

TEST(SuppressionsTest, UnusedSuppressionIsReportedAtTheComment) {
  ScanResult r = ScanWith("main.tf",
                          "resource \"aws_thing\" \"a\" {}\n"
                          "\n"
                          "  # faultline:ignore TEST-0002 -- stale\n"
                          "resource \"aws_thing\" \"b\" {}\n");
  EXPECT_EQ(Located(r),
            (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003", "3:5 FL-ENG-0009",
                                      "4:1 TEST-0001", "4:1 TEST-0003"}));
  EXPECT_EQ(r.findings[2].message,
            "unused faultline:ignore: no TEST-0002 finding here to suppress");
}

TEST(SuppressionsTest, BareIgnoreCoversEveryRule) {
  ScanResult r = ScanWith("main.tf",
                          "# faultline:ignore -- generated code\n"
                          "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n");
  EXPECT_TRUE(r.findings.empty()) << Located(r)[0];
  EXPECT_EQ(r.suppressed, 3u);
}

TEST(SuppressionsTest, SuppressionsOfRulesThatDidNotRunAreNotReported) {
  ScanOptions options;
  options.enabled_rules = {"TEST-0001"};
  ScanResult r = ScanWith("main.tf",
                          "# faultline:ignore TEST-0002 -- flag\n"
                          "resource \"aws_thing\" \"a\" {}\n"
                          "# faultline:ignore -- everything\n"
                          "resource \"aws_other\" \"b\" {}\n",
                          options);
  EXPECT_EQ(Located(r), std::vector<std::string>{"2:1 TEST-0001"});
}

TEST(SuppressionsTest, MarkerInsideAStringIsNotAComment) {
  ScanResult r = ScanWith(
      "main.tf", "resource \"aws_thing\" \"a\" {\n  flag = \"faultline:ignore TEST-0002\"\n}\n");
  EXPECT_EQ(Located(r),
            (std::vector<std::string>{"1:1 TEST-0001", "1:1 TEST-0003", "2:3 TEST-0002"}));
}

TEST(SuppressionsTest, CommentAboveAModuleCallCoversTheModulesResources) {
  static const RuleList rules = TestRules();
  ScanOptions options;
  options.scan_secrets = false;
  ScanResult r = ScanFiles({{"main.tf",
                             "# faultline:ignore TEST-0001 -- vendored module\nmodule \"m\" {\n  "
                             "source = \"./mod\"\n}\n"},
                            {"mod/main.tf", "resource \"aws_thing\" \"inner\" {}\n"}},
                           options, &rules);
  // The module's own root evaluation still reports it; the caller's instance is suppressed.
  for (const Finding& f : r.findings) {
    EXPECT_FALSE(f.rule_id == "TEST-0001" && f.resource_address == "module.m.aws_thing.inner");
  }
  EXPECT_GE(r.suppressed, 1u);
}

const char kConfigMap[] =
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata:\n"
    "  name: web\n"
    "data:\n"
    "  flag: \"on\"\n";

TEST(SuppressionsTest, YamlCommentAboveTheObjectCoversIt) {
  ScanResult r = ScanWith(
      "cm.yaml", std::string("---\n# faultline:ignore TEST-0001, TEST-0002 -- ok\n") + kConfigMap);
  EXPECT_TRUE(r.findings.empty()) << Located(r)[0];
  EXPECT_EQ(r.suppressed, 2u);
  ScanResult plain = ScanWith("cm.yaml", kConfigMap);
  EXPECT_EQ(Located(plain), (std::vector<std::string>{"2:1 TEST-0001", "6:3 TEST-0002"}));
}

TEST(SuppressionsTest, YamlCommentOnTheKindLine) {
  std::string text = kConfigMap;
  text.replace(text.find("kind: ConfigMap"), 15,
               "kind: ConfigMap # faultline:ignore test-header -- x");
  ScanResult r = ScanWith("cm.yaml", text);
  EXPECT_EQ(Located(r), std::vector<std::string>{"6:3 TEST-0002"});
}

TEST(SuppressionsTest, KubernetesAnnotationSuppressesItsRules) {
  ScanResult r = ScanWith("cm.yaml",
                          "apiVersion: v1\n"
                          "kind: ConfigMap\n"
                          "metadata:\n"
                          "  name: web\n"
                          "  annotations:\n"
                          "    faultline.dev/ignore: \"TEST-0001 -- shared config\"\n"
                          "data:\n"
                          "  flag: \"on\"\n");
  EXPECT_EQ(Located(r), std::vector<std::string>{"8:3 TEST-0002"});
  EXPECT_EQ(r.suppressed, 1u);
}

TEST(SuppressionsTest, KubernetesAnnotationUnusedOrWithoutReasonIsReported) {
  ScanResult r = ScanWith("cm.yaml",
                          "apiVersion: v1\n"
                          "kind: ConfigMap\n"
                          "metadata:\n"
                          "  name: web\n"
                          "  annotations:\n"
                          "    faultline.dev/ignore: \"TEST-0001,TEST-0002\"\n");
  EXPECT_EQ(Located(r), std::vector<std::string>{"6:5 FL-ENG-0010"});
  ScanResult unused = ScanWith("cm.yaml",
                               "apiVersion: v1\n"
                               "kind: Secretless\n"
                               "metadata:\n"
                               "  name: web\n"
                               "  annotations:\n"
                               "    faultline.dev/ignore: \"TEST-0002 -- old\"\n");
  EXPECT_EQ(Located(unused), std::vector<std::string>{"6:5 FL-ENG-0009"});
}

// The annotation pass skips files that never spell the annotation's name; a name written with
// an escape sequence (so not literally in the file) must still count.
TEST(SuppressionsTest, KubernetesAnnotationWrittenWithAnEscapeCounts) {
  ScanResult r = ScanWith("cm.yaml",
                          "apiVersion: v1\n"
                          "kind: ConfigMap\n"
                          "metadata:\n"
                          "  name: web\n"
                          "  annotations:\n"
                          "    \"faultline.dev\\x2Fignore\": \"TEST-0001,TEST-0002\"\n");
  EXPECT_EQ(Located(r), std::vector<std::string>{"6:5 FL-ENG-0010"});
}

TEST(SuppressionsTest, ParsesIdsNamesAndReasons) {
  Suppression s;
  ParseSuppressionText(" FL-AWS-0001,aws-rds-single-az  FL-K8S-0002 -- a reason -- with dashes",
                       &s);
  EXPECT_EQ(s.rules, (std::vector<std::string>{"FL-AWS-0001", "aws-rds-single-az", "FL-K8S-0002"}));
  EXPECT_EQ(s.reason, "a reason -- with dashes");
  Suppression free_text;
  ParseSuppressionText(" FL-AWS-0001 because the replica covers it", &free_text);
  EXPECT_EQ(free_text.rules, std::vector<std::string>{"FL-AWS-0001"});
  EXPECT_EQ(free_text.reason, "because the replica covers it");
}

// The secret scanner drops a secret on a `faultline:ignore` line before this pass runs; the
// comment must not then be reported unused.
TEST(SuppressionsTest, SecretScannerHandledCommentIsNotReportedUnused) {
  const std::string token = "ghp_" + std::string("R7kq2Vx9LmPz4TnWc8YbHd3FsJa6GeUo1iQr");
  const std::string other = "ghp_" + std::string("Zt5Nw2Kc9PxLm4QvRb7HjYd3FsGa8UeTo6iB");
  static const RuleList no_rules;
  ScanResult control =
      ScanFiles({{"notes.txt", "token " + token + "\nsecond " + other + "\n"}}, {}, &no_rules);
  ASSERT_EQ(control.findings.size(), 2u) << "the secret scanner must see both tokens";
  ScanResult r =
      ScanFiles({{"notes.txt", "token " + token + " # faultline:ignore -- test fixture\nsecond " +
                                   other + "\n"}},
                {}, &no_rules);
  ASSERT_EQ(r.findings.size(), 1u) << r.findings[0].rule_id;
  EXPECT_EQ(r.findings[0].range.start().line, 1u);
  EXPECT_TRUE(r.findings[0].rule_id.starts_with("FL-SEC-"));
  // A comment above a secret is this pass's business: the secret is suppressed here.
  ScanResult above = ScanFiles({{"notes.txt", "# faultline:ignore -- test fixture\ntoken " + token +
                                                  "\nsecond " + other + "\n"}},
                               {}, &no_rules);
  ASSERT_EQ(above.findings.size(), 1u);
  EXPECT_EQ(above.findings[0].range.start().line, 2u);
  EXPECT_EQ(above.suppressed, 1u);
}

}  // namespace
}  // namespace faultline::engine::project
