// RenderKustomization: `kubectl kustomize DIR`, run without a shell, for directories that hold a
// kustomization.
//
// faultline never executes anything from scanned files: kubectl is the user's own tool, found on
// PATH, and `kubectl kustomize` runs no plugins unless asked (exec plugins need
// --enable-alpha-plugins, which is never passed). Output is capped at `max_bytes` and the child
// is killed after `timeout_ms`. Thread-safe.
#ifndef FAULTLINE_ENGINE_KUSTOMIZE_H_
#define FAULTLINE_ENGINE_KUSTOMIZE_H_

#include <cstdint>
#include <string>

namespace faultline::engine {

struct KustomizeResult {
  bool ok = false;
  std::string output;  // the rendered manifest stream (ok)
  std::string error;   // why it failed: kubectl's stderr (last lines), timeout, too large
};

// The full path of `program` on PATH, or "" when it is not there.
std::string FindOnPath(const std::string& program);

KustomizeResult RenderKustomization(const std::string& kubectl, const std::string& directory,
                                    uint64_t max_bytes, int timeout_ms = 60'000);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_KUSTOMIZE_H_
