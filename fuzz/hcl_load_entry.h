// The body of the HCL load + evaluate fuzz target, shared by the libFuzzer binary
// (hcl_load_fuzzer.cc) and the regression replay test of the normal build.
//
// RunHclLoad puts `input` into an engine::OverlayFileProvider as the only file of a module that
// exists nowhere on disk (kFuzzInputPath), runs engine::Scan on it with every rule of the
// registry, one job and small limits, and then checks what a scan must guarantee for any input:
// no request error, findings sorted, every finding with a rule id, a 16-hex-digit fingerprint and
// a range inside its file. Thread-compatible (one call at a time per thread); never throws.
#ifndef FAULTLINE_FUZZ_HCL_LOAD_ENTRY_H_
#define FAULTLINE_FUZZ_HCL_LOAD_ENTRY_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/limits.h"

namespace faultline::fuzz {

// The virtual path of the fuzz input. Absolute and absent from disk, so the overlay never merges
// real files into the module, whatever the current directory is.
inline constexpr std::string_view kFuzzInputDirectory = "/faultline-fuzz";
inline constexpr std::string_view kFuzzInputPath = "/faultline-fuzz/main.tf";

// The small limits the fuzz target scans with, so one input cannot run for seconds.
engine::Limits FuzzLimits();

struct HclLoadOutcome {
  std::string violation;              // "" when every invariant holds, else the first one broken
  std::vector<std::string> rule_ids;  // the rule id of each finding, in report order
};

// Scans `input` as described above and checks the invariants.
HclLoadOutcome RunHclLoad(std::string_view input);

}  // namespace faultline::fuzz

#endif  // FAULTLINE_FUZZ_HCL_LOAD_ENTRY_H_
