// Hostile input: huge single-line files, NUL bytes, invalid UTF-8, millions of candidate
// matches. The scanner must finish (time is measured by tests/bench, not asserted here), cap
// its findings with a notice, and never crash.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/secrets/scan_text.h"

namespace faultline::engine::secrets {
namespace {

using testing::ScanText;

constexpr char kToken[] = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";

size_t Count(const std::vector<Finding>& findings, std::string_view id) {
  size_t n = 0;
  for (const Finding& finding : findings) n += finding.rule_id == id;
  return n;
}

TEST(HostileInputTest, TwentyMegabyteSingleLineWithASecretInTheMiddle) {
  std::string text;
  text.reserve(20u << 20);
  while (text.size() < (10u << 20)) text += "var a=function(b){return b.c+\"d\"};";
  const size_t at = text.size();
  text += "token=\"";
  text += kToken;
  text += "\";";
  while (text.size() < (20u << 20)) text += "x.password.length>0&&y.token;";
  testing::Scanned scanned = ScanText(std::move(text));
  ASSERT_EQ(Count(scanned.findings, "FL-SEC-0004"), 1u);
  for (const Finding& finding : scanned.findings) {
    if (finding.rule_id != "FL-SEC-0004") continue;
    EXPECT_EQ(finding.range.begin, at + 7);
    EXPECT_EQ(finding.range.start().line, 0u);
  }
}

TEST(HostileInputTest, MillionCandidateMatchesAreCappedWithANotice) {
  std::string text;
  text.reserve(48u << 20);
  for (int i = 0; i < 1'000'000; ++i) {
    text += "ghp_";
    text += std::to_string(10000000 + i);
    text += "u8jzPde0IgxLd6GncfBAepfJBd0K\n";
  }
  SecretScanOptions options;
  options.max_findings_per_file = 50;
  testing::Scanned scanned = ScanText(std::move(text), options);
  EXPECT_EQ(scanned.summary.reported, 50u);
  EXPECT_EQ(Count(scanned.findings, "FL-SEC-0004"), 50u);
  ASSERT_EQ(Count(scanned.findings, kFindingsCappedId), 1u);
  for (const Finding& finding : scanned.findings) {
    if (finding.rule_id == kFindingsCappedId) {
      EXPECT_NE(finding.message.find("limit 50 per file"), std::string::npos) << finding.message;
      EXPECT_EQ(finding.fingerprint.size(), 16u);
    }
  }
  // The scanner stopped early instead of examining every candidate.
  EXPECT_LT(scanned.summary.regions_searched, 1000u);
}

TEST(HostileInputTest, MillionKeywordHitsWithoutSecretsFinishWithNoFindings) {
  std::string text;
  text.reserve(24u << 20);
  for (int i = 0; i < 1'000'000; ++i) text += "password: var.x token \n";
  testing::Scanned scanned = ScanText(std::move(text));
  EXPECT_TRUE(scanned.findings.empty());
}

TEST(HostileInputTest, LongLineOfKeywordsWithoutNewlines) {
  std::string text;
  for (int i = 0; i < 400'000; ++i) text += "secret=token=";
  testing::Scanned scanned = ScanText(std::move(text));
  EXPECT_TRUE(scanned.findings.empty());
}

TEST(HostileInputTest, NulBytesMeanBinaryAndAreSkipped) {
  std::string text = "GITHUB_TOKEN=";
  text += kToken;
  text += std::string("\0\0\0\x01\x02", 5);
  testing::Scanned scanned = ScanText(text);
  EXPECT_TRUE(scanned.summary.binary);
  EXPECT_TRUE(scanned.findings.empty());
  // Scanned anyway when the caller asks (e.g. a file the user named explicitly).
  SecretScanOptions options;
  options.skip_binary = false;
  testing::Scanned forced = ScanText(text, options);
  EXPECT_FALSE(forced.summary.binary);
  EXPECT_EQ(Count(forced.findings, "FL-SEC-0004"), 1u);
}

TEST(HostileInputTest, InvalidUtf8AroundSecretsIsHandled) {
  std::string text = "\xff\xfe\xc3(\xa0\xa1 token: ";
  text += kToken;
  text +=
      " \xe2\x28\xa1\xf0\x28\x8c\xbc\n\xc0\xaf password=\"\xff\xff\xffZnR6DqfE\xc3\x28Vd5j1N7\"\n";
  testing::Scanned scanned = ScanText(text);
  EXPECT_EQ(Count(scanned.findings, "FL-SEC-0004"), 1u);
  for (const Finding& finding : scanned.findings) {
    // The redacted prefix never carries raw non-ASCII bytes.
    for (unsigned char c : finding.message.substr(0, finding.message.find("\xe2\x80\xa6"))) {
      EXPECT_LT(c, 0x80) << finding.message;
    }
  }
}

TEST(HostileInputTest, EveryByteValueAndTruncatedPatterns) {
  std::string text;
  for (int round = 0; round < 64; ++round) {
    for (int b = 0; b < 256; ++b) text.push_back(static_cast<char>(b == 0 ? 1 : b));
    text += "-----BEGIN RSA PRIVATE KEY-----\\n";
    text += "ghp_";
    text += "AKIA";
    text += "postgres://u:";
    text += "\"private_key\": \"-----BEGIN PRIVATE KEY-----";
  }
  SecretScanOptions options;
  options.skip_binary = false;
  testing::Scanned scanned = ScanText(text, options);
  EXPECT_TRUE(scanned.findings.empty());
}

TEST(HostileInputTest, EmptyAndTinyFiles) {
  EXPECT_TRUE(ScanText("").findings.empty());
  EXPECT_TRUE(ScanText("\n").findings.empty());
  EXPECT_TRUE(ScanText("ghp_").findings.empty());
  EXPECT_TRUE(ScanText("password=").findings.empty());
  EXPECT_TRUE(ScanText("faultline:ignore").findings.empty());
}

}  // namespace
}  // namespace faultline::engine::secrets
