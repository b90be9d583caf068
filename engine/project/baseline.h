// Baselines: the fingerprints of findings a project has accepted for now, so that a scan shows
// only new ones (`faultline baseline create`, `faultline scan --baseline FILE`).
//
// A baseline is a JSON document (docs/baselines.md): {"schema_version": 1, "findings": [...]},
// each entry {fingerprint, rule_id, file, resource, message}; only the fingerprint is used for
// matching, the rest is for people reading the file. Fingerprints hash the rule id, root module
// directory, resource address and attribute path (secrets: the file and a digest of the value),
// never line numbers, so a baseline survives code moving around in a file. Thread-safe.
#ifndef FAULTLINE_ENGINE_PROJECT_BASELINE_H_
#define FAULTLINE_ENGINE_PROJECT_BASELINE_H_

#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"

namespace faultline::engine::project {

inline constexpr int kBaselineSchemaVersion = 1;

struct Baseline {
  std::set<std::string, std::less<>> fingerprints;
};

struct BaselineLoadResult {
  Baseline baseline;
  std::vector<std::string> errors;  // "path: message"; a baseline with errors must not be used
};

// The baseline document for `findings` (sorted; one entry per fingerprint), ending in a newline.
std::string RenderBaseline(const std::vector<Finding>& findings);

// Parses a baseline document read from `path`.
BaselineLoadResult ParseBaseline(const std::string& path, const std::string& text);

// Removes the findings whose fingerprint is in `baseline`; returns how many were removed.
size_t ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_BASELINE_H_
