#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <exception>

#include "cli/baseline_command.h"
#include "cli/exit_codes.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"
#include "cli/version.h"
#include "engine/allocator.h"

namespace faultline::cli {

int RunFaultline(int argc, const char* const* argv, Environment& env) {
  CLI::App app{"faultline: a fast scanner for infrastructure code", kToolName};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(kToolName) + " " + kToolVersion);

  ScanCommandOptions scan_options;
  CLI::App* scan = AddScanCommand(app, scan_options);
  RulesCommandOptions rules_options;
  CLI::App* rules = AddRulesCommand(app, rules_options);
  ScanCommandOptions baseline_options;
  CLI::App* baseline = AddBaselineCommand(app, baseline_options);
  CLI::App* version = app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e, env.out, env.err);
    return status == 0 ? kExitClean : kExitUsage;
  }

  try {
    if (scan->parsed()) return RunScanCommand(scan_options, env);
    if (rules->parsed()) return RunRulesCommand(*rules, rules_options, env);
    if (baseline->parsed()) return RunBaselineCommand(baseline_options, env);
    if (version->parsed()) {
      env.out << kToolName << ' ' << kToolVersion << '\n'
              << "allocator: " << engine::AllocatorDescription() << '\n';
      return kExitClean;
    }
  } catch (const std::exception& e) {
    env.err << "faultline: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace faultline::cli
