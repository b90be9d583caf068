// ProviderCredentialsRule (FL-SEC-0071, secrets-provider-credentials).
//
// A Terraform provider block sets a credential to a literal string.
//
// Checked: every attribute, nested block attribute and map entry of a `provider` block whose
// name means a credential (access_key, secret_key, token, password, client_secret, api_key,
// private_key, ...) holding a quoted literal or heredoc written in the block. Values from
// variables, environment lookups, files or other expressions, placeholders and Unknown values
// are not reported. The finding points at the literal and shows it redacted.
#ifndef FAULTLINE_RULES_SECRETS_PROVIDER_CREDENTIALS_PROVIDER_CREDENTIALS_H_
#define FAULTLINE_RULES_SECRETS_PROVIDER_CREDENTIALS_PROVIDER_CREDENTIALS_H_

#include "engine/rule.h"

namespace faultline::rules {

class ProviderCredentialsRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_PROVIDER_CREDENTIALS_PROVIDER_CREDENTIALS_H_
