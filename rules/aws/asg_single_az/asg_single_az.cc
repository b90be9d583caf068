#include "rules/aws/asg_single_az/asg_single_az.h"

#include <set>
#include <string>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinAzs[] = "min_azs_stateless";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0013";
  m.name = "aws-asg-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "Auto Scaling group in too few Availability Zones";
  m.summary =
      "An Auto Scaling group's subnets (`vpc_zone_identifier`) or `availability_zones` resolve to "
      "fewer than `min_azs_stateless` (default 3) Availability Zones.";
  m.why =
      "An Auto Scaling group only launches instances in its zones. In one zone, a zone outage "
      "takes every instance down; in two, it removes half the capacity at once while the "
      "survivors absorb all the traffic. Three zones keep two thirds of the capacity through a "
      "zone outage.";
  m.remediation =
      "Give `vpc_zone_identifier` subnets in at least three Availability Zones (or lower "
      "`min_azs_stateless` for this rule in .faultline.yaml when two zones are a deliberate "
      "choice).";
  m.example_fix =
      "resource \"aws_autoscaling_group\" \"web\" {\n"
      "  name                = \"web\"\n"
      "  min_size            = 3\n"
      "  max_size            = 9\n"
      "  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "\n"
      "  launch_template {\n"
      "    id      = aws_launch_template.web.id\n"
      "    version = \"$Latest\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-"
      "balanced.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "autoscaling_group#vpc_zone_identifier",
  };
  m.peers = {
      {"cloud-custodian (EPAM ecc-aws-rulepack)", "ecc-aws-287-autoscaling_group_utilize_multi_az"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_autoscaling_group"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "3",
                "The minimum number of Availability Zones a stateless group must span."}};
  return m;
}

}  // namespace

const engine::RuleMetadata& AsgSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AsgSingleAzRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const int64_t min_azs = context.options.Int(kMinAzs, 3);
  std::string path = "vpc_zone_identifier";
  const engine::Value* at = resource.Get(path);
  std::optional<std::set<std::string>> zones;
  if (IsSet(at)) {
    zones = SubnetZones(context.graph, resource, at);
  } else {
    path = "availability_zones";
    at = resource.Get(path);
    zones = KnownStringSet(at);
  }
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  std::string what = zones->size() == 1 ? "a single availability zone (" + JoinZones(*zones) + ")"
                                        : std::to_string(zones->size()) + " availability zones (" +
                                              JoinZones(*zones) + ")";
  std::string effect = zones->size() == 1
                           ? "a zone outage takes every instance down"
                           : "a zone outage removes " +
                                 std::string(zones->size() == 2 ? "half" : "a large share") +
                                 " of the capacity at once";
  sink.Report(path, at,
              ResourceLabel(resource) + " spans only " + what + ", fewer than " +
                  std::to_string(min_azs) + ": " + effect);
}

}  // namespace faultline::rules
