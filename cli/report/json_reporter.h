// The JSON reporter: a versioned document for machines (schema in docs/json-output.md).
//
// {"schema_version": 1, "tool": {...}, "findings": [...], "errors": [...], "summary": {...}}
// Lines and columns are 1-based, columns count UTF-8 bytes, offsets are 0-based bytes; ranges are
// half-open. Keys are written in a fixed order and the document ends with a newline, so the
// bytes depend only on the findings and the context. Invalid UTF-8 in messages or source-derived
// strings is replaced (U+FFFD), never an error.
#ifndef FAULTLINE_CLI_REPORT_JSON_REPORTER_H_
#define FAULTLINE_CLI_REPORT_JSON_REPORTER_H_

#include <ostream>
#include <vector>

#include "cli/report/report_context.h"
#include "engine/finding.h"

namespace faultline::cli {

inline constexpr int kJsonSchemaVersion = 1;

void WriteJsonReport(const std::vector<engine::Finding>& findings, const ReportContext& context,
                     std::ostream& out);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_REPORT_JSON_REPORTER_H_
