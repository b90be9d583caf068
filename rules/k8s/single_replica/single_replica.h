// SingleReplicaRule (FL-K8S-0005, k8s-single-replica).
//
// A Deployment, StatefulSet, ReplicaSet, ReplicationController, Argo Rollout or DeploymentConfig
// runs a single replica.
//
// spec.replicas absent means 1. Not reported: workloads annotated faultline.dev/singleton: "true"
// (deliberate singletons such as leader-elected controllers), workloads scaled to 0, workloads a
// HorizontalPodAutoscaler targets (k8s-hpa-min-replicas judges its minReplicas), and objects
// controlled by another object. The option min_replicas (default 2) sets the threshold.
#ifndef FAULTLINE_RULES_K8S_SINGLE_REPLICA_SINGLE_REPLICA_H_
#define FAULTLINE_RULES_K8S_SINGLE_REPLICA_SINGLE_REPLICA_H_

#include "engine/rule.h"

namespace faultline::rules {

class SingleReplicaRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_SINGLE_REPLICA_SINGLE_REPLICA_H_
