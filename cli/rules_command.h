// `faultline rules list [--format text|markdown|json]` and `faultline rules show ID-or-NAME`.
#ifndef FAULTLINE_CLI_RULES_COMMAND_H_
#define FAULTLINE_CLI_RULES_COMMAND_H_

#include <string>

#include "cli/app.h"
#include "cli/project_setup.h"

namespace CLI {
class App;
}

namespace faultline::cli {

struct RulesCommandOptions {
  std::string list_format = "text";
  std::string show_id;
  ProjectOptions project;  // custom rules from .faultline.yaml (found from ".") and --rules
};

// Adds `rules` with its `list` and `show` subcommands to `app`.
CLI::App* AddRulesCommand(CLI::App& app, RulesCommandOptions& options);

// Runs whichever of `list` / `show` was selected on `rules`; returns the exit status.
int RunRulesCommand(const CLI::App& rules, const RulesCommandOptions& options, Environment& env);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_RULES_COMMAND_H_
