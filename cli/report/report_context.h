// ReportContext: what a reporter needs besides the findings.
#ifndef FAULTLINE_CLI_REPORT_REPORT_CONTEXT_H_
#define FAULTLINE_CLI_REPORT_REPORT_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace faultline::cli {

struct ReportContext {
  size_t files_scanned = 0;
  uint64_t bytes_scanned = 0;
  std::vector<std::string> errors;  // problems with the request (ScanResult::input_errors)
};

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_REPORT_REPORT_CONTEXT_H_
