// The rule catalog: every rule faultline can report (the rule pack and the engine's FL-ENG
// diagnostics), sorted by ID, and its renderings for `faultline rules list` / `rules show`.
//
// RenderRulesMarkdown produces docs/rules.md byte for byte; a test compares the two.
#ifndef FAULTLINE_CLI_RULES_CATALOG_H_
#define FAULTLINE_CLI_RULES_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/project/rule_catalog.h"
#include "engine/rule.h"

namespace faultline::cli {

// The catalog and its lookup are the engine's (shared with .faultline.yaml).
using engine::project::FindRule;
using engine::project::RuleCatalog;

// A fixed-width table: ID, name, severity, title.
std::string RenderRulesText(const std::vector<const engine::RuleMetadata*>& catalog);
// The whole of docs/rules.md.
std::string RenderRulesMarkdown(const std::vector<const engine::RuleMetadata*>& catalog);
// A JSON array of every field of every entry.
std::string RenderRulesJson(const std::vector<const engine::RuleMetadata*>& catalog);
// Every field of one entry, for `rules show`.
std::string RenderRuleDetails(const engine::RuleMetadata& rule);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_RULES_CATALOG_H_
