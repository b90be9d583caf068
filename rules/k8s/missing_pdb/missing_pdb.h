// MissingPdbRule (FL-K8S-0001, k8s-missing-pdb).
//
// A Deployment, StatefulSet, ReplicaSet, ReplicationController or Argo Rollout runs two or more
// replicas, or leaves its replica count unset, and no PodDisruptionBudget selects its pods.
//
// Replicas: `spec.replicas`, or, when HorizontalPodAutoscalers target the workload, their
// `maxReplicas` (the autoscaler owns the replica count); at least the option min_replicas
// (default 2). A manifest without `spec.replicas` leaves the count to whoever scales the
// workload (an autoscaler defined elsewhere, `kubectl scale`: `kubectl apply` keeps the live
// value), so it is reported as kube-score and Polaris do, unless the option
// report_unset_replicas is false or the workload is annotated `faultline.dev/singleton: "true"`.
// Not reported: a workload stating fewer replicas, one whose replica count is not known, one
// that some PodDisruptionBudget may select (an uncertain selection, engine/k8s/graph.h), one
// controlled by another object (ownerReferences with controller: true: its controller is), and
// one whose own spec.selector does not match its pod template (the API server rejects it).
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
