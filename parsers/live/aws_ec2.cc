// aws ec2 describe-instances / describe-security-groups / describe-subnets / describe-vpcs ->
// aws_instance, aws_security_group, aws_subnet, aws_vpc.
#include <string>
#include <utility>
#include <vector>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;
using engine::ValueMap;

namespace {

void MapInstance(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* id = item.Get("InstanceId");
  AttributeBuilder b(item);
  b.Copy("id", "InstanceId")
      .Copy("ami", "ImageId")
      .Copy("instance_type", "InstanceType")
      .CopyPath("availability_zone", {"Placement", "AvailabilityZone"})
      .CopyPath("placement_group", {"Placement", "GroupName"})
      .CopyPath("tenancy", {"Placement", "Tenancy"})
      .Copy("subnet_id", "SubnetId")
      .Set("vpc_security_group_ids", Pluck(item.Get("SecurityGroups"), "GroupId"))
      .Copy("key_name", "KeyName")
      .Copy("private_ip", "PrivateIpAddress")
      .Copy("public_ip", "PublicIpAddress")
      .Copy("private_dns", "PrivateDnsName")
      .Copy("public_dns", "PublicDnsName")
      .Copy("ebs_optimized", "EbsOptimized")
      .Copy("source_dest_check", "SourceDestCheck")
      .CopyPath("instance_state", {"State", "Name"})
      .Copy("instance_lifecycle", "InstanceLifecycle")
      .Copy("outpost_arn", "OutpostArn")
      .CopyPath("hibernation", {"HibernationOptions", "Configured"})
      .Set("tags", TagsToMap(item.Get("Tags")));
  if (const Value* arn = FieldPath(&item, {"IamInstanceProfile", "Arn"});
      arn != nullptr && arn->is_string()) {
    b.Set("iam_instance_profile", DerivedString(ArnResourceName(arn->as_string()), arn));
  }
  if (const Value* state = FieldPath(&item, {"Monitoring", "State"});
      state != nullptr && state->is_string()) {
    // As the Terraform provider reads it: "enabled" and "pending" both mean detailed monitoring.
    const std::string& s = state->as_string();
    b.Set("monitoring", DerivedBool(s == "enabled" || s == "pending", state));
  }
  if (const Value* options = item.Get("MetadataOptions"); options != nullptr && options->is_map()) {
    ValueMap block;
    auto copy = [&](const char* name, const char* key) {
      if (const Value* v = options->Get(key)) block.emplace(name, *v);
    };
    copy("http_endpoint", "HttpEndpoint");
    copy("http_tokens", "HttpTokens");
    copy("http_put_response_hop_limit", "HttpPutResponseHopLimit");
    copy("http_protocol_ipv6", "HttpProtocolIpv6");
    copy("instance_metadata_tags", "InstanceMetadataTags");
    b.Set("metadata_options",
          Derived(Value::List({Derived(Value::Map(std::move(block)), options)}), options));
  }
  AddResource(ctx, "aws_instance", item, path, "InstanceId", StringOf(id), id,
              std::move(b).Build());
}

// IANA protocol numbers the Terraform provider prints by name.
std::string ProtocolName(const std::string& protocol) {
  if (protocol == "-1" || protocol == "all") return "-1";
  if (protocol == "6") return "tcp";
  if (protocol == "17") return "udp";
  if (protocol == "1") return "icmp";
  if (protocol == "58") return "icmpv6";
  std::string lower = protocol;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// One Terraform ingress/egress rule under construction.
struct RuleBuilder {
  std::string description;
  const Value* description_value = nullptr;
  ValueList cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, security_groups;
  const Value* self = nullptr;  // the UserIdGroupPairs element naming the group itself
};

// IpPermissions[] -> Terraform's ingress/egress blocks: as the provider flattens them, one
// rule per (permission, description), with from_port/to_port/protocol and every CIDR, prefix
// list and peer group of that description; a pair naming the group itself becomes self = true.
Value FlattenPermissions(const Value* permissions, const std::string& group_id,
                         const std::string& owner_id) {
  if (permissions == nullptr || !permissions->is_list()) return Value();
  ValueList rules;
  for (const Value& permission : permissions->as_list()) {
    if (!permission.is_map()) continue;
    std::vector<RuleBuilder> by_description;
    auto rule_for = [&](const Value& entry) -> RuleBuilder& {
      const Value* description = entry.Get("Description");
      std::string text = StringOf(description);
      for (RuleBuilder& rule : by_description) {
        if (rule.description == text) return rule;
      }
      by_description.push_back(RuleBuilder{text, description, {}, {}, {}, {}, nullptr});
      return by_description.back();
    };
    auto each = [&](const char* list_key, auto&& fn) {
      const Value* list = permission.Get(list_key);
      if (list == nullptr || !list->is_list()) return;
      for (const Value& entry : list->as_list()) {
        if (entry.is_map()) fn(entry);
      }
    };
    each("IpRanges", [&](const Value& e) {
      if (const Value* v = e.Get("CidrIp"); v != nullptr && v->is_string()) {
        rule_for(e).cidr_blocks.push_back(*v);
      }
    });
    each("Ipv6Ranges", [&](const Value& e) {
      if (const Value* v = e.Get("CidrIpv6"); v != nullptr && v->is_string()) {
        rule_for(e).ipv6_cidr_blocks.push_back(*v);
      }
    });
    each("PrefixListIds", [&](const Value& e) {
      if (const Value* v = e.Get("PrefixListId"); v != nullptr && v->is_string()) {
        rule_for(e).prefix_list_ids.push_back(*v);
      }
    });
    each("UserIdGroupPairs", [&](const Value& e) {
      const Value* group = e.Get("GroupId");
      if (group == nullptr || !group->is_string()) group = e.Get("GroupName");
      if (group == nullptr || !group->is_string()) return;
      RuleBuilder& rule = rule_for(e);
      if (group->as_string() == group_id) {
        rule.self = &e;
        return;
      }
      const std::string user = StringOf(e.Get("UserId"));
      if (!user.empty() && !owner_id.empty() && user != owner_id) {
        rule.security_groups.push_back(DerivedString(user + "/" + group->as_string(), group));
      } else {
        rule.security_groups.push_back(*group);
      }
    });
    if (by_description.empty()) by_description.push_back(RuleBuilder{});

    const Value* from = permission.Get("FromPort");
    const Value* to = permission.Get("ToPort");
    const Value* protocol = permission.Get("IpProtocol");
    for (RuleBuilder& rule : by_description) {
      ValueMap entries;
      entries.emplace("from_port", from != nullptr ? *from : DerivedNumber(0, &permission));
      entries.emplace("to_port", to != nullptr ? *to : DerivedNumber(0, &permission));
      if (protocol == nullptr || !protocol->is_string()) {
        entries.emplace("protocol", DerivedString("-1", &permission));
      } else if (std::string name = ProtocolName(protocol->as_string());
                 name == protocol->as_string()) {
        entries.emplace("protocol", *protocol);
      } else {
        entries.emplace("protocol", DerivedString(std::move(name), protocol));
      }
      auto list = [&](ValueList values) {
        return Derived(Value::List(std::move(values)), &permission);
      };
      entries.emplace("cidr_blocks", list(std::move(rule.cidr_blocks)));
      entries.emplace("ipv6_cidr_blocks", list(std::move(rule.ipv6_cidr_blocks)));
      entries.emplace("prefix_list_ids", list(std::move(rule.prefix_list_ids)));
      entries.emplace("security_groups", list(std::move(rule.security_groups)));
      entries.emplace("self", DerivedBool(rule.self != nullptr,
                                          rule.self != nullptr ? rule.self : &permission));
      entries.emplace("description", rule.description_value != nullptr
                                         ? *rule.description_value
                                         : DerivedString("", &permission));
      rules.push_back(Derived(Value::Map(std::move(entries)), &permission));
    }
  }
  return Derived(Value::List(std::move(rules)), permissions);
}

void MapSecurityGroup(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* id = item.Get("GroupId");
  const std::string group_id = StringOf(id);
  const std::string owner_id = StringOf(item.Get("OwnerId"));
  AttributeBuilder b(item);
  b.Copy("id", "GroupId")
      .Copy("arn", "SecurityGroupArn")
      .Copy("name", "GroupName")
      .Copy("description", "Description")
      .Copy("vpc_id", "VpcId")
      .Copy("owner_id", "OwnerId")
      .Set("ingress", FlattenPermissions(item.Get("IpPermissions"), group_id, owner_id))
      .Set("egress", FlattenPermissions(item.Get("IpPermissionsEgress"), group_id, owner_id))
      .Set("tags", TagsToMap(item.Get("Tags")));
  AddResource(ctx, "aws_security_group", item, path, "GroupId", group_id, id, std::move(b).Build());
}

// The first associated IPv6 block of an Ipv6CidrBlockAssociationSet, or null.
const Value* FirstIpv6Block(const Value* associations) {
  if (associations == nullptr || !associations->is_list()) return nullptr;
  for (const Value& association : associations->as_list()) {
    const std::string state = StringOf(FieldPath(&association, {"Ipv6CidrBlockState", "State"}));
    if (!state.empty() && state != "associated") continue;
    if (const Value* block = association.Get("Ipv6CidrBlock"); block != nullptr) return block;
  }
  return nullptr;
}

void MapSubnet(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* id = item.Get("SubnetId");
  AttributeBuilder b(item);
  b.Copy("id", "SubnetId")
      .Copy("arn", "SubnetArn")
      .Copy("availability_zone", "AvailabilityZone")
      .Copy("availability_zone_id", "AvailabilityZoneId")
      .Copy("cidr_block", "CidrBlock")
      .Copy("vpc_id", "VpcId")
      .Copy("map_public_ip_on_launch", "MapPublicIpOnLaunch")
      .Copy("assign_ipv6_address_on_creation", "AssignIpv6AddressOnCreation")
      .Copy("owner_id", "OwnerId")
      .Copy("outpost_arn", "OutpostArn")
      .Copy("customer_owned_ipv4_pool", "CustomerOwnedIpv4Pool")
      .Copy("map_customer_owned_ip_on_launch", "MapCustomerOwnedIpOnLaunch")
      .Copy("enable_dns64", "EnableDns64")
      .Copy("ipv6_native", "Ipv6Native")
      .Set("tags", TagsToMap(item.Get("Tags")));
  if (const Value* block = FirstIpv6Block(item.Get("Ipv6CidrBlockAssociationSet"))) {
    b.Set("ipv6_cidr_block", *block);
  }
  AddResource(ctx, "aws_subnet", item, path, "SubnetId", StringOf(id), id, std::move(b).Build());
}

void MapVpc(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* id = item.Get("VpcId");
  AttributeBuilder b(item);
  b.Copy("id", "VpcId")
      .Copy("cidr_block", "CidrBlock")
      .Copy("instance_tenancy", "InstanceTenancy")
      .Copy("dhcp_options_id", "DhcpOptionsId")
      .Copy("owner_id", "OwnerId")
      .Set("tags", TagsToMap(item.Get("Tags")));
  if (const Value* block = FirstIpv6Block(item.Get("Ipv6CidrBlockAssociationSet"))) {
    b.Set("ipv6_cidr_block", *block);
  }
  AddResource(ctx, "aws_vpc", item, path, "VpcId", StringOf(id), id, std::move(b).Build());
}

}  // namespace

void MapEc2Instances(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "Reservations", [&](const Value& reservation, const std::string& path) {
    ForEachItem(
        ctx, reservation, "Instances",
        [&](const Value& item, const std::string& instance_path) {
          MapInstance(item, instance_path, ctx);
        },
        path + ".");
  });
}

void MapEc2SecurityGroups(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "SecurityGroups", [&](const Value& item, const std::string& path) {
    MapSecurityGroup(item, path, ctx);
  });
}

void MapEc2Subnets(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "Subnets",
              [&](const Value& item, const std::string& path) { MapSubnet(item, path, ctx); });
}

void MapEc2Vpcs(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "Vpcs",
              [&](const Value& item, const std::string& path) { MapVpc(item, path, ctx); });
}

}  // namespace faultline::parsers::live
