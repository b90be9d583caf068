// AsgSingleAzRule (FL-AWS-0013, aws-asg-single-az).
//
// An Auto Scaling group's subnets (`vpc_zone_identifier`) or `availability_zones` resolve to fewer
// than `min_azs_stateless` (default 3) Availability Zones.
//
// Subnets resolve through the graph (see rules/common/aws_zones.h); the rule is silent unless
// every subnet or zone resolves.
#ifndef FAULTLINE_RULES_AWS_ASG_SINGLE_AZ_ASG_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_ASG_SINGLE_AZ_ASG_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class AsgSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_ASG_SINGLE_AZ_ASG_SINGLE_AZ_H_
