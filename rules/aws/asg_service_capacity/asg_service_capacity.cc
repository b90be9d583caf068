#include "rules/aws/asg_service_capacity/asg_service_capacity.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0017";
  m.name = "aws-asg-service-capacity";
  m.severity = engine::Severity::kMedium;
  m.title = "Auto Scaling group behind a load balancer limited to one instance or allowed zero";
  m.summary =
      "An Auto Scaling group that serves a load balancer has `max_size` of 1 or `min_size` of 0.";
  m.why =
      "A group behind a load balancer is a service. With `max_size = 1` there is never a second "
      "instance: every instance failure, zone outage or replacement during a deploy is an "
      "outage. With `min_size = 0` a scale-in policy or a mistaken desired capacity can remove "
      "every instance, and the load balancer has nothing to route to.";
  m.remediation =
      "Set `min_size` to at least the number of Availability Zones the group spans (2 or 3) and "
      "`max_size` above it so that instances can be replaced before old ones are terminated.";
  m.example_fix =
      "resource \"aws_autoscaling_group\" \"web\" {\n"
      "  min_size            = 3\n"
      "  max_size            = 9\n"
      "  target_group_arns   = [aws_lb_target_group.web.arn]\n"
      "  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "autoscaling_group#min_size",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_autoscaling_group"};
  return m;
}

// True when the group is attached to a load balancer: target groups or classic load balancers
// in the group itself (Unknown counts: something is attached), a traffic_source block, or an
// attachment resource that refers to the group.
bool ServesLoadBalancer(const engine::ResourceGraph& graph, const engine::Resource& group) {
  for (const char* name : {"target_group_arns", "load_balancers", "traffic_source"}) {
    const engine::Value* value = group.Get(name);
    if (value == nullptr || value->is_null()) continue;
    if (value->is_unknown() || value->size() > 0) return true;
  }
  for (const engine::Edge& edge : graph.InEdges(group.id)) {
    if (edge.kind != engine::EdgeKind::kReferences) continue;
    const std::string& type = graph.resource(edge.from).type;
    if (type == "aws_autoscaling_attachment" ||
        type == "aws_autoscaling_traffic_source_attachment") {
      return true;
    }
  }
  return false;
}

}  // namespace

const engine::RuleMetadata& AsgServiceCapacityRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AsgServiceCapacityRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!ServesLoadBalancer(context.graph, resource)) return;
  const std::string label = ResourceLabel(resource);
  const engine::Value* max_size = resource.Get("max_size");
  if (std::optional<double> max = KnownNumber(max_size); max.has_value() && *max <= 1) {
    sink.Report("max_size", max_size,
                label + " serves a load balancer but max_size is " + engine::FormatNumber(*max) +
                    ": any instance failure, zone outage or replacement is an outage");
    return;
  }
  const engine::Value* min_size = resource.Get("min_size");
  if (std::optional<double> min = KnownNumber(min_size); min.has_value() && *min <= 0) {
    sink.Report("min_size", min_size,
                label +
                    " serves a load balancer but min_size is 0: scaling in can remove every "
                    "instance behind it");
  }
}

}  // namespace faultline::rules
