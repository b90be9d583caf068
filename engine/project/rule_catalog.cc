#include "engine/project/rule_catalog.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "engine/engine_rules.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::engine::project {

namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

std::vector<const RuleMetadata*> RuleCatalog(const RuleList& rules) {
  std::vector<const RuleMetadata*> catalog;
  for (const auto& rule : rules) catalog.push_back(&rule->metadata());
  for (const RuleMetadata& rule : EngineRuleMetadata()) catalog.push_back(&rule);
  for (const RuleMetadata& rule : secrets::SecretRuleMetadata()) catalog.push_back(&rule);
  std::sort(catalog.begin(), catalog.end(),
            [](const RuleMetadata* a, const RuleMetadata* b) { return a->id < b->id; });
  return catalog;
}

const RuleMetadata* FindRule(const std::vector<const RuleMetadata*>& catalog,
                             std::string_view id_or_name) {
  std::string upper = Upper(id_or_name);
  for (const RuleMetadata* rule : catalog) {
    if (Upper(rule->id) == upper || rule->name == id_or_name) return rule;
  }
  // Retired ids and names of rules that replaced them.
  for (const RuleMetadata* rule : catalog) {
    for (const std::string& alias : rule->aliases) {
      if (Upper(alias) == upper || alias == id_or_name) return rule;
    }
  }
  return nullptr;
}

}  // namespace faultline::engine::project
