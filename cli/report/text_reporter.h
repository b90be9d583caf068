// The text reporter: compiler-style diagnostics for terminals and logs.
//
//   path:line:column: severity: message [RULE-ID]
//     <the source line>
//     ^~~~~~~~
//   path:line:column: note: <related location message>
//   ...
//   3 findings (1 critical, 2 high) in 12 files
//
// Lines and columns are 1-based; the column counts bytes (a UTF-8 character of several bytes
// advances it by its byte length). The caret line copies the tabs of the source line so the
// caret stays aligned, and counts one cell per UTF-8 character. A range that ends on a later
// line is underlined to the end of its first line. Colour (ANSI) only when `color` is set;
// the caller decides (a TTY and no --no-color). Findings must already be sorted (FindingLess);
// the bytes written depend only on the findings and the context.
#ifndef FAULTLINE_CLI_REPORT_TEXT_REPORTER_H_
#define FAULTLINE_CLI_REPORT_TEXT_REPORTER_H_

#include <ostream>
#include <string>
#include <vector>

#include "cli/report/report_context.h"
#include "engine/finding.h"

namespace faultline::cli {

struct TextReportOptions {
  bool color = false;
};

void WriteTextReport(const std::vector<engine::Finding>& findings, const ReportContext& context,
                     const TextReportOptions& options, std::ostream& out);

// "3 findings (1 critical, 2 high) in 12 files", "no findings in 1 file".
std::string SummaryLine(const std::vector<engine::Finding>& findings, size_t files_scanned);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_REPORT_TEXT_REPORTER_H_
