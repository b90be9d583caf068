#include "cli/scan_sources.h"

#include <CLI/CLI.hpp>

namespace faultline::cli {

void AddSecretSourceFlags(CLI::App* scan, ScanCommandOptions& options) {
  scan->add_flag("--no-secrets", options.no_secrets,
                 "Do not search files for secrets (and drop the FL-SEC findings)");
  scan->add_flag("--secrets-only", options.secrets_only,
                 "Only search files for secrets, as text: no Terraform, Kubernetes or state "
                 "loading, so no infrastructure rules and no structural FL-SEC rules "
                 "(see docs/secrets.md)");
  scan->add_flag("--staged", options.staged,
                 "Scan the content staged in the git index instead of the working tree "
                 "(for pre-commit hooks)");
  scan->add_option_function<std::vector<std::string>>(
          "--git-history",
          [&options](const std::vector<std::string>& values) {
            options.git_history = values.empty() || values[0].empty() ? "HEAD" : values[0];
          },
          "Search the lines added by each commit of RANGE (default: all history of HEAD) "
          "for secrets")
      ->expected(0, 1)
      ->type_name("[RANGE]");
}

bool PrepareSecretSources(const ScanCommandOptions& options, engine::ScanOptions* scan,
                          std::unique_ptr<StagedFileProvider>* staged, Environment& env) {
  if (options.no_secrets) scan->scan_secrets = false;
  if (options.secrets_only) {
    if (options.no_secrets) {
      env.err << "faultline: error: --secrets-only and --no-secrets cannot be combined\n";
      return false;
    }
    if (!scan->state_paths.empty() || !scan->live_paths.empty() || !scan->var_files.empty() ||
        !scan->vars.empty()) {
      env.err << "faultline: error: --secrets-only searches files as text; --state, --live, "
                 "--var-file and --var do not apply\n";
      return false;
    }
    scan->secrets_only = true;
  }
  if (options.staged && options.git_history) {
    env.err << "faultline: error: --staged and --git-history cannot be combined\n";
    return false;
  }
  if (options.git_history && options.no_secrets) {
    env.err << "faultline: error: --git-history searches for secrets; it cannot be combined "
               "with --no-secrets\n";
    return false;
  }
  if (!options.staged) return true;
  std::string error;
  *staged = StagedFileProvider::Create(&error);
  if (*staged == nullptr) {
    env.err << "faultline: error: " << error << '\n';
    return false;
  }
  if (scan->paths.empty()) scan->paths = {(*staged)->root()};
  scan->render_kustomize = false;
  return true;
}

GitHistoryOptions HistoryOptions(const ScanCommandOptions& options,
                                 const engine::ScanOptions& scan) {
  GitHistoryOptions history;
  history.range = options.git_history.value_or("HEAD");
  history.enabled_rules = scan.enabled_rules;
  history.max_file_bytes = scan.limits.max_file_bytes;
  history.jobs = scan.jobs;
  return history;
}

}  // namespace faultline::cli
