// The faultline version, from the CMake project version.
#ifndef FAULTLINE_CLI_VERSION_H_
#define FAULTLINE_CLI_VERSION_H_

namespace faultline::cli {

#ifndef FAULTLINE_VERSION
#error "FAULTLINE_VERSION must be defined by the build"
#endif
inline constexpr const char kToolName[] = "faultline";
inline constexpr const char kToolVersion[] = FAULTLINE_VERSION;

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_VERSION_H_
