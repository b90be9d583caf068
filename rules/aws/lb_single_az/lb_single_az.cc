#include "rules/aws/lb_single_az/lb_single_az.h"

#include <set>
#include <string>
#include <vector>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/nested_blocks.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinAzs[] = "min_azs_stateless";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0015";
  m.name = "aws-lb-single-az";
  m.severity = engine::Severity::kMedium;
  m.title = "Load balancer in too few Availability Zones";
  m.summary =
      "A load balancer's subnets (`subnets`, `subnet_mapping`) or `availability_zones` resolve to "
      "fewer than `min_azs_stateless` (default 3) Availability Zones.";
  m.why =
      "A load balancer only has nodes, and only routes to targets, in its enabled zones. With "
      "one zone, a zone outage takes the entry point down; with two, it halves the zones that "
      "can serve while traffic shifts, and targets in any other zone are unreachable.";
  m.remediation =
      "Attach one subnet in each of at least three Availability Zones (the zones your targets "
      "run in), or lower `min_azs_stateless` for this rule in .faultline.yaml when two zones "
      "are a deliberate choice.";
  m.example_fix =
      "resource \"aws_lb\" \"web\" {\n"
      "  name               = \"web\"\n"
      "  load_balancer_type = \"application\"\n"
      "  subnets            = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/"
      "how-elastic-load-balancing-works.html#availability-zones",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#subnets",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_lb", "aws_alb", "aws_elb"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "3",
                "The minimum number of Availability Zones a stateless group must span."}};
  return m;
}

}  // namespace

const engine::RuleMetadata& LbSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void LbSingleAzRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const int64_t min_azs = context.options.Int(kMinAzs, 3);
  std::string path;
  const engine::Value* at = nullptr;
  std::optional<std::set<std::string>> zones;
  if (const engine::Value* subnets = resource.Get("subnets"); IsSet(subnets)) {
    path = "subnets";
    at = subnets;
    zones = SubnetZones(context.graph, resource, subnets);
  } else if (const engine::Value* mappings = resource.Get("subnet_mapping"); IsSet(mappings)) {
    if (mappings->is_unknown()) return;
    std::vector<const engine::Value*> ids;
    for (const engine::Value* block : Blocks(resource.attributes, "subnet_mapping")) {
      ids.push_back(block->Get("subnet_id"));
    }
    path = "subnet_mapping";
    zones = SubnetZonesOf(context.graph, resource, ids);
  } else if (const engine::Value* names = resource.Get("availability_zones"); IsSet(names)) {
    path = "availability_zones";
    at = names;
    zones = KnownStringSet(names);
  }
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  std::string effect = zones->size() == 1 ? "a zone outage takes the entry point down"
                                          : "a zone outage leaves too few zones to serve from";
  sink.Report(at != nullptr ? path : "", at,
              ResourceLabel(resource) + " is enabled only in " + JoinZones(*zones) +
                  ", fewer than " + std::to_string(min_azs) + " availability zones: " + effect);
}

}  // namespace faultline::rules
