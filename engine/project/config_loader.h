// Finding and reading a project's configuration (.faultline.yaml) and custom rule directories.
//
// Every function reads through a FileProvider, so the CLI and the language server load the same
// way. Problems (YAML syntax errors, unknown keys, wrong types, bad regexes, broken custom rules)
// are returned as ConfigErrors at file:line:col; a result with errors must not be used for a scan
// (front ends exit with status 2). Thread-safe (no shared state).
#ifndef FAULTLINE_ENGINE_PROJECT_CONFIG_LOADER_H_
#define FAULTLINE_ENGINE_PROJECT_CONFIG_LOADER_H_

#include <string>
#include <vector>

#include "engine/file_provider.h"
#include "engine/project/config_error.h"
#include "engine/project/custom_rule_spec.h"
#include "engine/project/project_config.h"

namespace faultline::engine::project {

inline constexpr const char kConfigFileName[] = ".faultline.yaml";

// The configuration that applies to a scan of `scan_path` (a file or directory; "" means "."):
// the first `.faultline.yaml` found in the scan path's directory or one of its parents, stopping
// after the first directory that holds `.git` (the repository root). "" when none.
std::string FindProjectConfig(const FileProvider& files, const std::string& scan_path);

struct ConfigLoadResult {
  ProjectConfig config;
  std::vector<ConfigError> errors;
};

// Reads and checks one configuration file. A missing or unreadable file is an error.
ConfigLoadResult LoadProjectConfig(const FileProvider& files, const std::string& path);
// Parses configuration text as if read from `path` (for editors with unsaved buffers and tests).
ConfigLoadResult ParseProjectConfig(const std::string& path, std::string text);

struct CustomRulesLoadResult {
  std::vector<CustomRuleSpec> rules;
  std::vector<ConfigError> errors;
};

// Reads the custom rules of every *.yaml / *.yml file directly in `directory` (sorted by name),
// or of `directory` itself when it is a file. Each YAML document holds one rule or a list.
CustomRulesLoadResult LoadCustomRules(const FileProvider& files, const std::string& directory);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_CONFIG_LOADER_H_
