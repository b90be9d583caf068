// ServiceSelectorNoMatchRule (FL-K8S-0015, k8s-service-selector-no-match).
//
// A Service's selector matches the pods of no workload in its namespace.
//
// Only reported when the scanned manifests hold at least one workload in the Service's namespace
// (and module directory): a Service scanned apart from its workloads is not judged. Services
// without a selector (endpoints managed elsewhere) and ExternalName Services are not checked; a
// selector that may select a workload (Unknown labels, custom resources that create pods) keeps
// the rule silent.
#ifndef FAULTLINE_RULES_K8S_SERVICE_SELECTOR_NO_MATCH_SERVICE_SELECTOR_NO_MATCH_H_
#define FAULTLINE_RULES_K8S_SERVICE_SELECTOR_NO_MATCH_SERVICE_SELECTOR_NO_MATCH_H_

#include "engine/rule.h"

namespace faultline::rules {

class ServiceSelectorNoMatchRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_SERVICE_SELECTOR_NO_MATCH_SERVICE_SELECTOR_NO_MATCH_H_
