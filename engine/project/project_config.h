// ProjectConfig: the settings of a project's .faultline.yaml, as written (validated for shape,
// not yet against the rules). docs/configuration.md documents the format; config_loader.h reads
// it; config_apply.h checks rule ids and options against the rules and applies it to a scan.
#ifndef FAULTLINE_ENGINE_PROJECT_PROJECT_CONFIG_H_
#define FAULTLINE_ENGINE_PROJECT_PROJECT_CONFIG_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/project/config_error.h"
#include "engine/project/custom_rule_spec.h"
#include "engine/secrets/secret_allowlist.h"
#include "engine/severity.h"
#include "engine/source_file.h"
#include "engine/value.h"

namespace faultline::engine::project {

// A rule id or name as written, with its location (checked by ApplyProjectConfig).
struct RuleReference {
  std::string text;
  ConfigLocation where;
};

struct OptionSetting {
  std::string name;
  ConfigLocation name_at;
  Value value;  // as written (number, bool, string or list)
  ConfigLocation value_at;
};

// `rules: {ID: {severity: ..., options: {...}}}`.
struct RuleSettings {
  RuleReference rule;
  std::optional<Severity> severity;
  std::vector<OptionSetting> options;
};

// `paths: {GLOB: {disable: [...]}}`.
struct PathRuleDisable {
  std::string glob;
  std::vector<RuleReference> rules;
};

struct ProjectConfig {
  std::string path;                                  // the file read ("" when none)
  std::shared_ptr<const SourceFile> source;          // keeps the Values' locations valid
  std::optional<std::vector<RuleReference>> enable;  // only these rules run
  std::vector<RuleReference> disable;
  std::vector<RuleSettings> rules;
  std::optional<std::vector<std::string>> required_tags;
  ConfigLocation required_tags_at;
  std::optional<int64_t> min_azs_stateful, min_azs_stateless;
  std::vector<PathRuleDisable> path_disables;
  std::vector<std::string> exclude;
  secrets::SecretAllowlist secret_allowlist;
  std::vector<CustomRuleSpec> custom_rules;
};

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_PROJECT_CONFIG_H_
