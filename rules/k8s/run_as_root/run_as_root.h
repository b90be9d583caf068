// RunAsRootRule (FL-K8S-0018, k8s-run-as-root).
//
// A container may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero
// runAsUser.
//
// The container's securityContext overrides the pod's. runAsUser: 0 is reported at the value; a
// container with no setting at all at the container. runAsGroup is not considered (gid 0 is not
// uid 0). Windows pods are not checked. Image USER directives cannot be seen and do not count:
// only runAsNonRoot makes the kubelet enforce it.
#ifndef FAULTLINE_RULES_K8S_RUN_AS_ROOT_RUN_AS_ROOT_H_
#define FAULTLINE_RULES_K8S_RUN_AS_ROOT_RUN_AS_ROOT_H_

#include "engine/rule.h"

namespace faultline::rules {

class RunAsRootRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_RUN_AS_ROOT_RUN_AS_ROOT_H_
