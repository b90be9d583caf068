// The text and JSON reporters over hand-made findings.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/report/json_reporter.h"
#include "cli/report/text_reporter.h"
#include "cli/version.h"
#include "engine/finding.h"
#include "engine/severity.h"

namespace faultline::cli {
namespace {

using engine::Finding;
using engine::SourceFile;
using engine::SourceRange;

SourceRange RangeOf(const SourceFile& file, std::string_view needle, size_t length = 0) {
  size_t at = file.text().find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return SourceRange{&file, static_cast<uint32_t>(at),
                     static_cast<uint32_t>(at + (length ? length : needle.size()))};
}

Finding MakeFinding(SourceRange range, engine::Severity severity, std::string id,
                    std::string message) {
  Finding f;
  f.rule_id = std::move(id);
  f.rule_name = "aws-rds-single-az";
  f.severity = severity;
  f.message = std::move(message);
  f.range = range;
  f.module_dir = "examples";
  f.resource_address = "aws_db_instance.main";
  f.attribute_path = "multi_az";
  f.fingerprint =
      engine::ComputeFingerprint(f.rule_id, f.module_dir, f.resource_address, f.attribute_path);
  return f;
}

class ReportersTest : public ::testing::Test {
 protected:
  SourceFile main_{"examples/main.tf",
                   "variable \"ha\" {\n  default = false\n}\n"
                   "resource \"aws_db_instance\" \"main\" {\n"
                   "\tmulti_az = var.ha # é x\n"
                   "  tags = {\n    a = 1\n  }\n}\n"};
};

TEST_F(ReportersTest, TextIsCompilerStyleWithSourceAndCaret) {
  Finding f = MakeFinding(RangeOf(main_, "multi_az = var.ha"), engine::Severity::kHigh,
                          "FL-AWS-0001", "aws_db_instance \"main\" is not Multi-AZ");
  f.related.push_back({RangeOf(main_, "false"), "the value is defined here"});
  std::ostringstream out;
  ReportContext context;
  context.files_scanned = 3;
  WriteTextReport({f}, context, TextReportOptions{}, out);
  EXPECT_EQ(out.str(),
            "examples/main.tf:5:2: high: aws_db_instance \"main\" is not Multi-AZ "
            "[FL-AWS-0001]\n"
            "\tmulti_az = var.ha # é x\n"
            "\t^~~~~~~~~~~~~~~~~\n"
            "examples/main.tf:2:13: note: the value is defined here\n"
            "  default = false\n"
            "            ^~~~~\n"
            "1 finding (1 high) in 3 files\n");
}

TEST_F(ReportersTest, MultiLineRangesUnderlineToTheLineEndAndUtf8CountsCells) {
  Finding block = MakeFinding(RangeOf(main_, "tags = {\n    a = 1\n  }"), engine::Severity::kLow,
                              "FL-X-0001", "m");
  Finding after_utf8 =
      MakeFinding(RangeOf(main_, "x\n", 1), engine::Severity::kInfo, "FL-X-0002", "n");
  std::ostringstream out;
  WriteTextReport({block, after_utf8}, ReportContext{}, TextReportOptions{}, out);
  // The column counts bytes (é is two); the caret line counts one cell per character.
  EXPECT_EQ(out.str(),
            "examples/main.tf:6:3: low: m [FL-X-0001]\n"
            "  tags = {\n"
            "  ^~~~~~~~\n"
            "examples/main.tf:5:25: info: n [FL-X-0002]\n"
            "\tmulti_az = var.ha # é x\n"
            "\t                      ^\n"
            "2 findings (1 low, 1 info) in 0 files\n");
}

TEST_F(ReportersTest, ColourOnlyWhenAsked) {
  Finding f =
      MakeFinding(RangeOf(main_, "multi_az"), engine::Severity::kCritical, "FL-A-0001", "m");
  std::ostringstream plain, colored;
  WriteTextReport({f}, ReportContext{}, TextReportOptions{false}, plain);
  WriteTextReport({f}, ReportContext{}, TextReportOptions{true}, colored);
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(colored.str().find("\x1b[1;35mcritical:\x1b[0m"), std::string::npos);
}

TEST_F(ReportersTest, SummaryLine) {
  Finding high = MakeFinding(RangeOf(main_, "multi_az"), engine::Severity::kHigh, "A", "m");
  Finding critical = high;
  critical.severity = engine::Severity::kCritical;
  EXPECT_EQ(SummaryLine({}, 1), "no findings in 1 file");
  EXPECT_EQ(SummaryLine({high, critical, high}, 12), "3 findings (1 critical, 2 high) in 12 files");
}

TEST_F(ReportersTest, ErrorsArePrintedBeforeTheSummary) {
  ReportContext context;
  context.errors = {"path does not exist: nope"};
  std::ostringstream out;
  WriteTextReport({}, context, TextReportOptions{}, out);
  EXPECT_EQ(out.str(), "error: path does not exist: nope\nno findings in 0 files\n");
}

TEST_F(ReportersTest, JsonFollowsTheDocumentedSchema) {
  Finding f = MakeFinding(RangeOf(main_, "multi_az = var.ha"), engine::Severity::kHigh,
                          "FL-AWS-0001", "aws_db_instance \"main\" is not Multi-AZ");
  f.related.push_back({RangeOf(main_, "false"), "the value is defined here"});
  Finding no_resource = MakeFinding(RangeOf(main_, "variable"), engine::Severity::kMedium,
                                    "FL-ENG-0003", "bad \xff byte");
  no_resource.resource_address.clear();
  no_resource.attribute_path.clear();
  ReportContext context;
  context.files_scanned = 2;
  context.bytes_scanned = 1234;
  std::ostringstream out;
  WriteJsonReport({f, no_resource}, context, out);
  ASSERT_TRUE(out.str().ends_with("}\n"));
  nlohmann::json doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["tool"]["name"], "faultline");
  EXPECT_EQ(doc["tool"]["version"], FAULTLINE_VERSION);
  ASSERT_EQ(doc["findings"].size(), 2u);
  const nlohmann::json& j = doc["findings"][0];
  EXPECT_EQ(j["rule_id"], "FL-AWS-0001");
  EXPECT_EQ(j["rule_name"], "aws-rds-single-az");
  EXPECT_EQ(j["severity"], "high");
  EXPECT_EQ(j["message"], "aws_db_instance \"main\" is not Multi-AZ");
  EXPECT_EQ(j["file"], "examples/main.tf");
  EXPECT_EQ(j["range"]["start"]["line"], 5);
  EXPECT_EQ(j["range"]["start"]["column"], 2);
  EXPECT_EQ(j["range"]["start"]["offset"], f.range.begin);
  EXPECT_EQ(j["range"]["end"]["line"], 5);
  EXPECT_EQ(j["range"]["end"]["column"], 19);
  EXPECT_EQ(j["range"]["end"]["offset"], f.range.end);
  EXPECT_EQ(j["resource"], "aws_db_instance.main");
  EXPECT_EQ(j["attribute_path"], "multi_az");
  EXPECT_EQ(j["fingerprint"], f.fingerprint);
  ASSERT_EQ(j["related"].size(), 1u);
  EXPECT_EQ(j["related"][0]["file"], "examples/main.tf");
  EXPECT_EQ(j["related"][0]["range"]["start"]["line"], 2);
  EXPECT_EQ(j["related"][0]["message"], "the value is defined here");
  const nlohmann::json& k = doc["findings"][1];
  EXPECT_TRUE(k["resource"].is_null());
  EXPECT_TRUE(k["attribute_path"].is_null());
  EXPECT_EQ(k["message"], "bad \xEF\xBF\xBD byte") << "invalid UTF-8 is replaced";
  EXPECT_EQ(doc["summary"]["findings"], 2);
  EXPECT_EQ(doc["summary"]["by_severity"]["high"], 1);
  EXPECT_EQ(doc["summary"]["by_severity"]["medium"], 1);
  EXPECT_EQ(doc["summary"]["by_severity"]["critical"], 0);
  EXPECT_EQ(doc["summary"]["files_scanned"], 2);
  EXPECT_EQ(doc["summary"]["bytes_scanned"], 1234);
  EXPECT_TRUE(doc["errors"].is_array());
  // Keys come in the documented order.
  std::string text = out.str();
  EXPECT_LT(text.find("\"schema_version\""), text.find("\"tool\""));
  EXPECT_LT(text.find("\"tool\""), text.find("\"findings\""));
  EXPECT_LT(text.find("\"findings\""), text.find("\"summary\""));
}

TEST_F(ReportersTest, JsonIsByteStable) {
  Finding f = MakeFinding(RangeOf(main_, "multi_az"), engine::Severity::kHigh, "A", "m");
  std::ostringstream a, b;
  WriteJsonReport({f}, ReportContext{}, a);
  WriteJsonReport({f}, ReportContext{}, b);
  EXPECT_EQ(a.str(), b.str());
  std::ostringstream empty;
  WriteJsonReport({}, ReportContext{}, empty);
  nlohmann::json doc = nlohmann::json::parse(empty.str());
  EXPECT_TRUE(doc["findings"].is_array());
  EXPECT_TRUE(doc["findings"].empty());
}

// The report is written finding by finding (on several threads), not as one document; its bytes
// must still be exactly nlohmann's two-space dump of the whole document, whatever the jobs.
nlohmann::ordered_json ReferenceRange(const SourceRange& range) {
  if (!range.valid()) return nullptr;
  nlohmann::ordered_json json;
  for (auto [key, offset] : {std::pair{"start", range.begin}, std::pair{"end", range.end}}) {
    engine::Position position = range.file->PositionAt(offset);
    json[key]["line"] = position.line + 1;
    json[key]["column"] = position.column + 1;
    json[key]["offset"] = offset;
  }
  return json;
}

std::string ReferenceDocument(const std::vector<Finding>& findings, const ReportContext& context) {
  using Json = nlohmann::ordered_json;
  auto or_null = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); };
  Json document;
  document["schema_version"] = kJsonSchemaVersion;
  document["tool"] = Json{{"name", "faultline"}, {"version", kToolVersion}};
  document["findings"] = Json::array();
  std::map<std::string, size_t> counts;
  for (const Finding& f : findings) {
    Json json;
    json["rule_id"] = f.rule_id;
    json["rule_name"] = f.rule_name;
    json["severity"] = std::string(engine::SeverityName(f.severity));
    json["message"] = f.message;
    json["file"] = f.range.valid() ? Json(f.range.file->path()) : Json(nullptr);
    json["range"] = ReferenceRange(f.range);
    json["resource"] = or_null(f.resource_address);
    json["attribute_path"] = or_null(f.attribute_path);
    json["fingerprint"] = f.fingerprint;
    json["related"] = Json::array();
    for (const engine::RelatedLocation& location : f.related) {
      Json entry;
      entry["file"] = location.range.valid() ? Json(location.range.file->path()) : Json(nullptr);
      entry["range"] = ReferenceRange(location.range);
      entry["message"] = location.message;
      json["related"].push_back(std::move(entry));
    }
    document["findings"].push_back(std::move(json));
    ++counts[std::string(engine::SeverityName(f.severity))];
  }
  document["errors"] = context.errors;
  Json summary;
  summary["findings"] = findings.size();
  for (const char* severity : {"critical", "high", "medium", "low", "info"}) {
    summary["by_severity"][severity] = counts[severity];
  }
  summary["files_scanned"] = context.files_scanned;
  summary["bytes_scanned"] = context.bytes_scanned;
  summary["suppressed"] = context.suppressed;
  summary["baselined"] = context.baselined;
  document["summary"] = std::move(summary);
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

TEST_F(ReportersTest, JsonIsTheWholeDocumentsDumpWhateverTheJobs) {
  SourceFile odd{"dir/\x01odd \"name\"\xff.tf", "a = 1\nb = 2\n"};
  std::vector<Finding> findings;
  // More findings than one chunk of the parallel writer, with strings that need escaping:
  // quotes, backslashes, line breaks, control characters (the writer's own placeholder among
  // them) and invalid UTF-8.
  for (int i = 0; i < 1000; ++i) {
    const SourceFile& file = i % 3 == 0 ? odd : main_;
    Finding f = MakeFinding(i % 3 == 0 ? RangeOf(odd, "b = 2") : RangeOf(main_, "multi_az"),
                            static_cast<engine::Severity>(i % 5), "FL-T-" + std::to_string(i),
                            "message " + std::to_string(i) + " \"q\" \\ \n\t\x01 \xc3\x28 é");
    if (i % 7 == 0) f.resource_address.clear();
    if (i % 11 == 0) f.range = SourceRange{};
    if (i % 4 == 0)
      f.related.push_back({RangeOf(file, "1"), "related \x01 \"" + std::to_string(i)});
    findings.push_back(std::move(f));
  }
  ReportContext context;
  context.files_scanned = 2;
  context.bytes_scanned = 42;
  context.errors = {"\x01 an error naming the placeholder", "\"findings\": \"\\u0001\""};
  context.suppressed = 3;
  const std::string expected = ReferenceDocument(findings, context);
  for (int jobs : {1, 2, 5}) {
    context.jobs = jobs;
    std::ostringstream out;
    WriteJsonReport(findings, context, out);
    EXPECT_EQ(out.str(), expected) << "jobs " << jobs;
  }
  for (size_t count : {size_t{0}, size_t{1}, size_t{256}, size_t{257}}) {
    std::vector<Finding> some(findings.begin(), findings.begin() + static_cast<ptrdiff_t>(count));
    std::ostringstream out;
    WriteJsonReport(some, context, out);
    EXPECT_EQ(out.str(), ReferenceDocument(some, context)) << count << " findings";
  }
}

}  // namespace
}  // namespace faultline::cli
