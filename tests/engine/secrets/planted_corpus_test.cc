// The planted-secrets corpus (../shared/corpus/secrets), scanned through engine::Scan with every
// rule (regex and structural secret rules): every planted secret is reported on its line, at
// its byte range (quotes around it allowed) when the value sits on that line; no clean line is
// flagged; and no finding, in memory or rendered as JSON, contains a planted value in full.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/file_provider.h"
#include "engine/scan.h"
#include "engine/severity.h"
#include "rules/registry.h"

namespace faultline::engine::secrets {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = FAULTLINE_SECRETS_CORPUS;

nlohmann::json FindingToJson(const Finding& finding) {
  nlohmann::json related = nlohmann::json::array();
  for (const RelatedLocation& location : finding.related) {
    related.push_back({{"message", location.message}});
  }
  const Position start = finding.range.start();
  const Position end = finding.range.end_position();
  return {
      {"rule_id", finding.rule_id},
      {"rule_name", finding.rule_name},
      {"severity", std::string(SeverityName(finding.severity))},
      {"message", finding.message},
      {"file", finding.range.file ? finding.range.file->path() : ""},
      {"range",
       {{"start", {{"line", start.line + 1}, {"column", start.column + 1}}},
        {"end", {{"line", end.line + 1}, {"column", end.column + 1}}}}},
      {"module_dir", finding.module_dir},
      {"resource_address", finding.resource_address},
      {"attribute_path", finding.attribute_path},
      {"fingerprint", finding.fingerprint},
      {"related", related},
  };
}

class PlantedCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = new RuleList(rules::CreateAllRules());
    ScanOptions options;
    options.paths = {(kCorpus / "files").string()};
    options.jobs = 2;
    result_ = new ScanResult(Scan(options, DiskFileProvider(), *rules_));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete rules_;
  }

  void SetUp() override {
    std::ifstream in(kCorpus / "expected.json");
    ASSERT_TRUE(in) << "missing " << (kCorpus / "expected.json");
    expected_ = nlohmann::json::parse(in);
    ASSERT_TRUE(result_->input_errors.empty());
  }

  // The secret findings (FL-SEC-*) on a 1-based line of a corpus file.
  std::vector<const Finding*> FindingsOnLine(const std::string& file, uint32_t line) const {
    std::vector<const Finding*> out;
    for (const Finding& finding : result_->findings) {
      if (!finding.rule_id.starts_with("FL-SEC-") || !finding.range.valid()) continue;
      if (fs::path(finding.range.file->path()).filename() != file) continue;
      if (finding.range.start().line + 1 == line) out.push_back(&finding);
    }
    return out;
  }

  nlohmann::json expected_;
  static RuleList* rules_;
  static ScanResult* result_;
};

RuleList* PlantedCorpusTest::rules_ = nullptr;
ScanResult* PlantedCorpusTest::result_ = nullptr;

TEST_F(PlantedCorpusTest, EveryPlantedSecretIsReportedOnItsLine) {
  ASSERT_GE(expected_["planted"].size(), 1u);
  for (const auto& planted : expected_["planted"]) {
    const std::string file = planted["file"];
    const uint32_t line = planted["line"];
    const std::string secret = planted["secret"];
    std::vector<const Finding*> on_line = FindingsOnLine(file, line);
    ASSERT_FALSE(on_line.empty()) << "missed planted secret at " << file << ":" << line;
    // Where the value is on the reported line, some finding covers exactly its bytes (a
    // structural finding: the quoted literal).
    const SourceFile& source = *on_line.front()->range.file;
    const std::string_view text_line = source.LineText(line - 1);
    const size_t column = text_line.find(secret);
    if (column == std::string_view::npos) continue;  // block secrets: reported at the header
    const uint32_t begin = source.OffsetAt(Position{line - 1, 0}) + static_cast<uint32_t>(column);
    const uint32_t end = begin + static_cast<uint32_t>(secret.size());
    bool exact = false;
    for (const Finding* finding : on_line) {
      exact = exact || (finding->range.begin == begin && finding->range.end == end) ||
              (finding->range.begin + 1 == begin && finding->range.end == end + 1);
    }
    EXPECT_TRUE(exact) << "no finding at the exact range of the secret at " << file << ":" << line;
  }
}

TEST_F(PlantedCorpusTest, NoCleanLineIsFlagged) {
  ASSERT_GE(expected_["clean"].size(), 1u);
  for (const auto& clean : expected_["clean"]) {
    const std::string file = clean["file"];
    const uint32_t line = clean["line"];
    for (const Finding* finding : FindingsOnLine(file, line)) {
      ADD_FAILURE() << "clean line " << file << ":" << line << " flagged by " << finding->rule_id
                    << ": " << finding->message;
    }
  }
}

TEST_F(PlantedCorpusTest, NoOutputContainsAPlantedValue) {
  std::vector<std::string> secrets;
  for (const auto& planted : expected_["planted"]) secrets.push_back(planted["secret"]);
  nlohmann::json rendered = nlohmann::json::array();
  size_t findings = 0;
  {
    for (const Finding& finding : result_->findings) {
      ++findings;
      rendered.push_back(FindingToJson(finding));
      std::vector<std::string> fields = {
          finding.rule_id,          finding.rule_name,      finding.message,    finding.module_dir,
          finding.resource_address, finding.attribute_path, finding.fingerprint};
      for (const RelatedLocation& location : finding.related) fields.push_back(location.message);
      for (const std::string& field : fields) {
        for (const std::string& secret : secrets) {
          EXPECT_EQ(field.find(secret), std::string::npos)
              << finding.rule_id << " leaks a planted value in '" << field << "'";
        }
      }
    }
  }
  ASSERT_GE(findings, secrets.size());
  const std::string json = rendered.dump(2);
  for (const std::string& secret : secrets) {
    EXPECT_EQ(json.find(secret), std::string::npos) << "JSON rendering leaks a planted value";
    // Nor with JSON escaping applied to the value (e.g. '/' or '+' stay as they are, but a
    // value with a quote or backslash would be escaped).
    const std::string escaped = nlohmann::json(secret).dump();
    EXPECT_EQ(json.find(escaped.substr(1, escaped.size() - 2)), std::string::npos);
  }
}

TEST_F(PlantedCorpusTest, MessagesShowTheRedactedForm) {
  for (const auto& planted : expected_["planted"]) {
    const std::string file = planted["file"];
    const uint32_t line = planted["line"];
    const std::string secret = planted["secret"];
    for (const Finding* finding : FindingsOnLine(file, line)) {
      // "<first chars>… (<n> chars, fp <8 hex>)" with the fingerprint's own prefix.
      const std::string tail = " chars, fp " + finding->fingerprint.substr(0, 8) + ")";
      EXPECT_NE(finding->message.find(tail), std::string::npos) << finding->message;
      EXPECT_NE(finding->message.find("\xe2\x80\xa6 ("), std::string::npos) << finding->message;
    }
  }
}

}  // namespace
}  // namespace faultline::engine::secrets
