// aws autoscaling describe-auto-scaling-groups -> aws_autoscaling_group.
#include <string>
#include <string_view>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;
using engine::ValueMap;

namespace {

// VPCZoneIdentifier is one comma-separated string of subnet ids ("subnet-a,subnet-b").
Value SplitSubnets(const Value* zone_identifier) {
  if (zone_identifier == nullptr || !zone_identifier->is_string()) return Value();
  ValueList subnets;
  std::string_view rest = zone_identifier->as_string();
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view part = rest.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) subnets.push_back(DerivedString(std::string(part), zone_identifier));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return Derived(Value::List(std::move(subnets)), zone_identifier);
}

void MapGroup(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* name = item.Get("AutoScalingGroupName");
  AttributeBuilder b(item);
  b.Copy("id", "AutoScalingGroupName")
      .Copy("name", "AutoScalingGroupName")
      .Copy("arn", "AutoScalingGroupARN")
      .Copy("min_size", "MinSize")
      .Copy("max_size", "MaxSize")
      .Copy("desired_capacity", "DesiredCapacity")
      .Copy("desired_capacity_type", "DesiredCapacityType")
      .Copy("availability_zones", "AvailabilityZones")
      .Set("vpc_zone_identifier", SplitSubnets(item.Get("VPCZoneIdentifier")))
      .Copy("health_check_type", "HealthCheckType")
      .Copy("health_check_grace_period", "HealthCheckGracePeriod")
      .Copy("default_cooldown", "DefaultCooldown")
      .Copy("default_instance_warmup", "DefaultInstanceWarmup")
      .Copy("launch_configuration", "LaunchConfigurationName")
      .Copy("target_group_arns", "TargetGroupARNs")
      .Copy("load_balancers", "LoadBalancerNames")
      .Copy("termination_policies", "TerminationPolicies")
      .Copy("capacity_rebalance", "CapacityRebalance")
      .Copy("protect_from_scale_in", "NewInstancesProtectedFromScaleIn")
      .Copy("max_instance_lifetime", "MaxInstanceLifetime")
      .Copy("service_linked_role_arn", "ServiceLinkedRoleARN")
      .Copy("placement_group", "PlacementGroup")
      .Set("suspended_processes", Pluck(item.Get("SuspendedProcesses"), "ProcessName"))
      .Set("enabled_metrics", Pluck(item.Get("EnabledMetrics"), "Metric"))
      .Set("tags", TagsToMap(item.Get("Tags")));
  if (const Value* lt = item.Get("LaunchTemplate"); lt != nullptr && lt->is_map()) {
    ValueMap block;
    if (const Value* v = lt->Get("LaunchTemplateId")) block.emplace("id", *v);
    if (const Value* v = lt->Get("LaunchTemplateName")) block.emplace("name", *v);
    if (const Value* v = lt->Get("Version")) block.emplace("version", *v);
    b.Set("launch_template", Derived(Value::List({Derived(Value::Map(std::move(block)), lt)}), lt));
  }
  // Terraform's `tag` blocks: key, value, propagate_at_launch.
  if (const Value* tags = item.Get("Tags"); tags != nullptr && tags->is_list()) {
    ValueList blocks;
    for (const Value& tag : tags->as_list()) {
      if (!tag.is_map()) continue;
      ValueMap block;
      if (const Value* v = tag.Get("Key")) block.emplace("key", *v);
      if (const Value* v = tag.Get("Value")) block.emplace("value", *v);
      if (const Value* v = tag.Get("PropagateAtLaunch")) block.emplace("propagate_at_launch", *v);
      blocks.push_back(Derived(Value::Map(std::move(block)), &tag));
    }
    b.Set("tag", Derived(Value::List(std::move(blocks)), tags));
  }
  AddResource(ctx, "aws_autoscaling_group", item, path, "AutoScalingGroupName", StringOf(name),
              name, std::move(b).Build());
}

}  // namespace

void MapAutoScalingGroups(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "AutoScalingGroups",
              [&](const Value& item, const std::string& path) { MapGroup(item, path, ctx); });
}

}  // namespace faultline::parsers::live
