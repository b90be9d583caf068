// libFuzzer target: live-state exports (kubectl -o json, aws CLI --output json), LoadLiveExport
// and LooksLikeLiveExport on one in-memory file. Built with -DFAULTLINE_BUILD_FUZZERS=ON and clang
// (see fuzz/CMakeLists.txt, docs/fuzzing.md); seeds: tests/parsers/live/testdata/{aws,k8s}.
//
// Beyond "no crash, no sanitizer report", every input must keep what the loader promises: each
// diagnostic has a rule id, a 16-hex-digit fingerprint and a range inside the file; each
// resource is live, named, addressed, has a map of attributes and a range inside the file; an
// input of unknown shape yields no resources. A broken invariant aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "parsers/live/live_loader.h"

namespace {

using faultline::engine::SourceFile;
using faultline::engine::SourceRange;

[[noreturn]] void Violation(const std::string& what) {
  std::fprintf(stderr, "live_load_fuzzer: invariant violated: %s\n", what.c_str());
  std::abort();
}

void CheckRange(const SourceRange& range, const SourceFile& file, const std::string& what) {
  if (range.file != &file) Violation(what + ": range outside the input file");
  if (range.begin > range.end || range.end > file.size()) {
    Violation(what + ": range [" + std::to_string(range.begin) + ", " + std::to_string(range.end) +
              ") outside [0, " + std::to_string(file.size()) + "]");
  }
}

bool IsFingerprint(const std::string& text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SourceFile file("/faultline-fuzz/live.json",
                        std::string(reinterpret_cast<const char*>(data), size));
  faultline::parsers::live::LiveOptions options;
  options.module_dir = "/faultline-fuzz";
  const faultline::parsers::live::LiveLoadResult result =
      faultline::parsers::live::LoadLiveExport(file, options);
  (void)faultline::parsers::live::LooksLikeLiveExport(file.text());

  for (const faultline::engine::Finding& f : result.diagnostics) {
    if (f.rule_id.empty()) Violation("diagnostic without a rule id: " + f.message);
    if (!IsFingerprint(f.fingerprint)) Violation("bad fingerprint '" + f.fingerprint + "'");
    CheckRange(f.range, file, "diagnostic " + f.rule_id);
  }
  if (result.kind == faultline::parsers::live::LiveExportKind::kUnknown &&
      !result.resources.empty()) {
    Violation("resources from an export of unknown shape");
  }
  for (const faultline::engine::Resource& r : result.resources) {
    if (r.origin != faultline::engine::Origin::kLive) Violation(r.address + ": not live");
    if (r.type.empty() || r.name.empty() || r.address.empty()) {
      Violation("resource without type, name or address: " + r.address);
    }
    if (!r.attributes.is_map()) Violation(r.address + ": attributes are not a map");
    if (!r.server_fields.is_null() && !r.server_fields.is_map()) {
      Violation(r.address + ": server_fields neither null nor a map");
    }
    CheckRange(r.range, file, r.address + " range");
    CheckRange(r.header, file, r.address + " header");
    (void)r.attributes.ToDisplayString(200);
  }
  return 0;
}
