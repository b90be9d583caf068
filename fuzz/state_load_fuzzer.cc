// libFuzzer target: Terraform state v4, `terraform show -json` and plan JSON loading
// (LoadTerraformState, LoadStateAttributes, SniffStateFormat) on one in-memory file. Built with
// -DFAULTLINE_BUILD_FUZZERS=ON and clang (see fuzz/CMakeLists.txt, docs/fuzzing.md); seeds are
// small state, show and plan files of ../shared/corpus/realworld/state, collected at configure
// time into the build directory (seeds/state_load).
//
// Beyond "no crash, no sanitizer report", every input must keep what the loader promises:
//  - each diagnostic has a rule id, a 16-hex-digit fingerprint and a range inside the file;
//  - a document that is not state has no resources, planned resources or changes;
//  - each resource (current or planned) comes from the state, has a type, a name, an address
//    and a managed/data kind, a map of attributes, and a range that is a JSON object of the file;
//  - each change has an address and a range inside the file;
//  - loading with deferred attributes gives the same resources, and LoadStateAttributes decodes
//    for each exactly the attributes the eager load built (Unknowns compared by reason).
// A broken invariant aborts. Small limits keep every input fast.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/state/state_loader.h"

namespace {

using faultline::engine::Resource;
using faultline::engine::SourceFile;
using faultline::engine::SourceRange;
using faultline::engine::Value;
namespace state = faultline::parsers::state;

[[noreturn]] void Violation(const std::string& what) {
  std::fprintf(stderr, "state_load_fuzzer: invariant violated: %s\n", what.c_str());
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

// Structural equality with locations, where two Unknowns are equal when their reasons are.
bool Same(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  if (a.range().begin != b.range().begin || a.range().end != b.range().end) return false;
  if (a.origin().begin != b.origin().begin || a.origin().end != b.origin().end) return false;
  switch (a.kind()) {
    case Value::Kind::kUnknown:
      return a.unknown().reason == b.unknown().reason;
    case Value::Kind::kList: {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Same(*a.At(i), *b.At(i))) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      if (a.size() != b.size()) return false;
      for (const auto& [key, value] : a.as_map()) {
        const Value* other = b.Get(key);
        if (other == nullptr || !Same(value, *other)) return false;
      }
      return true;
    }
    default:
      return a.Equals(b);
  }
}

void CheckResource(const Resource& r, const SourceFile& file, const std::string& what) {
  if (r.origin != faultline::engine::Origin::kState) Violation(what + ": origin is not state");
  if (r.kind != faultline::engine::ResourceKind::kManaged &&
      r.kind != faultline::engine::ResourceKind::kData) {
    Violation(what + ": kind is neither managed nor data");
  }
  if (r.type.empty() || r.name.empty() || r.address.empty()) {
    Violation(what + ": empty type, name or address");
  }
  CheckRange(r.range, file, what + " " + r.address);
  CheckRange(r.header, file, what + " header " + r.address);
  if (r.range.end <= r.range.begin || file.text()[r.range.begin] != '{' ||
      file.text()[r.range.end - 1] != '}') {
    Violation(what + " " + r.address + ": range is not a JSON object");
  }
  if (!r.index_key.is_null() && !r.index_key.is_number() && !r.index_key.is_string()) {
    Violation(what + " " + r.address + ": index key is neither a number nor a string");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SourceFile file("/faultline-fuzz/terraform.tfstate",
                        std::string(reinterpret_cast<const char*>(data), size));
  state::StateLimits limits;
  limits.max_depth = 48;
  limits.max_string_bytes = 4096;
  limits.max_instances = 2000;
  limits.attributes = state::AttributeLoading::kEager;
  const state::StateLoadResult eager = state::LoadTerraformState(file, limits);
  (void)state::SniffStateFormat(file.text());

  for (const faultline::engine::Finding& f : eager.diagnostics) {
    if (f.rule_id.empty()) Violation("diagnostic without a rule id: " + f.message);
    if (!IsFingerprint(f.fingerprint)) Violation("bad fingerprint '" + f.fingerprint + "'");
    CheckRange(f.range, file, "diagnostic " + f.rule_id + " " + f.message);
  }
  if (eager.format == state::StateFormat::kNotState &&
      (!eager.resources.empty() || !eager.planned.empty() || !eager.changes.empty())) {
    Violation("resources from a document that is not state");
  }
  for (const Resource& r : eager.resources) {
    CheckResource(r, file, "resource");
    if (!r.attributes.is_map()) Violation("resource " + r.address + ": attributes not a map");
  }
  for (const Resource& r : eager.planned) {
    CheckResource(r, file, "planned resource");
    if (!r.attributes.is_map()) Violation("planned " + r.address + ": attributes not a map");
  }
  for (const state::ResourceChange& c : eager.changes) {
    if (c.address.empty()) Violation("change without an address");
    CheckRange(c.range, file, "change " + c.address);
  }

  limits.attributes = state::AttributeLoading::kDeferred;
  const state::StateLoadResult deferred = state::LoadTerraformState(file, limits);
  if (deferred.resources.size() != eager.resources.size()) {
    Violation("deferred load found " + std::to_string(deferred.resources.size()) +
              " resources, eager " + std::to_string(eager.resources.size()));
  }
  for (size_t i = 0; i < eager.resources.size(); ++i) {
    const Resource& lazy = deferred.resources[i];
    if (lazy.address != eager.resources[i].address) {
      Violation("deferred address " + lazy.address + " != " + eager.resources[i].address);
    }
    if (!lazy.attributes.is_null()) Violation("deferred load decoded " + lazy.address);
    const Value attributes = state::LoadStateAttributes(file, deferred.format, lazy, limits);
    if (!Same(attributes, eager.resources[i].attributes)) {
      Violation("LoadStateAttributes differs from the eager load for " + lazy.address);
    }
  }
  return 0;
}
