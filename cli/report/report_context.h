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
  size_t suppressed = 0;  // findings removed by inline suppressions (ScanResult::suppressed)
  size_t baselined = 0;   // findings hidden because their fingerprint is in --baseline
  int jobs = 1;           // threads a reporter may use; the bytes it writes do not depend on it
};

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_REPORT_REPORT_CONTEXT_H_
