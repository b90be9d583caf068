// Baselines: the document round trip, bad documents, and fingerprints that survive moving code
// (Terraform blocks, Kubernetes objects, secrets) but not renaming what a finding is about.
#include "engine/project/baseline.h"

#include <gtest/gtest.h>

#include "tests/engine/project/test_rules.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine::project {
namespace {

using engine::testing::ScanFiles;
using engine::testing::TestRules;

ScanResult Scan(const std::map<std::string, std::string>& files) {
  static const RuleList rules = TestRules();
  return ScanFiles(files, {}, &rules);
}

std::string Padding(int lines) { return std::string(static_cast<size_t>(lines), '\n'); }

TEST(BaselineTest, RoundTripHidesExactlyTheRecordedFindings) {
  ScanResult before = Scan({{"main.tf", "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n"}});
  ASSERT_EQ(before.findings.size(), 3u);
  std::string document = RenderBaseline(before.findings);
  BaselineLoadResult loaded = ParseBaseline("b.json", document);
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors[0];
  EXPECT_EQ(loaded.baseline.fingerprints.size(), 3u);
  EXPECT_NE(document.find("\"rule_id\": \"TEST-0002\""), std::string::npos);
  EXPECT_NE(document.find("\"resource\": \"aws_thing.a\""), std::string::npos);
  EXPECT_NE(document.find("\"message\": \"flag of aws_thing.a\""), std::string::npos);

  ScanResult after = Scan({{"main.tf",
                            "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n"
                            "resource \"aws_thing\" \"new\" {}\n"}});
  size_t hidden = ApplyBaseline(loaded.baseline, &after.findings);
  EXPECT_EQ(hidden, 3u);
  ASSERT_EQ(after.findings.size(), 2u);
  for (const Finding& f : after.findings) EXPECT_EQ(f.resource_address, "aws_thing.new");
}

TEST(BaselineTest, MovingABlockKeepsItsFingerprints) {
  const std::string block = "resource \"aws_thing\" \"a\" {\n  flag = true\n}\n";
  ScanResult before = Scan({{"main.tf", block}});
  BaselineLoadResult loaded = ParseBaseline("b.json", RenderBaseline(before.findings));
  ScanResult moved = Scan({{"main.tf", "resource \"aws_other\" \"x\" {}\n" + Padding(20) + block}});
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &moved.findings), 3u);
  EXPECT_TRUE(moved.findings.empty());
  // Renaming the resource is a different finding.
  ScanResult renamed = Scan({{"main.tf", "resource \"aws_thing\" \"b\" {\n  flag = true\n}\n"}});
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &renamed.findings), 0u);
  EXPECT_EQ(renamed.findings.size(), 3u);
}

TEST(BaselineTest, MovingAKubernetesObjectKeepsItsFingerprints) {
  const std::string object =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  flag: \"on\"\n";
  ScanResult before = Scan({{"cm.yaml", object}});
  ASSERT_EQ(before.findings.size(), 2u);
  BaselineLoadResult loaded = ParseBaseline("b.json", RenderBaseline(before.findings));
  ScanResult moved = Scan({{"cm.yaml",
                            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                            "other\n" +
                                Padding(20) + "---\n" + object}});
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &moved.findings), 2u);
  ASSERT_EQ(moved.findings.size(), 1u);
  EXPECT_EQ(moved.findings[0].resource_address, "ConfigMap/default/other");
  ScanResult renamed = Scan({{"cm.yaml",
                              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                              "web2\ndata:\n  flag: \"on\"\n"}});
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &renamed.findings), 0u);
}

TEST(BaselineTest, MovingASecretKeepsItsFingerprint) {
  const std::string token = "ghp_" + std::string("R7kq2Vx9LmPz4TnWc8YbHd3FsJa6GeUo1iQr");
  static const RuleList no_rules;
  ScanResult before = ScanFiles({{"notes.txt", "token " + token + "\n"}}, {}, &no_rules);
  ASSERT_EQ(before.findings.size(), 1u);
  BaselineLoadResult loaded = ParseBaseline("b.json", RenderBaseline(before.findings));
  ScanResult moved = ScanFiles(
      {{"notes.txt", "intro\n" + Padding(20) + "the token: " + token + "\n"}}, {}, &no_rules);
  ASSERT_EQ(moved.findings.size(), 1u);
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &moved.findings), 1u);
  // The baseline never stores the secret.
  EXPECT_EQ(RenderBaseline(before.findings).find(token), std::string::npos);
  const std::string changed = "ghp_" + std::string("Zt5Nw2Kc9PxLm4QvRb7HjYd3FsGa8UeTo6iB");
  ScanResult rotated = ScanFiles({{"notes.txt", "token " + changed + "\n"}}, {}, &no_rules);
  EXPECT_EQ(ApplyBaseline(loaded.baseline, &rotated.findings), 0u);
}

TEST(BaselineTest, BadDocumentsAreErrors) {
  EXPECT_EQ(
      ParseBaseline("b.json", "not json").errors,
      std::vector<std::string>{"b.json: not a JSON document (expected a faultline baseline)"});
  EXPECT_EQ(ParseBaseline("b.json", "{\"schema_version\": 2, \"findings\": []}").errors,
            std::vector<std::string>{"b.json: unsupported baseline schema_version (expected 1)"});
  EXPECT_EQ(ParseBaseline("b.json", "{\"schema_version\": 1}").errors,
            std::vector<std::string>{"b.json: a baseline needs a \"findings\" array"});
  EXPECT_EQ(
      ParseBaseline("b.json", "{\"schema_version\": 1, \"findings\": [{\"rule_id\": 1}]}").errors,
      std::vector<std::string>{"b.json: findings[0] has no \"fingerprint\" string"});
  EXPECT_TRUE(ParseBaseline("b.json", "{\"schema_version\": 1, \"findings\": []}").errors.empty());
}

}  // namespace
}  // namespace faultline::engine::project
