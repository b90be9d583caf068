#include "rules/aws/msk_single_az/msk_single_az.h"

#include <set>
#include <string>

#include "rules/common/aws_zones.h"
#include "rules/common/nested_blocks.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinAzs[] = "min_azs_stateful";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0012";
  m.name = "aws-msk-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "MSK cluster brokers in fewer than two Availability Zones";
  m.summary =
      "An MSK cluster's broker subnets (`broker_node_group_info.client_subnets`) resolve to fewer "
      "than `min_azs_stateful` (default 2) Availability Zones.";
  m.why =
      "MSK places brokers in the zones of the client subnets. When they all resolve to one zone, "
      "partition replicas cannot be kept in different zones, and a zone outage takes every "
      "broker, and with them every partition, offline.";
  m.remediation =
      "List client subnets in at least two (preferably three) Availability Zones, with a broker "
      "count that is a multiple of the number of subnets, and a replication factor of at least "
      "the number of zones.";
  m.example_fix =
      "resource \"aws_msk_cluster\" \"events\" {\n"
      "  cluster_name           = \"events\"\n"
      "  kafka_version          = \"3.6.0\"\n"
      "  number_of_broker_nodes = 3\n"
      "\n"
      "  broker_node_group_info {\n"
      "    instance_type   = \"kafka.m5.large\"\n"
      "    client_subnets  = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "    security_groups = [aws_security_group.kafka.id]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "msk_cluster#client_subnets",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_msk_cluster"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "2",
                "The minimum number of Availability Zones a stateful service must span."}};
  return m;
}

}  // namespace

const engine::RuleMetadata& MskSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MskSingleAzRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* group = FirstBlock(resource.attributes, "broker_node_group_info");
  if (group == nullptr) return;
  const engine::Value* subnets = group->Get("client_subnets");
  std::optional<std::set<std::string>> zones = SubnetZones(context.graph, resource, subnets);
  const int64_t min_azs = context.options.Int(kMinAzs, 2);
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  sink.Report("broker_node_group_info.client_subnets", subnets,
              ResourceLabel(resource) + " places its brokers only in " + JoinZones(*zones) +
                  " (fewer than " + std::to_string(min_azs) +
                  " availability zones): a zone outage takes every partition offline");
}

}  // namespace faultline::rules
