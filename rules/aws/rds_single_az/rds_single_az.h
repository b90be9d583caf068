// RdsSingleAzRule (FL-AWS-0001, aws-rds-single-az).
//
// An RDS database instance runs in a single Availability Zone (`multi_az` is false or not set).
// Read replicas (`replicate_source_db`) and Aurora cluster members are skipped: their
// availability is a property of the primary or of the cluster.
#ifndef FAULTLINE_RULES_AWS_RDS_SINGLE_AZ_RDS_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_RDS_SINGLE_AZ_RDS_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class RdsSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_RDS_SINGLE_AZ_RDS_SINGLE_AZ_H_
