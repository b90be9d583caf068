// RdsBackupRetentionRule (FL-AWS-0002, aws-rds-backup-retention).
//
// An RDS instance or Aurora cluster keeps automated backups for less than
// `min_backup_retention_days` (default 2) days: `backup_retention_period` is 0, 1 or not set.
//
// Read replicas and Aurora cluster members are skipped (an Aurora cluster's backups are configured
// on the cluster). The AWS API default of one day applies when the attribute is not set.
#ifndef FAULTLINE_RULES_AWS_RDS_BACKUP_RETENTION_RDS_BACKUP_RETENTION_H_
#define FAULTLINE_RULES_AWS_RDS_BACKUP_RETENTION_RDS_BACKUP_RETENTION_H_

#include "engine/rule.h"

namespace faultline::rules {

class RdsBackupRetentionRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_RDS_BACKUP_RETENTION_RDS_BACKUP_RETENTION_H_
