// PrivilegeEscalationRule (FL-K8S-0017, k8s-privilege-escalation).
//
// A container does not set securityContext.allowPrivilegeEscalation to false.
//
// Reported at the value when it is true, at the container when it is absent; a container that is
// privileged is left to k8s-privileged-container. Init and ephemeral containers are checked;
// Windows pods (spec.os.name: windows) are not.
#ifndef FAULTLINE_RULES_K8S_PRIVILEGE_ESCALATION_PRIVILEGE_ESCALATION_H_
#define FAULTLINE_RULES_K8S_PRIVILEGE_ESCALATION_PRIVILEGE_ESCALATION_H_

#include "engine/rule.h"

namespace faultline::rules {

class PrivilegeEscalationRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_PRIVILEGE_ESCALATION_PRIVILEGE_ESCALATION_H_
