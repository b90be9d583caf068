// aws eks describe-nodegroup -> aws_eks_node_group (one node group per output).
#include <string>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;
using engine::ValueMap;

namespace {

// A nested AWS object as a one-element list of a Terraform block, with keys renamed.
Value Block(const Value* object, std::initializer_list<std::pair<const char*, const char*>> names) {
  if (object == nullptr || !object->is_map()) return Value();
  ValueMap block;
  for (const auto& [name, key] : names) {
    if (const Value* v = object->Get(key)) block.emplace(name, *v);
  }
  return Derived(Value::List({Derived(Value::Map(std::move(block)), object)}), object);
}

}  // namespace

void MapEksNodegroup(const Value& root, AwsMapContext& ctx) {
  const Value* item = root.Get("nodegroup");
  if (item == nullptr || !item->is_map()) {
    ReportSkipped(
        ctx, item != nullptr ? item : &root,
        std::string(LiveExportKindName(ctx.kind)) + ": nodegroup is not an object; skipped");
    return;
  }
  const Value* cluster = item->Get("clusterName");
  const Value* name = item->Get("nodegroupName");
  const std::string cluster_name = StringOf(cluster);
  const std::string group_name = StringOf(name);

  AttributeBuilder b(*item);
  b.Copy("cluster_name", "clusterName")
      .Copy("node_group_name", "nodegroupName")
      .Copy("arn", "nodegroupArn")
      .Copy("version", "version")
      .Copy("release_version", "releaseVersion")
      .Copy("status", "status")
      .Copy("capacity_type", "capacityType")
      .Set("scaling_config", Block(item->Get("scalingConfig"), {{"min_size", "minSize"},
                                                                {"max_size", "maxSize"},
                                                                {"desired_size", "desiredSize"}}))
      .Copy("instance_types", "instanceTypes")
      .Copy("subnet_ids", "subnets")
      .Copy("ami_type", "amiType")
      .Copy("node_role_arn", "nodeRole")
      .Copy("labels", "labels")
      .Copy("disk_size", "diskSize")
      .Set("update_config", Block(item->Get("updateConfig"),
                                  {{"max_unavailable", "maxUnavailable"},
                                   {"max_unavailable_percentage", "maxUnavailablePercentage"}}))
      .Set("launch_template", Block(item->Get("launchTemplate"),
                                    {{"id", "id"}, {"name", "name"}, {"version", "version"}}))
      .Copy("tags", "tags");
  if (const Value* taints = item->Get("taints"); taints != nullptr && taints->is_list()) {
    ValueList blocks;
    for (const Value& taint : taints->as_list()) {
      if (!taint.is_map()) continue;
      ValueMap block;
      for (const char* key : {"key", "value", "effect"}) {
        if (const Value* v = taint.Get(key)) block.emplace(key, *v);
      }
      blocks.push_back(Derived(Value::Map(std::move(block)), &taint));
    }
    b.Set("taint", Derived(Value::List(std::move(blocks)), taints));
  }
  if (const Value* remote = item->Get("remoteAccess"); remote != nullptr && remote->is_map()) {
    b.Set("remote_access", Block(remote, {{"ec2_ssh_key", "ec2SshKey"},
                                          {"source_security_group_ids", "sourceSecurityGroups"}}));
  }
  if (const Value* resources = item->Get("resources");
      resources != nullptr && resources->is_map()) {
    ValueMap block;
    if (const Value* groups = resources->Get("autoScalingGroups");
        groups != nullptr && groups->is_list()) {
      ValueList names;
      for (const Value& group : groups->as_list()) {
        if (const Value* v = group.Get("name")) {
          names.push_back(Derived(Value::Map({{"name", *v}}), &group));
        }
      }
      block.emplace("autoscaling_groups", Derived(Value::List(std::move(names)), groups));
    }
    if (const Value* v = resources->Get("remoteAccessSecurityGroup")) {
      block.emplace("remote_access_security_group_id", *v);
    }
    b.Set("resources",
          Derived(Value::List({Derived(Value::Map(std::move(block)), resources)}), resources));
  }
  // Terraform's id and import form is "cluster_name:node_group_name".
  std::string identifier;
  if (!cluster_name.empty() && !group_name.empty()) {
    identifier = cluster_name + ":" + group_name;
    b.Set("id", DerivedString(identifier, name));
  }
  AddResource(ctx, "aws_eks_node_group", *item, "nodegroup", "clusterName and nodegroupName",
              identifier, name, std::move(b).Build());
}

}  // namespace faultline::parsers::live
