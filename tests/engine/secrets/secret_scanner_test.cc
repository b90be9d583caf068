// SecretScanner contracts: ranges, redaction, fingerprints, severity of documented examples,
// overlap resolution, options (rule selection, line ranges, inline ignores, cap), custom rules
// and allowlists, configuration errors, thread safety.
#include "engine/secrets/secret_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "engine/secrets/secret_heuristics.h"
#include "tests/engine/secrets/scan_text.h"

namespace faultline::engine::secrets {
namespace {

using testing::ScanText;

constexpr char kGhp[] = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";

std::vector<std::string> Ids(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const Finding& finding : findings) ids.push_back(finding.rule_id);
  return ids;
}

TEST(SecretScannerTest, FindingPointsAtTheSecretWithRedactedMessageAndFingerprint) {
  const std::string text = std::string("line one\nexport GITHUB_TOKEN=\"") + kGhp + "\"\n";
  testing::Scanned scanned = ScanText(text, {}, "ci/build.sh");
  ASSERT_EQ(scanned.findings.size(), 1u);
  const Finding& finding = scanned.findings[0];
  EXPECT_EQ(finding.rule_id, "FL-SEC-0004");
  EXPECT_EQ(finding.rule_name, "secret-github-personal-access-token");
  EXPECT_EQ(finding.severity, Severity::kHigh);
  EXPECT_EQ(finding.range.file, scanned.file.get());
  EXPECT_EQ(text.substr(finding.range.begin, finding.range.end - finding.range.begin), kGhp);
  EXPECT_EQ(finding.range.start(), (Position{1, 21}));
  const std::string fingerprint =
      ComputeFingerprint("FL-SEC-0004", "ci/build.sh", "", SecretDigest(kGhp));
  EXPECT_EQ(finding.fingerprint, fingerprint);
  EXPECT_EQ(finding.message, "github personal access token: ghp_\xe2\x80\xa6 (40 chars, fp " +
                                 fingerprint.substr(0, 8) + ")");
  EXPECT_TRUE(finding.module_dir.empty());
  EXPECT_TRUE(finding.resource_address.empty());
  EXPECT_TRUE(finding.attribute_path.empty());
  EXPECT_TRUE(finding.related.empty());
}

TEST(SecretScannerTest, FingerprintSurvivesMovesAndDependsOnValueRuleAndPath) {
  const std::string line = std::string("token: ") + kGhp + "\n";
  const auto a = ScanText(line, {}, "a.yaml");
  const auto moved = ScanText("# header\n\n" + line, {}, "a.yaml");
  const auto other_path = ScanText(line, {}, "b.yaml");
  const auto other_value =
      ScanText("token: ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8e\n", {}, "a.yaml");
  ASSERT_EQ(a.findings.size(), 1u);
  ASSERT_EQ(moved.findings.size(), 1u);
  ASSERT_EQ(other_path.findings.size(), 1u);
  ASSERT_EQ(other_value.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].fingerprint, moved.findings[0].fingerprint);
  EXPECT_NE(a.findings[0].fingerprint, other_path.findings[0].fingerprint);
  EXPECT_NE(a.findings[0].fingerprint, other_value.findings[0].fingerprint);
}

TEST(SecretScannerTest, RedactSecretShowsAtMostHalfAndOnlyPrintableAscii) {
  EXPECT_EQ(RedactSecret("AKIAVMLYFBDCX57EZHFQ", "3f2a9c1d00000000"),
            "AKIA\xe2\x80\xa6 (20 chars, fp 3f2a9c1d)");
  EXPECT_EQ(RedactSecret("abc123", "0123456789abcdef"), "abc\xe2\x80\xa6 (6 chars, fp 01234567)");
  EXPECT_EQ(RedactSecret("\xff\x01xyzzy", "0123456789abcdef"),
            "??x\xe2\x80\xa6 (7 chars, fp 01234567)");
  EXPECT_EQ(RedactSecret("", "0123456789abcdef"), "\xe2\x80\xa6 (0 chars, fp 01234567)");
}

TEST(SecretScannerTest, AwsDocumentationExamplesAreLowSeverityNotIgnored) {
  const auto scanned = ScanText(
      "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
      "aws_access_key_id = AKIAVMLYFBDCX57EZHFQ\n");
  ASSERT_EQ(Ids(scanned.findings),
            (std::vector<std::string>{"FL-SEC-0001", "FL-SEC-0002", "FL-SEC-0001"}));
  EXPECT_EQ(scanned.findings[0].severity, Severity::kLow);
  EXPECT_EQ(scanned.findings[1].severity, Severity::kLow);
  EXPECT_EQ(scanned.findings[2].severity, Severity::kHigh);
  EXPECT_NE(scanned.findings[0].message.find("documented example"), std::string::npos);
}

TEST(SecretScannerTest, SpecificRuleWinsOverGenericOnTheSameValue) {
  const auto scanned = ScanText(std::string("api_token = \"") + kGhp + "\"\n");
  EXPECT_EQ(Ids(scanned.findings), (std::vector<std::string>{"FL-SEC-0004"}));
}

TEST(SecretScannerTest, GenericRuleNamesTheKey) {
  const auto scanned = ScanText("  rootPassword: \"ZnR6DqfETVd5j1N7\"\n");
  ASSERT_EQ(scanned.findings.size(), 1u);
  EXPECT_EQ(scanned.findings[0].rule_id, "FL-SEC-0068");
  EXPECT_EQ(scanned.findings[0].message.rfind("hard-coded secret in rootPassword: ZnR6", 0), 0u)
      << scanned.findings[0].message;
}

TEST(SecretScannerTest, PemBlockIsReportedAtItsBeginLine) {
  const std::string text =
      "# key\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
      "abfIoGCo16wEn4XR2ayVcLCrR9QCrfLmncsIGv44Lgs/grN8GoVxR7cI6M38cVn8\n"
      "-----END OPENSSH PRIVATE KEY-----\n";
  const auto scanned = ScanText(text);
  ASSERT_EQ(scanned.findings.size(), 1u);
  EXPECT_EQ(scanned.findings[0].rule_id, "FL-SEC-0059");
  EXPECT_EQ(scanned.findings[0].range.start(), (Position{1, 0}));
  EXPECT_EQ(scanned.findings[0].range.end_position(), (Position{2, 64}));
}

TEST(SecretScannerTest, EnabledRulesSelectByIdOrName) {
  const std::string text = std::string("a = AKIAVMLYFBDCX57EZHFQ\nb = ") + kGhp + "\n";
  SecretScanOptions by_id;
  by_id.enabled_rules = {"FL-SEC-0001"};
  EXPECT_EQ(Ids(ScanText(text, by_id).findings), (std::vector<std::string>{"FL-SEC-0001"}));
  SecretScanOptions by_name;
  by_name.enabled_rules = {"secret-github-personal-access-token"};
  EXPECT_EQ(Ids(ScanText(text, by_name).findings), (std::vector<std::string>{"FL-SEC-0004"}));
}

TEST(SecretScannerTest, LineRangesLimitWhatIsReported) {
  const std::string text =
      std::string("a = AKIAVMLYFBDCX57EZHFQ\nb = ") + kGhp + "\nc = AKIAUOFZL4KXPOLCQWDB\n";
  SecretScanOptions options;
  options.line_ranges = {{1, 1}, {2, 2}};
  EXPECT_EQ(Ids(ScanText(text, options).findings),
            (std::vector<std::string>{"FL-SEC-0004", "FL-SEC-0001"}));
  options.line_ranges = {{5, 9}};
  EXPECT_TRUE(ScanText(text, options).findings.empty());
}

TEST(SecretScannerTest, InlineIgnoreSuppressesAllOrListedRules) {
  const std::string token = kGhp;
  EXPECT_TRUE(ScanText("t = " + token + "  # faultline:ignore\n").findings.empty());
  EXPECT_TRUE(ScanText("t = " + token + "  # faultline:ignore FL-SEC-0004\n").findings.empty());
  EXPECT_TRUE(ScanText("t = " + token + " # faultline:ignore secret-github-personal-access-token\n")
                  .findings.empty());
  EXPECT_EQ(ScanText("t = " + token + "  # faultline:ignore FL-SEC-0001\n").findings.size(), 1u);
  // Only the line that carries the marker.
  EXPECT_EQ(ScanText("# faultline:ignore\nt = " + token + "\n").findings.size(), 1u);
  SecretScanOptions strict;
  strict.honor_inline_ignore = false;
  EXPECT_EQ(ScanText("t = " + token + "  # faultline:ignore\n", strict).findings.size(), 1u);
}

TEST(SecretScannerTest, CapReportsTheFirstFindingsAndANotice) {
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += "key_" + std::to_string(i) + " = ghp_" + std::to_string(10000000 + i) +
            "u8jzPde0IgxLd6GncfBAepfJBd0K\n";
  }
  SecretScanOptions options;
  options.max_findings_per_file = 10;
  const auto scanned = ScanText(text, options);
  ASSERT_EQ(scanned.findings.size(), 11u);
  EXPECT_EQ(scanned.summary.reported, 10u);
  EXPECT_EQ(scanned.summary.capped, 2u);
  const Finding& notice = scanned.findings.back();
  EXPECT_EQ(notice.rule_id, kFindingsCappedId);
  EXPECT_EQ(notice.message,
            "2 further secret findings in this file were not reported (limit 10 "
            "per file)");
  EXPECT_EQ(notice.range.start().line, 10u);  // at the first unreported one
  for (size_t i = 0; i + 1 < scanned.findings.size(); ++i) {
    EXPECT_EQ(scanned.findings[i].range.start().line, i);
  }
}

TEST(SecretScannerTest, CustomRulesAndAllowlistFromConfig) {
  SecretRuleSpec rule;
  rule.id = "FL-SEC-9001";
  rule.name = "secret-acme-token";
  rule.title = "ACME token";
  rule.kind = "acme token";
  rule.keywords = {"acme_"};
  rule.regex = R"(\b(?P<secret>acme_[a-z0-9]{16})\b)";
  SecretScannerConfig config;
  config.rules = {rule};
  config.allow_regexes = {"^acme_0000"};
  const SecretScanner scanner(config);
  EXPECT_TRUE(scanner.errors().empty());
  SourceFile file("x",
                  "k=acme_1a2b3c4d5e6f7a8b\nk=acme_0000aaaabbbbcccc\nk=ACME_1a2b3c4d5e6f7a8b\n");
  std::vector<Finding> findings;
  scanner.Scan(file, &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].range.start().line, 0u);
}

TEST(SecretScannerTest, InvalidRegexesAreReportedAndLeftOut) {
  SecretRuleSpec broken;
  broken.id = "FL-SEC-9002";
  broken.name = "secret-broken";
  broken.kind = "broken";
  broken.keywords = {"x"};
  broken.regex = "(unclosed";
  SecretRuleSpec no_keywords = broken;
  no_keywords.id = "FL-SEC-9003";
  no_keywords.regex = "x";
  no_keywords.keywords.clear();
  SecretScannerConfig config;
  config.rules = {broken, no_keywords};
  config.allow_regexes = {"[z-a]", "ok"};
  const SecretScanner scanner(config);
  ASSERT_EQ(scanner.errors().size(), 3u);
  EXPECT_NE(scanner.errors()[0].find("FL-SEC-9002"), std::string::npos);
  EXPECT_NE(scanner.errors()[1].find("FL-SEC-9003"), std::string::npos);
  EXPECT_NE(scanner.errors()[2].find("allowlist"), std::string::npos);
  SourceFile file("x", "xxx (unclosed");
  std::vector<Finding> findings;
  scanner.Scan(file, &findings);
  EXPECT_TRUE(findings.empty());
}

TEST(SecretScannerTest, ConcurrentScansOfOneScannerAgree) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "password = \"ZnR6DqfETVd5j1N" + std::to_string(i) + "\"\nnoise line " +
            std::to_string(i) + "\n";
  }
  const SourceFile file("x.tf", text);
  const SecretScanner& scanner = testing::BuiltinScanner();
  std::vector<Finding> reference;
  scanner.Scan(file, &reference);
  ASSERT_EQ(reference.size(), 101u);  // 100 + the cap notice
  std::vector<std::thread> threads;
  std::vector<std::vector<Finding>> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 20; ++r) {
        results[t].clear();
        scanner.Scan(file, &results[t]);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) {
    ASSERT_EQ(result.size(), reference.size());
    for (size_t i = 0; i < result.size(); ++i) {
      EXPECT_EQ(result[i].fingerprint, reference[i].fingerprint);
      EXPECT_EQ(result[i].range, reference[i].range);
    }
  }
}

}  // namespace
}  // namespace faultline::engine::secrets
