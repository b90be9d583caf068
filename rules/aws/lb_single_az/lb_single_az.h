// LbSingleAzRule (FL-AWS-0015, aws-lb-single-az).
//
// A load balancer's subnets (`subnets`, `subnet_mapping`) or `availability_zones` resolve to fewer
// than `min_azs_stateless` (default 3) Availability Zones.
//
// Applies to aws_lb, aws_alb and the classic aws_elb. Subnets resolve through the graph (see
// rules/common/aws_zones.h); the rule is silent unless every subnet or zone resolves.
#ifndef FAULTLINE_RULES_AWS_LB_SINGLE_AZ_LB_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_LB_SINGLE_AZ_LB_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class LbSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_LB_SINGLE_AZ_LB_SINGLE_AZ_H_
