// MqSingleInstanceRule (FL-AWS-0011, aws-mq-single-instance).
//
// An Amazon MQ broker runs as a single instance in one Availability Zone (`deployment_mode` is
// `SINGLE_INSTANCE` or not set).
#ifndef FAULTLINE_RULES_AWS_MQ_SINGLE_INSTANCE_MQ_SINGLE_INSTANCE_H_
#define FAULTLINE_RULES_AWS_MQ_SINGLE_INSTANCE_MQ_SINGLE_INSTANCE_H_

#include "engine/rule.h"

namespace faultline::rules {

class MqSingleInstanceRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_MQ_SINGLE_INSTANCE_MQ_SINGLE_INSTANCE_H_
