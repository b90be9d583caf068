// NoAntiAffinityRule (FL-K8S-0006, k8s-no-anti-affinity).
//
// A replicated workload neither spreads its pods with pod anti-affinity nor with
// topologySpreadConstraints over nodes or zones.
//
// A podAntiAffinity term (required or preferred) or a topologySpreadConstraints entry counts when
// its topologyKey is one of the option topology_keys (kubernetes.io/hostname,
// topology.kubernetes.io/zone and the legacy failure-domain zone label by default), its
// labelSelector matches the pod template's own labels, and its namespaces (if listed) include the
// workload's. Workloads that state replicas of 1 or 0, or whose autoscaler never exceeds 1, and
// declared singletons are skipped; a workload that leaves spec.replicas unset is checked, because
// the field is then owned by whoever scales it. Unknown values stay silent.
#ifndef FAULTLINE_RULES_K8S_NO_ANTI_AFFINITY_NO_ANTI_AFFINITY_H_
#define FAULTLINE_RULES_K8S_NO_ANTI_AFFINITY_NO_ANTI_AFFINITY_H_

#include "engine/rule.h"

namespace faultline::rules {

class NoAntiAffinityRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_NO_ANTI_AFFINITY_NO_ANTI_AFFINITY_H_
