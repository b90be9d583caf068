#include "engine/project/finding_policy.h"

#include <algorithm>

#include "engine/config/discovery.h"
#include "engine/engine_rules.h"
#include "engine/project/suppressions.h"
#include "engine/rule.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::engine::project {

PolicyOutcome ApplyFindingPolicy(const FindingPolicy& policy,
                                 const std::vector<std::unique_ptr<SourceFile>>& files,
                                 const ResourceGraph& graph, const std::vector<const Rule*>& ran,
                                 bool every_rule_ran, std::vector<Finding>* findings) {
  PolicyOutcome outcome;
  if (policy.inline_suppressions) {
    SuppressionScope scope;
    for (const Rule* rule : ran) {
      scope.ran.insert(rule->metadata().id);
      scope.ran.insert(rule->metadata().name);
    }
    for (const RuleMetadata& m : EngineRuleMetadata()) {
      scope.ran.insert(m.id);
      scope.ran.insert(m.name);
    }
    // The secret pass runs its rules when no rule selection was made.
    for (const RuleMetadata& m : secrets::SecretRuleMetadata()) {
      if (!every_rule_ran || policy.disabled_rules.count(m.id)) continue;
      scope.ran.insert(m.id);
      scope.ran.insert(m.name);
    }
    scope.every_rule_ran =
        every_rule_ran && policy.disabled_rules.empty() && policy.path_disables.empty();
    outcome.suppressed = ApplySuppressions(files, graph, scope, findings);
  }
  if (!policy.disabled_rules.empty() || !policy.path_disables.empty()) {
    std::erase_if(*findings, [&](const Finding& f) {
      if (policy.disabled_rules.count(f.rule_id)) return true;
      if (policy.path_disables.empty() || !f.range.valid()) return false;
      for (const auto& [glob, rules] : policy.path_disables) {
        if (rules.count(f.rule_id) && config::IsExcluded({glob}, f.range.file->path())) {
          return true;
        }
      }
      return false;
    });
  }
  for (Finding& f : *findings) {
    auto it = policy.severity_overrides.find(f.rule_id);
    if (it != policy.severity_overrides.end()) f.severity = it->second;
  }
  std::sort(findings->begin(), findings->end(), FindingLess);
  return outcome;
}

}  // namespace faultline::engine::project
