#include "rules/aws/rds_single_az/rds_single_az.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0001";
  m.name = "aws-rds-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "RDS instance is not Multi-AZ";
  m.summary =
      "An RDS database instance runs in a single Availability Zone (`multi_az` is false or not "
      "set).";
  m.why =
      "A single-AZ instance has no standby: when its Availability Zone fails, and during host "
      "replacement, the database is down until AWS recovers it or you restore a backup "
      "elsewhere, and writes made since the last backup can be lost. `multi_az` defaults to "
      "false, so an instance that does not set it is single-AZ.";
  m.remediation =
      "Set `multi_az = true` so that RDS keeps a synchronous standby in a second Availability "
      "Zone and fails over to it automatically. Read replicas and Aurora cluster members are "
      "not reported: make the primary Multi-AZ, or spread the Aurora cluster's instances over "
      "several Availability Zones.";
  m.example_fix =
      "resource \"aws_db_instance\" \"main\" {\n"
      "  engine         = \"postgres\"\n"
      "  instance_class = \"db.m6g.large\"\n"
      "  multi_az       = true\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "db_instance#multi_az",
  };
  m.peers = {
      {"checkov", "CKV_AWS_157"},
      {"cloud-custodian (EPAM ecc-aws-rulepack)", "ecc-aws-007-rds_high-availability_zone"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_db_instance"};
  return m;
}

// True when the instance belongs to an Aurora cluster, or when that cannot be known.
bool AuroraOrUnknownEngine(const engine::Resource& resource) {
  if (IsSet(resource.Get("cluster_identifier"))) return true;
  const engine::Value* engine_value = resource.Get("engine");
  if (engine_value == nullptr || engine_value->is_null()) return false;
  if (!engine_value->is_string()) return true;  // Unknown: it might be Aurora
  std::string name = engine_value->as_string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.starts_with("aurora");
}

}  // namespace

const engine::RuleMetadata& RdsSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RdsSingleAzRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  // Read replicas (a set or Unknown source) are skipped: the primary's availability matters.
  if (IsSet(resource.Get("replicate_source_db"))) return;
  if (AuroraOrUnknownEngine(resource)) return;

  const std::string label = ResourceLabel(resource);
  const engine::Value* multi_az = resource.Get("multi_az");
  if (multi_az == nullptr) {
    sink.Report("", nullptr,
                label +
                    " is not Multi-AZ (multi_az is not set and defaults to false): a "
                    "single-AZ outage takes the database down");
    return;
  }
  if (multi_az->is_null()) {
    sink.Report("multi_az", multi_az,
                label +
                    " is not Multi-AZ (multi_az is null and defaults to false): a "
                    "single-AZ outage takes the database down");
    return;
  }
  std::optional<bool> enabled = KnownBool(multi_az);
  if (!enabled.has_value() || *enabled) return;  // Unknown or true
  sink.Report("multi_az", multi_az,
              label + " is not Multi-AZ: a single-AZ outage takes the database down");
}

}  // namespace faultline::rules
