// PdbBlocksEvictionRule (FL-K8S-0004, k8s-pdb-blocks-eviction).
//
// A PodDisruptionBudget allows no voluntary eviction: maxUnavailable is 0 or 0%, minAvailable is
// 100%, or minAvailable reaches the replica count of the workloads it selects.
//
// The replica count is the sum over the selected workloads (Deployment, StatefulSet, ReplicaSet,
// ReplicationController, Argo Rollout, DeploymentConfig) of spec.replicas or, when a
// HorizontalPodAutoscaler targets one, its minReplicas (absent means 1): at that count every
// eviction is refused. A percentage is rounded up as the disruption controller does. When a
// selected object's count is not known (spec.replicas unset, so owned by whoever scales it, as
// in k8s-missing-pdb; DaemonSets; bare Pods; Unknown values) or the selection is uncertain, only
// the budget's own values are judged. A budget written with apiVersion v1 (no such API: a typo
// for policy/v1) is still judged on its own values.
#ifndef FAULTLINE_RULES_K8S_PDB_BLOCKS_EVICTION_PDB_BLOCKS_EVICTION_H_
#define FAULTLINE_RULES_K8S_PDB_BLOCKS_EVICTION_PDB_BLOCKS_EVICTION_H_

#include "engine/rule.h"

namespace faultline::rules {

class PdbBlocksEvictionRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_PDB_BLOCKS_EVICTION_PDB_BLOCKS_EVICTION_H_
