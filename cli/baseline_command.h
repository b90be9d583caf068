// `faultline baseline create [PATH...] [-o FILE]`: scans as `faultline scan` does (same flags)
// and records the fingerprints of every finding in a baseline file (default
// .faultline-baseline.json; format in docs/baselines.md), for `faultline scan --baseline FILE`.
#ifndef FAULTLINE_CLI_BASELINE_COMMAND_H_
#define FAULTLINE_CLI_BASELINE_COMMAND_H_

#include "cli/app.h"
#include "cli/scan_command.h"

namespace CLI {
class App;
}

namespace faultline::cli {

// Adds `baseline` and its `create` subcommand to `app`, binding the scan flags to `options`.
CLI::App* AddBaselineCommand(CLI::App& app, ScanCommandOptions& options);

// Runs `baseline create`; returns the exit status (0 when the file was written).
int RunBaselineCommand(ScanCommandOptions options, Environment& env);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_BASELINE_COMMAND_H_
