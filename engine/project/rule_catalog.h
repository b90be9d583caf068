// RuleCatalog: every rule a user can name — the graph rules passed to a scan, the engine's own
// diagnostics (FL-ENG-*) and the regex secret rules (FL-SEC-*) — and the one lookup that resolves
// what users write (`--rule`, `rules show`, .faultline.yaml) to a rule.
#ifndef FAULTLINE_ENGINE_PROJECT_RULE_CATALOG_H_
#define FAULTLINE_ENGINE_PROJECT_RULE_CATALOG_H_

#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace faultline::engine::project {

// Pointers to the metadata of `rules`, of the engine diagnostics and of the secret rules, sorted
// by ID. `rules` must outlive the result.
std::vector<const RuleMetadata*> RuleCatalog(const RuleList& rules);

// The entry whose ID or name equals `id_or_name` (IDs case-insensitively), else the rule that
// retired it (an alias); nullptr when none.
const RuleMetadata* FindRule(const std::vector<const RuleMetadata*>& catalog,
                             std::string_view id_or_name);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_RULE_CATALOG_H_
