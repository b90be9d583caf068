// StateFileRule (FL-SEC-0074, secrets-state-file).
//
// A Terraform state file in the scanned tree holds a resource's secrets in clear text.
//
// Checked: the resources of every Terraform state file found under the scan paths (*.tfstate,
// *.tfstate.backup, and state-shaped JSON), one finding per resource instance, at the first
// attribute whose name means a credential (secrets::IsSecretishName, at any depth) and whose
// value is a string that is not empty, a placeholder or a reference; the message counts the
// others. State is plain JSON: every such value is readable by anyone who can read the file.
// State files ignored by git, or loaded only through --state, are not reported (the secret pass
// drops findings in files that are not part of the scanned work tree).
#ifndef FAULTLINE_RULES_SECRETS_STATE_FILE_STATE_FILE_H_
#define FAULTLINE_RULES_SECRETS_STATE_FILE_STATE_FILE_H_

#include "engine/rule.h"

namespace faultline::rules {

class StateFileRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_STATE_FILE_STATE_FILE_H_
