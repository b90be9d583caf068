#include "cli/report/text_reporter.h"

#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "engine/severity.h"

namespace faultline::cli {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";

constexpr std::array<engine::Severity, 5> kSeveritiesDescending = {
    engine::Severity::kCritical, engine::Severity::kHigh, engine::Severity::kMedium,
    engine::Severity::kLow, engine::Severity::kInfo};

std::string_view SeverityColor(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::kCritical:
      return kMagenta;
    case engine::Severity::kHigh:
      return kRed;
    case engine::Severity::kMedium:
      return kYellow;
    case engine::Severity::kLow:
    case engine::Severity::kInfo:
      return kCyan;
  }
  return kCyan;
}

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte ranges of secrets per file: snippets never print them (see RedactedLine).
using SecretRanges =
    std::map<const engine::SourceFile*, std::vector<std::pair<uint32_t, uint32_t>>>;

SecretRanges CollectSecretRanges(const std::vector<engine::Finding>& findings) {
  SecretRanges ranges;
  for (const engine::Finding& finding : findings) {
    if (!finding.rule_id.starts_with("FL-SEC-") || !finding.range.valid() ||
        finding.range.end <= finding.range.begin) {
      continue;
    }
    ranges[finding.range.file].emplace_back(finding.range.begin, finding.range.end);
  }
  return ranges;
}

// `line` (starting at byte `line_begin` of `file`) with every byte inside a secret range
// replaced by '*', except the quotes around it, so the snippet keeps its columns and the secret
// never appears.
std::string RedactedLine(const SecretRanges& secrets, const engine::SourceFile* file,
                         uint32_t line_begin, std::string_view line) {
  std::string out(line);
  auto it = secrets.find(file);
  if (it == secrets.end()) return out;
  const uint32_t line_end = line_begin + static_cast<uint32_t>(line.size());
  for (const auto& [begin, end] : it->second) {
    if (end <= line_begin || begin >= line_end) continue;
    const uint32_t from = std::max(begin, line_begin) - line_begin;
    const uint32_t to = std::min(end, line_end) - line_begin;
    for (uint32_t i = from; i < to; ++i) {
      const bool edge_quote = (out[i] == '"' || out[i] == '\'') &&
                              (i + line_begin == begin || i + line_begin + 1 == end);
      if (!edge_quote) out[i] = '*';
    }
  }
  return out;
}

class Writer {
 public:
  Writer(bool color, std::ostream& out, SecretRanges secrets)
      : color_(color), out_(out), secrets_(std::move(secrets)) {}

  void Styled(std::string_view style, std::string_view text) {
    if (color_) out_ << style;
    out_ << text;
    if (color_) out_ << kReset;
  }
  std::ostream& out() { return out_; }

  // "path:line:col: " (1-based), or "path: " when the range has no file.
  void Location(const engine::SourceRange& range) {
    if (!range.valid()) return;
    engine::Position start = range.start();
    std::string location = range.file->path() + ":" + std::to_string(start.line + 1) + ":" +
                           std::to_string(start.column + 1) + ":";
    Styled(kBold, location);
    out_ << ' ';
  }

  // The source line of the range start and a caret line under the range.
  void Snippet(const engine::SourceRange& range) {
    if (!range.valid()) return;
    engine::Position start = range.start();
    engine::Position end = range.end_position();
    std::string_view line = range.file->LineText(start.line);
    if (line.empty()) return;  // nothing to show (an empty line, or a file-less placeholder)
    out_ << RedactedLine(secrets_, range.file,
                         range.file->OffsetAt(engine::Position{start.line, 0}), line)
         << '\n';
    std::string caret;
    size_t column = std::min<size_t>(start.column, line.size());
    for (size_t i = 0; i < column; ++i) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      if (IsContinuationByte(c)) continue;
      caret += c == '\t' ? '\t' : ' ';
    }
    size_t underline_end =
        end.line == start.line ? std::min<size_t>(end.column, line.size()) : line.size();
    std::string marks = "^";
    for (size_t i = column + 1; i < underline_end; ++i) {
      if (!IsContinuationByte(static_cast<unsigned char>(line[i]))) marks += '~';
    }
    out_ << caret;
    Styled(kGreen, marks);
    out_ << '\n';
  }

 private:
  bool color_;
  std::ostream& out_;
  SecretRanges secrets_;
};

}  // namespace

std::string SummaryLine(const std::vector<engine::Finding>& findings, size_t files_scanned) {
  std::string files = std::to_string(files_scanned) + (files_scanned == 1 ? " file" : " files");
  if (findings.empty()) return "no findings in " + files;
  std::array<size_t, 5> counts{};
  for (const engine::Finding& finding : findings) {
    ++counts[static_cast<size_t>(finding.severity)];
  }
  std::string breakdown;
  for (engine::Severity severity : kSeveritiesDescending) {
    size_t count = counts[static_cast<size_t>(severity)];
    if (count == 0) continue;
    if (!breakdown.empty()) breakdown += ", ";
    breakdown += std::to_string(count) + " " + std::string(engine::SeverityName(severity));
  }
  return std::to_string(findings.size()) + (findings.size() == 1 ? " finding" : " findings") +
         " (" + breakdown + ") in " + files;
}

void WriteTextReport(const std::vector<engine::Finding>& findings, const ReportContext& context,
                     const TextReportOptions& options, std::ostream& out) {
  Writer writer(options.color, out, CollectSecretRanges(findings));
  for (const engine::Finding& finding : findings) {
    writer.Location(finding.range);
    writer.Styled(SeverityColor(finding.severity),
                  std::string(engine::SeverityName(finding.severity)) + ":");
    out << ' ';
    writer.Styled(kBold, finding.message);
    out << " [" << finding.rule_id << "]\n";
    writer.Snippet(finding.range);
    for (const engine::RelatedLocation& related : finding.related) {
      writer.Location(related.range);
      writer.Styled(kCyan, "note:");
      out << ' ' << related.message << '\n';
      writer.Snippet(related.range);
    }
  }
  for (const std::string& error : context.errors) {
    writer.Styled(kRed, "error:");
    out << ' ' << error << '\n';
  }
  out << SummaryLine(findings, context.files_scanned);
  if (context.suppressed > 0) out << "; " << context.suppressed << " suppressed inline";
  if (context.baselined > 0) out << "; " << context.baselined << " hidden by the baseline";
  out << '\n';
}

}  // namespace faultline::cli
