#include "cli/project_setup.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "cli/exit_codes.h"

#include "engine/project/config_apply.h"
#include "engine/project/config_loader.h"
#include "engine/project/custom_rule.h"

namespace faultline::cli {

namespace {

void PrintErrors(const std::vector<engine::project::ConfigError>& errors, Environment& env) {
  for (const engine::project::ConfigError& error : errors) {
    env.err << "faultline: error: " << engine::project::FormatConfigError(error) << '\n';
  }
}

}  // namespace

void AddProjectFlags(CLI::App* command, ProjectOptions& options, bool baseline_flag) {
  command->add_option("--config", options.config_path,
                      "Read the project configuration from FILE instead of the .faultline.yaml "
                      "found from the first scan path (see docs/configuration.md)");
  command->add_flag("--no-config", options.no_config, "Ignore .faultline.yaml");
  command
      ->add_option("--rules", options.rule_dirs,
                   "Load custom rules from the *.yaml files in DIR (repeatable; see "
                   "docs/custom-rules.md)")
      ->allow_extra_args(false);
  if (baseline_flag) {
    command->add_option("--baseline", options.baseline_path,
                        "Hide findings recorded in this baseline file (see docs/baselines.md)");
  }
}

bool LoadProject(const ProjectOptions& options, const std::vector<std::string>& scan_paths,
                 const engine::FileProvider& files, engine::RuleList* rules, Project* project,
                 Environment& env) {
  std::vector<engine::project::ConfigError> errors;
  std::string path = options.config_path;
  if (path.empty() && !options.no_config) {
    std::string first;
    for (const std::string& p : scan_paths) {
      if (p != "-") {
        first = p;
        break;
      }
    }
    path = engine::project::FindProjectConfig(files, first);
  }
  std::vector<engine::project::CustomRuleSpec> specs;
  if (!path.empty()) {
    engine::project::ConfigLoadResult loaded = engine::project::LoadProjectConfig(files, path);
    errors = std::move(loaded.errors);
    project->config = std::move(loaded.config);
    specs = std::move(project->config.custom_rules);
    project->config.custom_rules.clear();
  }
  for (const std::string& dir : options.rule_dirs) {
    engine::project::CustomRulesLoadResult loaded = engine::project::LoadCustomRules(files, dir);
    for (auto& error : loaded.errors) errors.push_back(std::move(error));
    for (auto& spec : loaded.rules) specs.push_back(std::move(spec));
  }
  for (auto& rule : engine::project::MakeCustomRules(std::move(specs))) {
    rules->push_back(std::move(rule));
  }
  for (auto& error : engine::project::CheckRuleIdentities(*rules))
    errors.push_back(std::move(error));
  PrintErrors(errors, env);
  return errors.empty();
}

bool ApplyProject(const Project& project, const engine::RuleList& rules, engine::ScanOptions* scan,
                  Environment& env) {
  std::vector<engine::project::ConfigError> errors =
      engine::project::ApplyProjectConfig(project.config, rules, scan);
  PrintErrors(errors, env);
  return errors.empty();
}

int WriteBaselineFile(const std::string& output, const engine::ScanResult& result,
                      Environment& env) {
  for (const std::string& error : result.input_errors) {
    env.err << "faultline: error: " << error << '\n';
  }
  if (!result.input_errors.empty()) return kExitUsage;
  std::string path = output.empty() ? ".faultline-baseline.json" : output;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << engine::project::RenderBaseline(result.findings);
  file.close();
  if (!file) {
    env.err << "faultline: error: cannot write " << path << ": " << std::strerror(errno) << '\n';
    return kExitUsage;
  }
  std::set<std::string> fingerprints;
  for (const engine::Finding& f : result.findings) fingerprints.insert(f.fingerprint);
  env.out << "wrote " << fingerprints.size() << " finding" << (fingerprints.size() == 1 ? "" : "s")
          << " to " << path << '\n';
  return kExitClean;
}

bool LoadBaselineFile(const ProjectOptions& options, const engine::FileProvider& files,
                      std::optional<engine::project::Baseline>* baseline, Environment& env) {
  if (options.baseline_path.empty() || options.create_baseline) return true;
  engine::ReadResult read = files.ReadFile(options.baseline_path, uint64_t{256} << 20);
  if (read.status != engine::ReadResult::Status::kOk) {
    env.err << "faultline: error: " << options.baseline_path << ": "
            << (read.error.empty() ? "cannot read the baseline" : read.error) << '\n';
    return false;
  }
  engine::project::BaselineLoadResult loaded =
      engine::project::ParseBaseline(options.baseline_path, read.text);
  for (const std::string& error : loaded.errors) env.err << "faultline: error: " << error << '\n';
  if (!loaded.errors.empty()) return false;
  *baseline = std::move(loaded.baseline);
  return true;
}

}  // namespace faultline::cli
