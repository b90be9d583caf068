// AsgServiceCapacityRule (FL-AWS-0017, aws-asg-service-capacity).
//
// An Auto Scaling group that serves a load balancer has `max_size` of 1 or `min_size` of 0.
//
// A group serves a load balancer when it sets target_group_arns, load_balancers or a
// traffic_source block, or when an aws_autoscaling_attachment (or traffic source attachment)
// refers to it. Groups without one (batch workers, scale-to-zero queues) are not reported.
#ifndef FAULTLINE_RULES_AWS_ASG_SERVICE_CAPACITY_ASG_SERVICE_CAPACITY_H_
#define FAULTLINE_RULES_AWS_ASG_SERVICE_CAPACITY_ASG_SERVICE_CAPACITY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AsgServiceCapacityRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_ASG_SERVICE_CAPACITY_ASG_SERVICE_CAPACITY_H_
