// RbacWildcardRule (FL-K8S-0021, k8s-rbac-wildcard).
//
// A Role or ClusterRole rule grants `*` in its verbs, resources or apiGroups.
//
// Each wildcard is reported at its list item. ClusterRoles with an aggregationRule are checked too
// (their rules are filled by the controller and are usually empty in manifests).
#ifndef FAULTLINE_RULES_K8S_RBAC_WILDCARD_RBAC_WILDCARD_H_
#define FAULTLINE_RULES_K8S_RBAC_WILDCARD_RBAC_WILDCARD_H_

#include "engine/rule.h"

namespace faultline::rules {

class RbacWildcardRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_RBAC_WILDCARD_RBAC_WILDCARD_H_
