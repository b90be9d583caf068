// HostNamespaceRule (FL-K8S-0019, k8s-host-namespace).
//
// A pod shares a host namespace: hostNetwork, hostPID or hostIPC is true.
#ifndef FAULTLINE_RULES_K8S_HOST_NAMESPACE_HOST_NAMESPACE_H_
#define FAULTLINE_RULES_K8S_HOST_NAMESPACE_HOST_NAMESPACE_H_

#include "engine/rule.h"

namespace faultline::rules {

class HostNamespaceRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_HOST_NAMESPACE_HOST_NAMESPACE_H_
