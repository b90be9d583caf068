// MissingRequestsRule (FL-K8S-0010, k8s-missing-requests).
//
// A container sets no CPU or no memory request.
//
// A request that is absent but whose limit is set is not reported: Kubernetes then defaults the
// request to the limit. Checked in the containers of every pod template, Jobs and CronJobs
// included; init containers are checked too, since the scheduler reserves their requests.
#ifndef FAULTLINE_RULES_K8S_MISSING_REQUESTS_MISSING_REQUESTS_H_
#define FAULTLINE_RULES_K8S_MISSING_REQUESTS_MISSING_REQUESTS_H_

#include "engine/rule.h"

namespace faultline::rules {

class MissingRequestsRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_MISSING_REQUESTS_MISSING_REQUESTS_H_
