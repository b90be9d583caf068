// RdsDeletionProtectionRule (FL-AWS-0003, aws-rds-deletion-protection).
//
// An RDS instance or an RDS/Aurora cluster can be deleted by a single API call or `terraform
// destroy` (`deletion_protection` is false or not set).
//
// Read replicas and Aurora cluster members (engine aurora*) are skipped: the cluster holds the
// setting.
#ifndef FAULTLINE_RULES_AWS_RDS_DELETION_PROTECTION_RDS_DELETION_PROTECTION_H_
#define FAULTLINE_RULES_AWS_RDS_DELETION_PROTECTION_RDS_DELETION_PROTECTION_H_

#include "engine/rule.h"

namespace faultline::rules {

class RdsDeletionProtectionRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_RDS_DELETION_PROTECTION_RDS_DELETION_PROTECTION_H_
