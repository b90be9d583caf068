#include "cli/report/json_reporter.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/version.h"
#include "engine/severity.h"

namespace faultline::cli {

namespace {

using Json = nlohmann::ordered_json;

Json PositionJson(const engine::SourceRange& range, uint32_t offset) {
  engine::Position position = range.file->PositionAt(offset);
  Json json;
  json["line"] = position.line + 1;
  json["column"] = position.column + 1;
  json["offset"] = offset;
  return json;
}

Json RangeJson(const engine::SourceRange& range) {
  if (!range.valid()) return nullptr;
  Json json;
  json["start"] = PositionJson(range, range.begin);
  json["end"] = PositionJson(range, range.end);
  return json;
}

Json PathOrNull(const engine::SourceRange& range) {
  if (!range.valid()) return nullptr;
  return range.file->path();
}

Json StringOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

Json FindingJson(const engine::Finding& finding) {
  Json json;
  json["rule_id"] = finding.rule_id;
  json["rule_name"] = finding.rule_name;
  json["severity"] = std::string(engine::SeverityName(finding.severity));
  json["message"] = finding.message;
  json["file"] = PathOrNull(finding.range);
  json["range"] = RangeJson(finding.range);
  json["resource"] = StringOrNull(finding.resource_address);
  json["attribute_path"] = StringOrNull(finding.attribute_path);
  json["fingerprint"] = finding.fingerprint;
  Json related = Json::array();
  for (const engine::RelatedLocation& location : finding.related) {
    Json entry;
    entry["file"] = PathOrNull(location.range);
    entry["range"] = RangeJson(location.range);
    entry["message"] = location.message;
    related.push_back(std::move(entry));
  }
  json["related"] = std::move(related);
  return json;
}

}  // namespace

void WriteJsonReport(const std::vector<engine::Finding>& findings, const ReportContext& context,
                     std::ostream& out) {
  Json document;
  document["schema_version"] = kJsonSchemaVersion;
  document["tool"] = Json{{"name", kToolName}, {"version", kToolVersion}};
  Json list = Json::array();
  std::array<size_t, 5> counts{};
  for (const engine::Finding& finding : findings) {
    list.push_back(FindingJson(finding));
    ++counts[static_cast<size_t>(finding.severity)];
  }
  document["findings"] = std::move(list);
  document["errors"] = context.errors;
  Json by_severity;
  for (engine::Severity severity :
       {engine::Severity::kCritical, engine::Severity::kHigh, engine::Severity::kMedium,
        engine::Severity::kLow, engine::Severity::kInfo}) {
    by_severity[std::string(engine::SeverityName(severity))] =
        counts[static_cast<size_t>(severity)];
  }
  Json summary;
  summary["findings"] = findings.size();
  summary["by_severity"] = std::move(by_severity);
  summary["files_scanned"] = context.files_scanned;
  summary["bytes_scanned"] = context.bytes_scanned;
  summary["suppressed"] = context.suppressed;
  summary["baselined"] = context.baselined;
  document["summary"] = std::move(summary);
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace faultline::cli
