#include "cli/baseline_command.h"

#include <CLI/CLI.hpp>

namespace faultline::cli {

CLI::App* AddBaselineCommand(CLI::App& app, ScanCommandOptions& options) {
  CLI::App* baseline = app.add_subcommand("baseline", "Record the current findings as accepted");
  baseline->require_subcommand(1);
  CLI::App* create = baseline->add_subcommand(
      "create",
      "Scan like `faultline scan` and write the fingerprints of every finding to a baseline "
      "file (-o, default .faultline-baseline.json)");
  AddScanFlags(create, options);
  AddProjectFlags(create, options.project, /*baseline_flag=*/false);
  return baseline;
}

int RunBaselineCommand(ScanCommandOptions options, Environment& env) {
  options.project.create_baseline = true;
  return RunScanCommand(options, env);
}

}  // namespace faultline::cli
