#include "rules/aws/db_subnet_group_single_az/db_subnet_group_single_az.h"

#include <set>
#include <string>

#include "rules/common/aws_zones.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinAzs[] = "min_azs_stateful";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0016";
  m.name = "aws-db-subnet-group-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "DB subnet group in fewer than two Availability Zones";
  m.summary =
      "A DB subnet group's subnets resolve to fewer than `min_azs_stateful` (default 2) "
      "Availability Zones.";
  m.why =
      "RDS and Aurora place primaries, standbys and replicas only in the zones of their subnet "
      "group. A group confined to one zone makes Multi-AZ impossible: the standby or the "
      "readers cannot be created elsewhere, so a zone outage takes the database down.";
  m.remediation =
      "Add subnets in at least two Availability Zones to `subnet_ids` (three lets Aurora keep "
      "a reader in every zone).";
  m.example_fix =
      "resource \"aws_db_subnet_group\" \"main\" {\n"
      "  name       = \"main\"\n"
      "  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC"
      ".html#USER_VPC.Subnets",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "db_subnet_group",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_db_subnet_group"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "2",
                "The minimum number of Availability Zones a stateful service must span."}};
  return m;
}

}  // namespace

const engine::RuleMetadata& DbSubnetGroupSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void DbSubnetGroupSingleAzRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const int64_t min_azs = context.options.Int(kMinAzs, 2);
  const engine::Value* subnets = resource.Get("subnet_ids");
  std::optional<std::set<std::string>> zones = SubnetZones(context.graph, resource, subnets);
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  sink.Report("subnet_ids", subnets,
              ResourceLabel(resource) + " has subnets only in " + JoinZones(*zones) +
                  " (fewer than " + std::to_string(min_azs) +
                  " availability zones): databases using it cannot fail over to another zone");
}

}  // namespace faultline::rules
