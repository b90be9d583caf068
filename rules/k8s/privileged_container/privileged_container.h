// PrivilegedContainerRule (FL-K8S-0016, k8s-privileged-container).
//
// A container runs with securityContext.privileged: true.
//
// Checked in every container, init container and ephemeral container of every pod template
// (workloads, Jobs, CronJobs, Pods, DeploymentConfigs, Knative services), in manifests and live
// exports. Only a literal true is reported.
#ifndef FAULTLINE_RULES_K8S_PRIVILEGED_CONTAINER_PRIVILEGED_CONTAINER_H_
#define FAULTLINE_RULES_K8S_PRIVILEGED_CONTAINER_PRIVILEGED_CONTAINER_H_

#include "engine/rule.h"

namespace faultline::rules {

class PrivilegedContainerRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_PRIVILEGED_CONTAINER_PRIVILEGED_CONTAINER_H_
