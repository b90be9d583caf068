// HpaMinReplicasRule (FL-K8S-0007, k8s-hpa-min-replicas).
//
// A HorizontalPodAutoscaler lets its target scale down to a single replica (minReplicas below 2 or
// absent).
//
// minReplicas absent means 1. The option min_replicas (default 2) sets the threshold. An
// autoscaler whose target is a declared singleton (faultline.dev/singleton) is not reported.
#ifndef FAULTLINE_RULES_K8S_HPA_MIN_REPLICAS_HPA_MIN_REPLICAS_H_
#define FAULTLINE_RULES_K8S_HPA_MIN_REPLICAS_HPA_MIN_REPLICAS_H_

#include "engine/rule.h"

namespace faultline::rules {

class HpaMinReplicasRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_HPA_MIN_REPLICAS_HPA_MIN_REPLICAS_H_
