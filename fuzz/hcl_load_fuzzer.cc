// libFuzzer target: Terraform (HCL) load + evaluate + rules, end to end, on one in-memory file.
// Built with -DFAULTLINE_BUILD_FUZZERS=ON and clang (see fuzz/CMakeLists.txt, docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/hcl_load_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  faultline::fuzz::HclLoadOutcome outcome =
      faultline::fuzz::RunHclLoad(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!outcome.violation.empty()) {
    std::fprintf(stderr, "hcl_load_fuzzer: invariant violated: %s\n", outcome.violation.c_str());
    std::abort();
  }
  return 0;
}
