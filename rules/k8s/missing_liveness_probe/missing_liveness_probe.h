// MissingLivenessProbeRule (FL-K8S-0008, k8s-missing-liveness-probe).
//
// A long-running container has no liveness probe.
//
// Checked in the containers of Deployments, StatefulSets, DaemonSets, ReplicaSets,
// ReplicationControllers, Argo Rollouts, DeploymentConfigs, Knative services and bare Pods; Jobs,
// CronJobs, init containers and ephemeral containers are not checked.
#ifndef FAULTLINE_RULES_K8S_MISSING_LIVENESS_PROBE_MISSING_LIVENESS_PROBE_H_
#define FAULTLINE_RULES_K8S_MISSING_LIVENESS_PROBE_MISSING_LIVENESS_PROBE_H_

#include "engine/rule.h"

namespace faultline::rules {

class MissingLivenessProbeRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_MISSING_LIVENESS_PROBE_MISSING_LIVENESS_PROBE_H_
