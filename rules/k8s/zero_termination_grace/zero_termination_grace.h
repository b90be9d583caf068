// ZeroTerminationGraceRule (FL-K8S-0013, k8s-zero-termination-grace).
//
// A pod template sets terminationGracePeriodSeconds: 0.
#ifndef FAULTLINE_RULES_K8S_ZERO_TERMINATION_GRACE_ZERO_TERMINATION_GRACE_H_
#define FAULTLINE_RULES_K8S_ZERO_TERMINATION_GRACE_ZERO_TERMINATION_GRACE_H_

#include "engine/rule.h"

namespace faultline::rules {

class ZeroTerminationGraceRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_ZERO_TERMINATION_GRACE_ZERO_TERMINATION_GRACE_H_
