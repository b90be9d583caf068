// MissingPdbRule (FL-K8S-0001, k8s-missing-pdb).
//
// A Deployment, StatefulSet, ReplicaSet, ReplicationController or Argo Rollout runs two or more
// replicas and no PodDisruptionBudget selects its pods.
//
// Replicas: `spec.replicas` (absent means 1), or, when HorizontalPodAutoscalers target the
// workload, their `maxReplicas` (the autoscaler owns the replica count). A workload whose
// replica count is not known, or that some PodDisruptionBudget may select (an uncertain
// selection, engine/k8s/graph.h), is not reported; nor is one controlled by another object
// (ownerReferences with controller: true): its controller is.
#ifndef FAULTLINE_RULES_K8S_MISSING_PDB_MISSING_PDB_H_
#define FAULTLINE_RULES_K8S_MISSING_PDB_MISSING_PDB_H_

#include "engine/rule.h"

namespace faultline::rules {

class MissingPdbRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_MISSING_PDB_MISSING_PDB_H_
