// The rule registry: the one explicit list of the rules faultline ships.
//
// Rules are registered here by hand, in alphabetical order of their directory
// (rules/<category>/<rule>/), never through static initialisers. Every rule directory must be
// listed (tests/rules checks it), and IDs are never renumbered or reused.
#ifndef FAULTLINE_RULES_REGISTRY_H_
#define FAULTLINE_RULES_REGISTRY_H_

#include "engine/rule.h"

namespace faultline::rules {

// A fresh instance of every rule, in registry order. Rules are stateless and thread-safe.
engine::RuleList CreateAllRules();

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_REGISTRY_H_
