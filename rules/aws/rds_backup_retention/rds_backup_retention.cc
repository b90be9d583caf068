#include "rules/aws/rds_backup_retention/rds_backup_retention.h"

#include <cmath>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinDays[] = "min_backup_retention_days";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0002";
  m.name = "aws-rds-backup-retention";
  m.severity = engine::Severity::kHigh;
  m.title = "RDS or Aurora backups disabled or kept for one day only";
  m.summary =
      "An RDS instance or Aurora cluster keeps automated backups for less than "
      "`min_backup_retention_days` (default 2) days: `backup_retention_period` is 0, 1 or not "
      "set.";
  m.why =
      "With retention 0 there are no automated backups and no point-in-time restore: a dropped "
      "table or a corrupting deploy is permanent. When `backup_retention_period` is not set the "
      "provider sends nothing and RDS applies its API default of one day (for `aws_rds_cluster` "
      "the provider default is 1 as well), which leaves a single day to notice a problem before "
      "the last good restore point expires.";
  m.remediation =
      "Set `backup_retention_period` to the number of days you need to be able to go back "
      "(7 or more is common; the maximum is 35). Read replicas and Aurora cluster members are not "
      "reported: backups of an Aurora cluster are configured on `aws_rds_cluster`.";
  m.example_fix =
      "resource \"aws_db_instance\" \"main\" {\n"
      "  engine                  = \"postgres\"\n"
      "  instance_class          = \"db.m6g.large\"\n"
      "  backup_retention_period = 7\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/"
      "USER_WorkingWithAutomatedBackups.BackupRetention.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "db_instance#backup_retention_period",
  };
  m.peers = {
      {"checkov", "CKV_AWS_133"},
      {"kics", "1dc73fb4-5b51-430c-8c5f-25dcf9090b02"},
      {"kics", "e542bd46-58c4-4e0f-a52a-1fb4f9548e02"},
      {"trivy", "AVD-AWS-0077"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_db_instance", "aws_rds_cluster"};
  m.options = {{kMinDays, engine::RuleOptionType::kInt, "2",
                "Report retention periods shorter than this many days (1 reports only disabled "
                "backups)."}};
  return m;
}

// Read replicas and Aurora members (engine aurora*, or unknown engine) have no backups of their
// own to configure.
bool SkippedInstance(const engine::Resource& resource) {
  if (IsSet(resource.Get("replicate_source_db"))) return true;
  if (IsSet(resource.Get("cluster_identifier"))) return true;
  const engine::Value* engine_value = resource.Get("engine");
  if (engine_value == nullptr || engine_value->is_null()) return false;
  std::optional<std::string> name = KnownString(engine_value);
  return !name.has_value() || name->starts_with("aurora");
}

}  // namespace

const engine::RuleMetadata& RdsBackupRetentionRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RdsBackupRetentionRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (resource.type == "aws_db_instance" && SkippedInstance(resource)) return;
  const int64_t min_days = context.options.Int(kMinDays, 2);
  const std::string label = ResourceLabel(resource);
  const engine::Value* retention = resource.Get("backup_retention_period");
  if (retention == nullptr || retention->is_null()) {
    if (min_days <= 1) return;
    sink.Report(retention == nullptr ? "" : "backup_retention_period", retention,
                label +
                    " does not set backup_retention_period, so automated backups are kept for "
                    "1 day only (the AWS default): a problem noticed after a day cannot be "
                    "restored from");
    return;
  }
  std::optional<double> days = KnownNumber(retention);
  if (!days.has_value()) return;
  if (*days <= 0) {
    sink.Report("backup_retention_period", retention,
                label +
                    " has automated backups disabled (backup_retention_period = 0): there is "
                    "no point-in-time restore after data loss");
    return;
  }
  if (*days < static_cast<double>(min_days)) {
    sink.Report("backup_retention_period", retention,
                label + " keeps automated backups for only " + engine::FormatNumber(*days) +
                    " day" + (*days == 1 ? "" : "s") + " (fewer than " + std::to_string(min_days) +
                    "): restore points expire before most problems "
                    "are noticed");
  }
}

}  // namespace faultline::rules
