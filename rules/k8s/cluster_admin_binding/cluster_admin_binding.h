// ClusterAdminBindingRule (FL-K8S-0022, k8s-cluster-admin-binding).
//
// A RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole to a subject.
//
// Every subject is reported (ServiceAccounts, Users and Groups alike: each gets full control of
// the cluster, or of the namespace for a RoleBinding), except the system:masters group that
// clusters bind by default.
#ifndef FAULTLINE_RULES_K8S_CLUSTER_ADMIN_BINDING_CLUSTER_ADMIN_BINDING_H_
#define FAULTLINE_RULES_K8S_CLUSTER_ADMIN_BINDING_CLUSTER_ADMIN_BINDING_H_

#include "engine/rule.h"

namespace faultline::rules {

class ClusterAdminBindingRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_CLUSTER_ADMIN_BINDING_CLUSTER_ADMIN_BINDING_H_
