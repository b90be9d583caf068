// EfsOneZoneRule (FL-AWS-0009, aws-efs-one-zone).
//
// An EFS file system stores its data in a single Availability Zone (`availability_zone_name` is
// set, which selects One Zone storage).
#ifndef FAULTLINE_RULES_AWS_EFS_ONE_ZONE_EFS_ONE_ZONE_H_
#define FAULTLINE_RULES_AWS_EFS_ONE_ZONE_EFS_ONE_ZONE_H_

#include "engine/rule.h"

namespace faultline::rules {

class EfsOneZoneRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_EFS_ONE_ZONE_EFS_ONE_ZONE_H_
