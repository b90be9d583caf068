// FindingPolicy: what a project's configuration does to findings after the rules ran, and the
// post-pass that applies it together with inline suppressions (suppressions.h).
//
// ApplyFindingPolicy runs once per scan, over the sorted findings and every file of the scan:
//   1. inline suppressions (`# faultline:ignore ...` comments and the Kubernetes annotation
//      `faultline.dev/ignore`) remove the findings they cover and report their own problems
//      (FL-ENG-0009 unused, FL-ENG-0010 without a reason);
//   2. findings of disabled rules, and of rules disabled for the finding's path, are dropped;
//   3. severity overrides are applied.
// Rule references in the policy are rule ids (ApplyProjectConfig resolves names).
#ifndef FAULTLINE_ENGINE_PROJECT_FINDING_POLICY_H_
#define FAULTLINE_ENGINE_PROJECT_FINDING_POLICY_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/severity.h"

namespace faultline::engine {
class ResourceGraph;
class Rule;
class SourceFile;
}  // namespace faultline::engine

namespace faultline::engine::project {

struct FindingPolicy {
  bool inline_suppressions = true;  // honour faultline:ignore comments and annotations
  std::set<std::string, std::less<>> disabled_rules;  // rule ids
  // Path glob (matched like --exclude) -> rule ids disabled for files matching it.
  std::vector<std::pair<std::string, std::set<std::string, std::less<>>>> path_disables;
  std::map<std::string, Severity, std::less<>> severity_overrides;  // rule id -> severity
};

struct PolicyOutcome {
  size_t suppressed = 0;  // findings removed by inline suppressions
};

// Applies `policy` to `findings` (re-sorted with FindingLess afterwards). `files` are the scan's
// files (suppression comments are read from them); `ran` are the rules the rule runner ran (a
// suppression naming only rules that did not run is never reported unused); `every_rule_ran`
// is false when the scan ran a selection of its rules.
PolicyOutcome ApplyFindingPolicy(const FindingPolicy& policy,
                                 const std::vector<std::unique_ptr<SourceFile>>& files,
                                 const ResourceGraph& graph, const std::vector<const Rule*>& ran,
                                 bool every_rule_ran, std::vector<Finding>* findings);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_FINDING_POLICY_H_
