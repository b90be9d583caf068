// MissingReadinessProbeRule (FL-K8S-0003, k8s-missing-readiness-probe).
//
// A long-running container has no readiness probe.
//
// Checked, as Polaris's readinessProbeMissing does: the `containers` of Deployments,
// StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Argo Rollouts and bare Pods.
// Not checked: Jobs and CronJobs (their pods run to completion and serve no traffic), init
// containers (they finish before the pod can be ready; probes on them are rejected unless they
// are sidecars) and ephemeral containers (probes are not allowed). One finding per container, at
// its `name` entry. A container whose readinessProbe is Unknown is not reported, nor an object
// controlled by another one (its controller is).
#ifndef FAULTLINE_RULES_K8S_MISSING_READINESS_PROBE_MISSING_READINESS_PROBE_H_
#define FAULTLINE_RULES_K8S_MISSING_READINESS_PROBE_MISSING_READINESS_PROBE_H_

#include "engine/rule.h"

namespace faultline::rules {

class MissingReadinessProbeRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_MISSING_READINESS_PROBE_MISSING_READINESS_PROBE_H_
