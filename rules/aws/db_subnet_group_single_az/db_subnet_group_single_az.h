// DbSubnetGroupSingleAzRule (FL-AWS-0016, aws-db-subnet-group-single-az).
//
// A DB subnet group's subnets resolve to fewer than `min_azs_stateful` (default 2) Availability
// Zones.
//
// Subnets resolve through the graph (see rules/common/aws_zones.h); the rule is silent unless
// every subnet resolves.
#ifndef FAULTLINE_RULES_AWS_DB_SUBNET_GROUP_SINGLE_AZ_DB_SUBNET_GROUP_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_DB_SUBNET_GROUP_SINGLE_AZ_DB_SUBNET_GROUP_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class DbSubnetGroupSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_DB_SUBNET_GROUP_SINGLE_AZ_DB_SUBNET_GROUP_SINGLE_AZ_H_
