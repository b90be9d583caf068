// The rule data checks itself: every built-in rule's true-positive examples are reported by
// that rule and its false-positive examples by no rule at all; metadata is complete and ids are
// unique and stable in form.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/secrets/secret_scanner.h"
#include "engine/source_file.h"
#include "rules/secrets/secret_rules.h"
#include "tests/engine/secrets/scan_text.h"

namespace faultline::engine::secrets {
namespace {

using testing::BuiltinScanner;
using testing::ScanText;

}  // namespace

// Parameterised test names and failure messages show the rule id, not the struct's bytes.
void PrintTo(const SecretRuleSpec& rule, std::ostream* os) { *os << rule.id << " " << rule.name; }

namespace {

class SecretRuleExamplesTest : public ::testing::TestWithParam<SecretRuleSpec> {};

TEST_P(SecretRuleExamplesTest, TruePositivesAreReportedByTheRule) {
  const SecretRuleSpec& rule = GetParam();
  ASSERT_FALSE(rule.true_positives.empty()) << rule.id << " needs true-positive examples";
  for (const std::string& example : rule.true_positives) {
    const testing::Scanned scanned = ScanText(example);
    bool reported = false;
    for (const Finding& finding : scanned.findings) {
      if (finding.rule_id != rule.id) continue;
      reported = true;
      EXPECT_EQ(finding.rule_name, rule.name);
      EXPECT_TRUE(finding.range.valid());
      EXPECT_LT(finding.range.begin, finding.range.end);
      EXPECT_LE(finding.range.end, scanned.file->size());
      EXPECT_EQ(finding.fingerprint.size(), 16u);
      EXPECT_NE(finding.message.find(rule.kind), std::string::npos) << finding.message;
      // The message never holds the matched range when it is longer than the shown prefix.
      const std::string matched =
          example.substr(finding.range.begin, finding.range.end - finding.range.begin);
      if (matched.size() > 8) {
        EXPECT_EQ(finding.message.find(matched), std::string::npos);
      }
    }
    EXPECT_TRUE(reported) << rule.id << " (" << rule.name << ") missed its example:\n" << example;
  }
}

TEST_P(SecretRuleExamplesTest, FalsePositivesAreNotReportedByAnyRule) {
  const SecretRuleSpec& rule = GetParam();
  ASSERT_FALSE(rule.false_positives.empty()) << rule.id << " needs false-positive examples";
  for (const std::string& example : rule.false_positives) {
    for (const Finding& finding : ScanText(example).findings) {
      ADD_FAILURE() << rule.id << " false-positive example reported by " << finding.rule_id << " ("
                    << finding.message << "):\n"
                    << example;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BuiltinRules, SecretRuleExamplesTest,
                         ::testing::ValuesIn(rules::secrets::BuiltinSecretRules()),
                         [](const ::testing::TestParamInfo<SecretRuleSpec>& info) {
                           std::string name = info.param.id;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

TEST(SecretRulesTest, RuleSetCompilesWithoutErrors) {
  for (const std::string& error : BuiltinScanner().errors()) ADD_FAILURE() << error;
  EXPECT_EQ(BuiltinScanner().rules().size(), rules::secrets::BuiltinSecretRules().size());
}

TEST(SecretRulesTest, AtLeastFortyRulesWithUniqueWellFormedIdsAndNames) {
  const auto& rules = rules::secrets::BuiltinSecretRules();
  EXPECT_GE(rules.size(), 40u);
  std::set<std::string> ids, names;
  auto id_form = [](const std::string& id) {
    if (id.size() != 11 || id.rfind("FL-SEC-", 0) != 0) return false;
    return std::all_of(id.begin() + 7, id.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto name_form = [](const std::string& name) {
    if (name.size() <= 7 || name.rfind("secret-", 0) != 0) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
  };
  int previous = 0;
  for (const SecretRuleSpec& rule : rules) {
    EXPECT_TRUE(id_form(rule.id)) << rule.id;
    EXPECT_TRUE(name_form(rule.name)) << rule.name;
    EXPECT_TRUE(ids.insert(rule.id).second) << "duplicate id " << rule.id;
    EXPECT_TRUE(names.insert(rule.name).second) << "duplicate name " << rule.name;
    EXPECT_NE(rule.id, kFindingsCappedId);
    const int number = std::stoi(rule.id.substr(7));
    EXPECT_GT(number, previous) << "ids are listed in increasing order";
    previous = number;
    EXPECT_FALSE(rule.title.empty()) << rule.id;
    EXPECT_FALSE(rule.kind.empty()) << rule.id;
    EXPECT_FALSE(rule.keywords.empty()) << rule.id;
    for (char c : rule.kind) EXPECT_FALSE(c >= 'A' && c <= 'Z') << rule.id << " kind lowercase";
  }
}

TEST(SecretRulesTest, MetadataCoversEveryRuleAndTheCapNotice) {
  const auto& metadata = SecretRuleMetadata();
  const auto& rules = rules::secrets::BuiltinSecretRules();
  ASSERT_EQ(metadata.size(), rules.size() + 1);
  EXPECT_EQ(metadata.front().id, kFindingsCappedId);
  for (size_t i = 1; i < metadata.size(); ++i) {
    EXPECT_LT(metadata[i - 1].id, metadata[i].id);
    EXPECT_FALSE(metadata[i].summary.empty());
    EXPECT_FALSE(metadata[i].why.empty());
    EXPECT_FALSE(metadata[i].remediation.empty());
    EXPECT_EQ(metadata[i].summary.back(), '.');
  }
}

TEST(SecretRulesTest, DocsListEveryRule) {
  std::ifstream in(FAULTLINE_SECRETS_DOC);
  ASSERT_TRUE(in) << "missing " << FAULTLINE_SECRETS_DOC;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  for (const RuleMetadata& rule : SecretRuleMetadata()) {
    EXPECT_NE(doc.find("| " + rule.id + " | `" + rule.name + "` |"), std::string::npos)
        << "docs/secrets.md does not list " << rule.id << " " << rule.name;
  }
}

TEST(SecretRulesTest, ProviderCoverageRequiredByTheIssue) {
  // One true-positive line per required provider family; each must be reported by some rule.
  const std::vector<std::pair<std::string, std::string>> required = {
      {"FL-SEC-0001", "AKIAVMLYFBDCX57EZHFQ"},
      {"FL-SEC-0004", "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"},
      {"FL-SEC-0010", "glpat-UsdMlHUvTCQCyEZDz_Td"},
      {"FL-SEC-0017", "sk_live_ovm14TUOizwd1iaeOV4qBkdf"},
      {"FL-SEC-0019", "AIzaFeNBTxaQWk8JzFalHlsZfYcMMDktXP_tKsf"},
      {"FL-SEC-0033", "hvs.ywX0t0ZBfdTEmxI6CmuxV5Eb"},
      {"FL-SEC-0055",
       "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
       "R2HcSGKgVP8Kd0d3mS8gBlKv3azKgaS"},
  };
  for (const auto& [id, text] : required) {
    bool found = false;
    for (const Finding& finding : ScanText(text).findings) found = found || finding.rule_id == id;
    EXPECT_TRUE(found) << id << " on " << text;
  }
}

}  // namespace
}  // namespace faultline::engine::secrets
