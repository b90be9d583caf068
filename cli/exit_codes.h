// Exit statuses of the faultline command (documented in docs/json-output.md).
#ifndef FAULTLINE_CLI_EXIT_CODES_H_
#define FAULTLINE_CLI_EXIT_CODES_H_

namespace faultline::cli {

inline constexpr int kExitClean = 0;     // no finding at or above --fail-on
inline constexpr int kExitFindings = 1;  // at least one finding at or above --fail-on
inline constexpr int kExitUsage = 2;     // bad flags, invalid input paths or var files, I/O error

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_EXIT_CODES_H_
