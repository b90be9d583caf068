// The project inputs of `scan`, `baseline create` and `rules`: .faultline.yaml (found from the
// first scan path, or --config), custom rule directories (--rules) and a baseline (--baseline).
//
// These functions are the CLI's side of engine/project: they print every problem to env.err as
// "faultline: error: file:line:col: message" and return false, and the command exits with
// status 2. A scan never runs with a configuration that has errors.
#ifndef FAULTLINE_CLI_PROJECT_SETUP_H_
#define FAULTLINE_CLI_PROJECT_SETUP_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "engine/file_provider.h"
#include "engine/project/baseline.h"
#include "engine/project/project_config.h"
#include "engine/rule.h"
#include "engine/scan.h"

namespace CLI {
class App;
}

namespace faultline::cli {

struct ProjectOptions {
  std::string config_path;             // --config ("" = look for .faultline.yaml)
  bool no_config = false;              // --no-config
  std::vector<std::string> rule_dirs;  // --rules (repeatable)
  std::string baseline_path;           // --baseline
  bool create_baseline = false;        // `baseline create` rather than `scan`
};

// Adds --config, --no-config and --rules to `command`; with `baseline_flag`, --baseline too.
void AddProjectFlags(CLI::App* command, ProjectOptions& options, bool baseline_flag);

struct Project {
  engine::project::ProjectConfig config;  // empty when there is no configuration
};

// Loads the configuration and the custom rules (appended to `*rules`).
bool LoadProject(const ProjectOptions& options, const std::vector<std::string>& scan_paths,
                 const engine::FileProvider& files, engine::RuleList* rules, Project* project,
                 Environment& env);

// Applies the loaded configuration to a scan (ApplyProjectConfig).
bool ApplyProject(const Project& project, const engine::RuleList& rules, engine::ScanOptions* scan,
                  Environment& env);

// `baseline create`: writes the baseline of `result`'s findings to `output` (default
// .faultline-baseline.json) and returns the exit status (2 on request errors or write failure).
int WriteBaselineFile(const std::string& output, const engine::ScanResult& result,
                      Environment& env);

// Reads --baseline when given.
bool LoadBaselineFile(const ProjectOptions& options, const engine::FileProvider& files,
                      std::optional<engine::project::Baseline>* baseline, Environment& env);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_PROJECT_SETUP_H_
