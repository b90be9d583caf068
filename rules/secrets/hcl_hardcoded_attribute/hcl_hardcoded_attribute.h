// HclHardcodedAttributeRule (FL-SEC-0069, secrets-hcl-hardcoded-attribute).
//
// A Terraform resource, data source or module call sets a secret attribute to a literal string.
//
// Checked: every attribute, nested block attribute and map entry whose name means a credential
// (secrets::IsSecretishName: password, master_password, secret_key, access_key, token,
// private_key, client_secret, ...) holding a string written as a quoted literal or heredoc
// inside the block itself. Not reported: values from variables, locals, other resources or
// function calls (even when they evaluate to a literal written elsewhere: the variable's default
// is FL-SEC-0070's business), interpolated templates, placeholders and references
// (secrets::LooksLikePlaceholder / LooksLikeReference), URLs without credentials, Unknown
// values. The finding points at the literal and shows it redacted.
#ifndef FAULTLINE_RULES_SECRETS_HCL_HARDCODED_ATTRIBUTE_HCL_HARDCODED_ATTRIBUTE_H_
#define FAULTLINE_RULES_SECRETS_HCL_HARDCODED_ATTRIBUTE_HCL_HARDCODED_ATTRIBUTE_H_

#include "engine/rule.h"

namespace faultline::rules {

class HclHardcodedAttributeRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_HCL_HARDCODED_ATTRIBUTE_HCL_HARDCODED_ATTRIBUTE_H_
