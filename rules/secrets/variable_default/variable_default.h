// VariableDefaultRule (FL-SEC-0070, secrets-variable-default).
//
// A Terraform variable whose name means a secret has a literal default.
//
// Replaces the regex rule FL-SEC-0067 (secret-terraform-variable-default), whose id and name it
// answers to. Checked: `variable` blocks whose name satisfies secrets::IsSecretishName and
// whose value comes from a `default` written as a quoted literal or heredoc in the block (a
// value supplied by a .tfvars file, -var or a module call is not a default). Placeholders,
// references and empty defaults are not reported. The finding points at the default's value.
#ifndef FAULTLINE_RULES_SECRETS_VARIABLE_DEFAULT_VARIABLE_DEFAULT_H_
#define FAULTLINE_RULES_SECRETS_VARIABLE_DEFAULT_VARIABLE_DEFAULT_H_

#include "engine/rule.h"

namespace faultline::rules {

class VariableDefaultRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_VARIABLE_DEFAULT_VARIABLE_DEFAULT_H_
