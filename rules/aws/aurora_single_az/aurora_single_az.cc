#include "rules/aws/aurora_single_az/aurora_single_az.h"

#include <set>
#include <string>
#include <vector>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kMinAzs[] = "min_azs_stateful";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0006";
  m.name = "aws-aurora-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "Aurora cluster with a single instance or in a single Availability Zone";
  m.summary =
      "An Aurora cluster has a single instance, or its instances or DB subnet group sit in fewer "
      "than `min_azs_stateful` (default 2) Availability Zones.";
  m.why =
      "Aurora storage is replicated over three zones, but compute is not: with one instance, or "
      "with every instance in one zone, a zone outage or an instance failure leaves no replica "
      "to promote and the cluster is down until a new instance is created (typically 10 minutes "
      "or more). Multi-AZ for Aurora means at least one reader in another zone.";
  m.remediation =
      "Add an `aws_rds_cluster_instance` (a reader) to the cluster, for example with `count = "
      "2`, and leave `availability_zone` unset or give the instances different zones; make the "
      "DB subnet group span at least two zones.";
  m.example_fix =
      "resource \"aws_rds_cluster_instance\" \"main\" {\n"
      "  count              = 2\n"
      "  identifier         = \"orders-${count.index}\"\n"
      "  cluster_identifier = aws_rds_cluster.main.id\n"
      "  instance_class     = \"db.r6g.large\"\n"
      "  engine             = aws_rds_cluster.main.engine\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability"
      ".html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "rds_cluster_instance",
  };
  m.peers = {
      {"cloud-custodian (EPAM ecc-aws-rulepack)", "ecc-aws-213-rds_cluster_multi_az_enabled"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_rds_cluster"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "2",
                "The minimum number of Availability Zones a stateful service must span."}};
  return m;
}

enum class Membership { kMember, kNotMember, kMaybe };

// Whether `instance` (an aws_rds_cluster_instance) belongs to `cluster`.
Membership MemberOf(const engine::ResourceGraph& graph, const engine::Resource& cluster,
                    const engine::Resource& instance) {
  const engine::Value* id = instance.Get("cluster_identifier");
  if (id == nullptr || id->is_null()) return Membership::kNotMember;
  if (id->is_unknown()) {
    const engine::Resource* target = ReferencedResource(graph, instance, *id);
    if (target != nullptr && target->type == "aws_rds_cluster") {
      return target->id == cluster.id ? Membership::kMember : Membership::kNotMember;
    }
    return Membership::kMaybe;  // a variable, a module output, a data source...
  }
  std::optional<std::string> literal = KnownString(id);
  if (!literal.has_value()) return Membership::kMaybe;
  const engine::Value* own = cluster.Get("cluster_identifier");
  if (own == nullptr || own->is_null()) return Membership::kNotMember;  // generated name
  std::optional<std::string> own_name = KnownString(own);
  if (!own_name.has_value()) return Membership::kMaybe;
  return *own_name == *literal ? Membership::kMember : Membership::kNotMember;
}

// The aws_db_subnet_group the cluster names, or nullptr.
const engine::Resource* SubnetGroupOf(const engine::ResourceGraph& graph,
                                      const engine::Resource& cluster, const engine::Value& name) {
  if (name.is_unknown()) return ReferencedResource(graph, cluster, name, {"aws_db_subnet_group"});
  std::optional<std::string> text = KnownString(&name);
  if (!text.has_value()) return nullptr;
  const engine::Resource* found = nullptr;
  for (engine::ResourceId id : graph.OfTypeIn(cluster.module_dir, "aws_db_subnet_group")) {
    const engine::Resource& group = graph.resource(id);
    if (group.module_dir != cluster.module_dir || group.kind != engine::ResourceKind::kManaged) {
      continue;
    }
    std::optional<std::string> group_name = KnownString(group.Get("name"));
    if (group_name.has_value() && *group_name == *text) {
      if (found != nullptr) return nullptr;  // ambiguous
      found = &group;
    }
  }
  return found;
}

}  // namespace

const engine::RuleMetadata& AuroraSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AuroraSingleAzRule::Check(const engine::RuleContext& context,
                               engine::FindingSink& sink) const {
  const engine::Resource& cluster = context.resource;
  const engine::ResourceGraph& graph = context.graph;
  // Aurora only (the engine defaults to "aurora"): Multi-AZ DB clusters of other engines always
  // run three instances, and Serverless v1 has no instances to count.
  if (const engine::Value* engine_value = cluster.Get("engine"); IsSet(engine_value)) {
    std::optional<std::string> name = KnownString(engine_value);
    if (!name.has_value() || !name->starts_with("aurora")) return;
  }
  if (const engine::Value* mode = cluster.Get("engine_mode"); IsSet(mode)) {
    std::optional<std::string> name = KnownString(mode);
    if (!name.has_value() || *name == "serverless") return;
  }
  const int64_t min_azs = context.options.Int(kMinAzs, 2);
  const std::string label = ResourceLabel(cluster);

  // Instances: aws_rds_cluster_instance resources of this module that point at the cluster.
  // A module call that refers to the cluster may create more.
  bool uncertain = false;
  for (const engine::Edge& edge : graph.InEdges(cluster.id)) {
    if (edge.kind == engine::EdgeKind::kReferences &&
        graph.resource(edge.from).kind == engine::ResourceKind::kModule) {
      uncertain = true;
    }
  }
  std::vector<const engine::Resource*> members;
  for (engine::ResourceId id : graph.OfTypeIn(cluster.module_dir, "aws_rds_cluster_instance")) {
    const engine::Resource& instance = graph.resource(id);
    if (instance.module_dir != cluster.module_dir ||
        instance.kind != engine::ResourceKind::kManaged || instance.origin != cluster.origin) {
      continue;
    }
    Membership membership = MemberOf(graph, cluster, instance);
    if (membership == Membership::kMaybe) uncertain = true;
    if (membership != Membership::kMember) continue;
    if (instance.index_key.is_unknown()) uncertain = true;  // count or for_each not known
    members.push_back(&instance);
  }
  if (!uncertain && members.size() == 1) {
    sink.Report("", nullptr,
                label + " has a single instance (" + ResourceLabel(*members.front()) +
                    "): an instance or zone failure leaves no replica to fail over to");
    return;
  }
  if (!uncertain && members.size() >= 2) {
    std::set<std::string> zones;
    bool all_known = true;
    for (const engine::Resource* member : members) {
      std::optional<std::string> zone = KnownString(member->Get("availability_zone"));
      if (!zone.has_value() || zone->empty()) {
        all_known = false;
        break;
      }
      zones.insert(*zone);
    }
    if (all_known && static_cast<int64_t>(zones.size()) < min_azs) {
      sink.Report("", nullptr,
                  label + " has all " + std::to_string(members.size()) + " instances in " +
                      JoinZones(zones) + " (fewer than " + std::to_string(min_azs) +
                      " availability zones): a zone outage takes the whole cluster down");
      return;
    }
  }
  // The DB subnet group bounds where instances can run.
  const engine::Value* group_name = cluster.Get("db_subnet_group_name");
  if (group_name == nullptr) return;
  const engine::Resource* group = SubnetGroupOf(graph, cluster, *group_name);
  if (group == nullptr) return;
  std::optional<std::set<std::string>> zones = SubnetZones(graph, *group, group->Get("subnet_ids"));
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  sink.Report("db_subnet_group_name", group_name,
              label + " uses DB subnet group " + ResourceLabel(*group) +
                  " whose subnets are all in " + JoinZones(*zones) + " (fewer than " +
                  std::to_string(min_azs) +
                  " availability zones): a zone outage takes the whole cluster down");
}

}  // namespace faultline::rules
