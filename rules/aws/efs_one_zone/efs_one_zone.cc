#include "rules/aws/efs_one_zone/efs_one_zone.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0009";
  m.name = "aws-efs-one-zone";
  m.severity = engine::Severity::kMedium;
  m.title = "EFS file system uses One Zone storage";
  m.summary =
      "An EFS file system stores its data in a single Availability Zone (`availability_zone_name` "
      "is set, which selects One Zone storage).";
  m.why =
      "One Zone file systems keep one copy of the data in one zone: when that zone is "
      "unavailable, every client loses the file system, and a zone-level loss can destroy the "
      "data. Regional (Standard) file systems store data redundantly across zones.";
  m.remediation =
      "Remove `availability_zone_name` to create a Regional file system, and create a mount "
      "target in each zone your clients run in. Changing the storage class replaces the file "
      "system, so migrate the data (for example with AWS DataSync or a backup restore).";
  m.example_fix =
      "resource \"aws_efs_file_system\" \"shared\" {\n"
      "  creation_token = \"shared\"\n"
      "  encrypted      = true\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/efs/latest/ug/availability-durability.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "efs_file_system#availability_zone_name",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_efs_file_system"};
  return m;
}

}  // namespace

const engine::RuleMetadata& EfsOneZoneRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void EfsOneZoneRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* zone = resource.Get("availability_zone_name");
  std::optional<std::string> name = KnownString(zone);
  if (!name.has_value() || name->empty()) return;  // absent, null (Regional) or Unknown
  sink.Report("availability_zone_name", zone,
              ResourceLabel(resource) + " uses One Zone storage in " + *name +
                  ": when that zone fails, every client loses the file system");
}

}  // namespace faultline::rules
