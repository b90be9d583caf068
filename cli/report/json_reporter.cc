#include "cli/report/json_reporter.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/version.h"
#include "engine/parallel.h"
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

// Appends `finding` as the report's dump(2) writes it at its depth in the document (an item of
// the top-level "findings" array): the finding's own dump(2), every line indented four more
// spaces. Strings in a dump never hold a raw line break, so each '\n' starts a line.
void AppendFinding(const engine::Finding& finding, std::string* out) {
  constexpr std::string_view kIndent = "    ";
  const std::string text = FindingJson(finding).dump(2, ' ', false, Json::error_handler_t::replace);
  out->append(kIndent);
  size_t begin = 0;
  for (size_t newline = text.find('\n'); newline != std::string::npos;
       newline = text.find('\n', begin)) {
    out->append(text, begin, newline + 1 - begin);
    out->append(kIndent);
    begin = newline + 1;
  }
  out->append(text, begin, std::string::npos);
}

}  // namespace

void WriteJsonReport(const std::vector<engine::Finding>& findings, const ReportContext& context,
                     std::ostream& out) {
  // The document is dumped with a placeholder for the findings, which are written in its place:
  // each finding is dumped on its own (on up to context.jobs threads) into the bytes the whole
  // document's dump would hold, without building the document of every finding first.
  const std::string kPlaceholder = "\x01";
  const std::string kPlaceholderDumped = "\"\\u0001\"";
  Json document;
  document["schema_version"] = kJsonSchemaVersion;
  document["tool"] = Json{{"name", kToolName}, {"version", kToolVersion}};
  document["findings"] = kPlaceholder;
  document["errors"] = context.errors;
  std::array<size_t, 5> counts{};
  for (const engine::Finding& finding : findings) ++counts[static_cast<size_t>(finding.severity)];
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
  const std::string frame = document.dump(2, ' ', false, Json::error_handler_t::replace);
  // The first occurrence is the placeholder: only our own tool name and version come before it.
  const size_t at = frame.find(kPlaceholderDumped);

  out.write(frame.data(), static_cast<std::streamsize>(at));
  if (findings.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    constexpr size_t kChunk = 256;
    const size_t chunks = (findings.size() + kChunk - 1) / kChunk;
    std::vector<std::string> parts(chunks);
    engine::ParallelFor(chunks, context.jobs, [&](size_t c) {
      const size_t end = std::min(findings.size(), (c + 1) * kChunk);
      for (size_t i = c * kChunk; i < end; ++i) {
        if (i > 0) parts[c].append(",\n");
        AppendFinding(findings[i], &parts[c]);
      }
    });
    for (std::string& part : parts) {
      out.write(part.data(), static_cast<std::streamsize>(part.size()));
      std::string().swap(part);  // frees the memory as it goes
    }
    out << "\n  ]";
  }
  const size_t rest = at + kPlaceholderDumped.size();
  out.write(frame.data() + rest, static_cast<std::streamsize>(frame.size() - rest));
  out << '\n';
}

}  // namespace faultline::cli
