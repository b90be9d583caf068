// RollingUpdateAllUnavailableRule (FL-K8S-0012, k8s-rolling-update-all-unavailable).
//
// A rolling update may take every pod down at once: maxUnavailable is 100% or reaches the replica
// count.
//
// Read from a Deployment's strategy.rollingUpdate and a StatefulSet's or DaemonSet's
// updateStrategy.rollingUpdate. A percentage is rounded down as the controllers do; the replica
// count is spec.replicas (absent means 1) or the minReplicas of a HorizontalPodAutoscaler.
// DaemonSets are judged on percentages only. The Recreate and OnDelete strategies, deliberate
// choices, are not reported.
#ifndef FAULTLINE_RULES_K8S_ROLLING_UPDATE_ALL_UNAVAILABLE_ROLLING_UPDATE_ALL_UNAVAILABLE_H_
#define FAULTLINE_RULES_K8S_ROLLING_UPDATE_ALL_UNAVAILABLE_ROLLING_UPDATE_ALL_UNAVAILABLE_H_

#include "engine/rule.h"

namespace faultline::rules {

class RollingUpdateAllUnavailableRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_ROLLING_UPDATE_ALL_UNAVAILABLE_ROLLING_UPDATE_ALL_UNAVAILABLE_H_
