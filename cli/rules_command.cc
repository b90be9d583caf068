#include "cli/rules_command.h"

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"
#include "cli/rules_catalog.h"
#include "engine/file_provider.h"
#include "rules/registry.h"

namespace faultline::cli {

CLI::App* AddRulesCommand(CLI::App& app, RulesCommandOptions& options) {
  CLI::App* rules = app.add_subcommand("rules", "List and describe the rules");
  rules->require_subcommand(1);
  CLI::App* list = rules->add_subcommand("list", "List every rule (markdown: docs/rules.md)");
  list->add_option("--format,-f", options.list_format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  AddProjectFlags(list, options.project, /*baseline_flag=*/false);
  CLI::App* show = rules->add_subcommand("show", "Describe one rule");
  show->add_option("rule", options.show_id, "Rule ID or name (FL-AWS-0001, aws-rds-single-az)")
      ->required();
  AddProjectFlags(show, options.project, /*baseline_flag=*/false);
  return rules;
}

int RunRulesCommand(const CLI::App& rules_app, const RulesCommandOptions& options,
                    Environment& env) {
  engine::RuleList rules = rules::CreateAllRules();
  engine::DiskFileProvider files;
  Project project;
  if (!LoadProject(options.project, {"."}, files, &rules, &project, env)) return kExitUsage;
  std::vector<const engine::RuleMetadata*> catalog = RuleCatalog(rules);
  if (rules_app.got_subcommand("list")) {
    if (options.list_format == "markdown") {
      env.out << RenderRulesMarkdown(catalog);
    } else if (options.list_format == "json") {
      env.out << RenderRulesJson(catalog);
    } else {
      env.out << RenderRulesText(catalog);
    }
    return kExitClean;
  }
  const engine::RuleMetadata* rule = FindRule(catalog, options.show_id);
  if (rule == nullptr) {
    env.err << "faultline: error: unknown rule \"" << options.show_id
            << "\" (see `faultline rules list`)\n";
    return kExitUsage;
  }
  env.out << RenderRuleDetails(*rule);
  return kExitClean;
}

}  // namespace faultline::cli
