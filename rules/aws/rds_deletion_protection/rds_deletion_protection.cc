#include "rules/aws/rds_deletion_protection/rds_deletion_protection.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0003";
  m.name = "aws-rds-deletion-protection";
  m.severity = engine::Severity::kMedium;
  m.title = "RDS instance or Aurora cluster without deletion protection";
  m.summary =
      "An RDS instance or an RDS/Aurora cluster can be deleted by a single API call or "
      "`terraform destroy` (`deletion_protection` is false or not set).";
  m.why =
      "Without deletion protection, a mistaken `terraform destroy`, a resource rename that plans "
      "a replacement, or a script run against the wrong account deletes the database and its "
      "automated backups at once; only a final snapshot, when one is taken, survives. "
      "`deletion_protection` defaults to false.";
  m.remediation =
      "Set `deletion_protection = true`; turning it off becomes a deliberate, reviewed change "
      "before any deletion. Read replicas and Aurora cluster members are not reported: for "
      "Aurora, deletion protection is a property of the cluster.";
  m.example_fix =
      "resource \"aws_rds_cluster\" \"main\" {\n"
      "  cluster_identifier  = \"orders\"\n"
      "  engine              = \"aurora-postgresql\"\n"
      "  deletion_protection = true\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "rds_cluster#deletion_protection",
  };
  m.peers = {
      {"checkov", "CKV_AWS_139"},
      {"checkov", "CKV_AWS_293"},
      {"cloud-custodian (EPAM ecc-aws-rulepack)",
       "ecc-aws-200-rds_cluster_deletion_protection_enabled"},
      {"cloud-custodian (EPAM ecc-aws-rulepack)",
       "ecc-aws-201-rds_instance_deletion_protection_enabled"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_db_instance", "aws_rds_cluster"};
  return m;
}

// Read replicas can be recreated from the primary; Aurora instances take the cluster's setting.
bool SkippedInstance(const engine::Resource& resource) {
  if (IsSet(resource.Get("replicate_source_db"))) return true;
  const engine::Value* engine_value = resource.Get("engine");
  if (engine_value == nullptr || engine_value->is_null()) return false;
  std::optional<std::string> name = KnownString(engine_value);
  return !name.has_value() || name->starts_with("aurora");
}

}  // namespace

const engine::RuleMetadata& RdsDeletionProtectionRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RdsDeletionProtectionRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (resource.type == "aws_db_instance" && SkippedInstance(resource)) return;
  const std::string label = ResourceLabel(resource);
  const engine::Value* protection = resource.Get("deletion_protection");
  if (protection == nullptr || protection->is_null()) {
    sink.Report(protection == nullptr ? "" : "deletion_protection", protection,
                label +
                    " has no deletion protection (deletion_protection is not set and defaults "
                    "to false): one destroy deletes the database");
    return;
  }
  std::optional<bool> enabled = KnownBool(protection);
  if (!enabled.has_value() || *enabled) return;
  sink.Report("deletion_protection", protection,
              label + " has deletion protection turned off: one destroy deletes the database");
}

}  // namespace faultline::rules
