// `faultline scan [PATH...]`: runs engine::Scan and writes a report.
//
// Exit status: 2 when the request is invalid (bad flag values, a missing path, an unreadable
// --var-file: ScanResult::input_errors) or the report cannot be written; otherwise 1 when a
// finding is at or above --fail-on, else 0.
#ifndef FAULTLINE_CLI_SCAN_COMMAND_H_
#define FAULTLINE_CLI_SCAN_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/project_setup.h"
#include "engine/severity.h"

namespace CLI {
class App;
}

namespace faultline::cli {

struct ScanCommandOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json
  std::string output;           // "" = stdout
  std::vector<std::string> var_files;
  std::vector<std::string> vars;  // "name=value"
  std::vector<std::string> excludes;
  int jobs = 0;
  std::string fail_on = "low";  // a severity name, or none / never
  std::optional<uint64_t> max_file_size;
  std::optional<uint64_t> max_parse_memory;  // --max-parse-memory, in MB (MiB)
  std::vector<std::string> rules;
  bool no_color = false;
  std::vector<std::string> state_paths;  // --state
  std::vector<std::string> live_paths;   // --live
  std::string default_namespace = "default";
  bool no_kustomize = false;
  bool no_secrets = false;                 // --no-secrets
  bool secrets_only = false;               // --secrets-only
  bool staged = false;                     // --staged: scan the git index (cli/git_source.h)
  std::optional<std::string> git_history;  // --git-history [RANGE] (default HEAD)
  ProjectOptions project;  // --config, --no-config, --rules, --baseline; `baseline create`
};

// Adds the `scan` subcommand to `app`, binding its flags to `options`.
CLI::App* AddScanCommand(CLI::App& app, ScanCommandOptions& options);
// Adds the flags of `scan` to `command` (shared with `baseline create`).
void AddScanFlags(CLI::App* command, ScanCommandOptions& options);

// Runs a scan with parsed options; returns the exit status. With options.project.create_baseline
// it writes a baseline of the findings to --output (default .faultline-baseline.json) instead of
// a report.
int RunScanCommand(const ScanCommandOptions& options, Environment& env);

// The failure threshold named by --fail-on: nullopt for none/never. Sets *ok = false for an
// unknown name.
std::optional<engine::Severity> ParseFailOn(const std::string& text, bool* ok);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_SCAN_COMMAND_H_
