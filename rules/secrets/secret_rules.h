// The built-in secret rules as data (SecretRuleSpec entries with their own true- and
// false-positive examples), in priority order: specific provider formats first, key-name based
// generic rules last. IDs FL-SEC-0001... are stable: never renumber or reuse one.
#ifndef FAULTLINE_RULES_SECRETS_SECRET_RULES_H_
#define FAULTLINE_RULES_SECRETS_SECRET_RULES_H_

#include <vector>

#include "engine/secrets/secret_rule.h"

namespace faultline::rules::secrets {

const std::vector<engine::secrets::SecretRuleSpec>& BuiltinSecretRules();

}  // namespace faultline::rules::secrets

#endif  // FAULTLINE_RULES_SECRETS_SECRET_RULES_H_
