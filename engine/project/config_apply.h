// Applying a project configuration to a scan: the one function every front end calls (the CLI
// now, the language server later), so both read .faultline.yaml the same way.
//
// ApplyProjectConfig checks the configuration against the rules that exist (`rules`: the rule
// pack plus the project's custom rules; the engine's and the secret scanner's diagnostics are
// known too) and writes it into `scan`:
//   enable            -> scan->enabled_rules, unless the front end already selected rules
//   disable           -> scan->finding_policy.disabled_rules
//   rules.ID.severity -> scan->finding_policy.severity_overrides
//   rules.ID.options  -> scan->rule_options, checked against the rule's declared options
//   required_tags     -> option `required_tags` of every rule declaring it
//   availability_zones.stateful / .stateless -> options `min_azs_stateful` / `min_azs_stateless`
//                        of every rule declaring them (a rule's own `options` win)
//   paths.GLOB.disable -> scan->finding_policy.path_disables
//   exclude           -> appended to scan->exclude_globs
//   secrets.allowlist -> appended to scan->secret_allowlist
// Rule references may be ids (any case) or names. Unknown rules and options, values of the wrong
// type, and custom rules whose id or name is already taken are errors at their file:line:col.
#ifndef FAULTLINE_ENGINE_PROJECT_CONFIG_APPLY_H_
#define FAULTLINE_ENGINE_PROJECT_CONFIG_APPLY_H_

#include <vector>

#include "engine/project/config_error.h"
#include "engine/project/project_config.h"
#include "engine/rule.h"
#include "engine/scan.h"

namespace faultline::engine::project {

std::vector<ConfigError> ApplyProjectConfig(const ProjectConfig& config, const RuleList& rules,
                                            ScanOptions* scan);

// Checks that custom rules (CustomRule instances in `rules`) do not reuse an id or name of
// another rule; one error per clash, at the custom rule's `id:`.
std::vector<ConfigError> CheckRuleIdentities(const RuleList& rules);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_CONFIG_APPLY_H_
