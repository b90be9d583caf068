// libFuzzer target: Kubernetes manifests, parsers::yaml::LoadYaml + engine::k8s::KubernetesObjects
// on one in-memory file of arbitrary bytes (valid UTF-8 or not: the loader must handle both).
// Built with -DFAULTLINE_BUILD_FUZZERS=ON and clang (see fuzz/CMakeLists.txt, docs/fuzzing.md);
// seeds: the small manifests of the shared Kubernetes corpus, copied at build time.
//
// Beyond "no crash, no hang, no sanitizer report", every input must keep what the loader
// promises: each diagnostic is a FL-ENG-0001/0004/0006/0007 with a 16-hex-digit fingerprint and a
// range inside the file; each document and each Value in it (range and origin) has a range
// inside the file; each object is a kObject with a type
// "apiVersion/kind", a name, an address and a map of attributes, and its header lies inside its
// range. Small limits keep one input from running long. A broken invariant aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine_rules.h"
#include "engine/finding.h"
#include "engine/k8s/objects.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"

namespace {

using faultline::engine::SourceFile;
using faultline::engine::SourceRange;
using faultline::engine::Value;

[[noreturn]] void Violation(const std::string& what) {
  std::fprintf(stderr, "yaml_load_fuzzer: invariant violated: %s\n", what.c_str());
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

// Every Value under `root` (iteratively; aliases share subtrees, so the walk is capped).
void CheckValues(const Value& root, const SourceFile& file) {
  std::vector<const Value*> pending = {&root};
  size_t visited = 0;
  while (!pending.empty() && ++visited < 200'000) {
    const Value* value = pending.back();
    pending.pop_back();
    CheckRange(value->range(), file, "value " + value->ToDisplayString(40));
    CheckRange(value->origin(), file, "value origin " + value->ToDisplayString(40));
    if (value->is_map()) {
      for (const auto& [key, entry] : value->as_map()) pending.push_back(&entry);
    } else if (value->is_list()) {
      for (const Value& element : value->as_list()) pending.push_back(&element);
    } else if (value->is_unknown()) {
      Violation("the loader produced an Unknown value");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SourceFile file("/faultline-fuzz/manifest.yaml",
                        std::string(reinterpret_cast<const char*>(data), size));
  faultline::parsers::yaml::YamlLimits limits;
  limits.max_depth = 64;
  limits.max_alias_expansion_nodes = 10'000;
  limits.max_documents = 1'000;
  faultline::parsers::yaml::YamlStream stream = faultline::parsers::yaml::LoadYaml(file, limits);

  faultline::engine::k8s::KubernetesOptions options;
  options.module_dir = "/faultline-fuzz";
  std::vector<faultline::engine::Finding> diagnostics = stream.diagnostics;
  std::vector<faultline::engine::Resource> objects =
      faultline::engine::k8s::KubernetesObjects(stream, options, &diagnostics);
  options.origin = faultline::engine::Origin::kLive;
  std::vector<faultline::engine::Resource> live =
      faultline::engine::k8s::KubernetesObjects(stream, options, nullptr);
  if (live.size() != objects.size()) Violation("kLive and kConfig disagree on the objects");

  for (const faultline::engine::Finding& f : diagnostics) {
    if (f.rule_id != faultline::engine::kSyntaxErrorId &&
        f.rule_id != faultline::engine::kLimitExceededId &&
        f.rule_id != faultline::engine::kDuplicateKeyId &&
        f.rule_id != faultline::engine::kInvalidObjectId) {
      Violation("unexpected diagnostic " + f.rule_id + ": " + f.message);
    }
    if (!IsFingerprint(f.fingerprint)) Violation("bad fingerprint '" + f.fingerprint + "'");
    if (f.message.empty()) Violation("diagnostic " + f.rule_id + " without a message");
    CheckRange(f.range, file, "diagnostic " + f.rule_id + " " + f.message);
  }
  for (const faultline::parsers::yaml::YamlDocument& document : stream.documents) {
    CheckRange(document.range, file, "document");
    CheckValues(document.root, file);
  }
  for (const std::vector<faultline::engine::Resource>* list : {&objects, &live}) {
    for (const faultline::engine::Resource& r : *list) {
      if (r.kind != faultline::engine::ResourceKind::kObject) Violation("not a kObject");
      if (r.type.find('/') == std::string::npos) Violation("type without '/': " + r.type);
      if (r.name.empty() || r.address.empty()) Violation("object without name or address");
      if (!r.attributes.is_map()) Violation(r.address + ": attributes are not a map");
      CheckRange(r.range, file, r.address + " range");
      CheckRange(r.header, file, r.address + " header");
      if (r.header.begin < r.range.begin || r.header.end > r.range.end) {
        Violation(r.address + ": header outside the object's range");
      }
      CheckValues(r.attributes, file);
      if (!r.server_fields.is_null()) CheckValues(r.server_fields, file);
      (void)faultline::engine::k8s::PodTemplateSpec(r);
    }
  }
  return 0;
}
