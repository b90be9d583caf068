#include "rules/aws/eks_node_group_single_az/eks_node_group_single_az.h"

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
  m.id = "FL-AWS-0014";
  m.name = "aws-eks-node-group-single-az";
  m.severity = engine::Severity::kHigh;
  m.title = "EKS node groups of a cluster in too few Availability Zones";
  m.summary =
      "An EKS managed node group's subnets resolve to fewer than `min_azs_stateless` (default 3) "
      "Availability Zones, and the cluster's other node groups do not make up the difference.";
  m.why =
      "Pods can only be scheduled where nodes are. When every node of a cluster sits in one or "
      "two zones, a zone outage removes all or half of the capacity at once and pods that "
      "cannot be rescheduled stay pending. One node group per zone is a common, valid pattern, "
      "so node groups of the same cluster are judged together.";
  m.remediation =
      "Give the node group subnets in at least three Availability Zones, or add node groups in "
      "the missing zones (one group per zone works well with the cluster autoscaler and "
      "zonal volumes).";
  m.example_fix =
      "resource \"aws_eks_node_group\" \"workers\" {\n"
      "  cluster_name    = aws_eks_cluster.main.name\n"
      "  node_group_name = \"workers\"\n"
      "  node_role_arn   = aws_iam_role.node.arn\n"
      "  subnet_ids      = [aws_subnet.a.id, aws_subnet.b.id, aws_subnet.c.id]\n"
      "\n"
      "  scaling_config {\n"
      "    desired_size = 3\n"
      "    min_size     = 3\n"
      "    max_size     = 9\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/eks/latest/best-practices/reliability.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "eks_node_group#subnet_ids",
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_eks_node_group"};
  m.options = {{kMinAzs, engine::RuleOptionType::kInt, "3",
                "The minimum number of Availability Zones a stateless group must span."}};
  return m;
}

// Whether two cluster_name values name the same cluster: equal known strings, or the same
// reference (`aws_eks_cluster.main.name`, `var.cluster_name`). nullopt when it cannot be known.
std::optional<bool> SameCluster(const engine::ResourceGraph& graph, const engine::Resource& holder,
                                const engine::Value* a, const engine::Value* b) {
  if (a == nullptr || b == nullptr) return std::nullopt;
  std::optional<std::string> sa = KnownString(a), sb = KnownString(b);
  if (sa.has_value() && sb.has_value()) return *sa == *sb;
  if (a->is_unknown() && b->is_unknown() && !a->unknown().address.empty()) {
    if (a->unknown().address == b->unknown().address &&
        a->unknown().attribute == b->unknown().attribute) {
      return true;
    }
    // References to two different aws_eks_cluster resources.
    const engine::Resource* ca = ReferencedResource(graph, holder, *a, {"aws_eks_cluster"});
    const engine::Resource* cb = ReferencedResource(graph, holder, *b, {"aws_eks_cluster"});
    if (ca != nullptr && cb != nullptr) return ca->id == cb->id;
  }
  return std::nullopt;
}

}  // namespace

const engine::RuleMetadata& EksNodeGroupSingleAzRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void EksNodeGroupSingleAzRule::Check(const engine::RuleContext& context,
                                     engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::ResourceGraph& graph = context.graph;
  const int64_t min_azs = context.options.Int(kMinAzs, 3);
  const engine::Value* subnets = resource.Get("subnet_ids");
  std::optional<std::set<std::string>> zones = SubnetZones(graph, resource, subnets);
  if (!zones.has_value() || static_cast<int64_t>(zones->size()) >= min_azs) return;
  // The cluster's other node groups may cover the other zones.
  std::set<std::string> cluster_zones = *zones;
  const engine::Value* cluster = resource.Get("cluster_name");
  for (engine::ResourceId id : graph.OfTypeIn(resource.module_dir, "aws_eks_node_group")) {
    const engine::Resource& other = graph.resource(id);
    if (other.id == resource.id || other.module_dir != resource.module_dir ||
        other.origin != resource.origin) {
      continue;
    }
    std::optional<bool> same = SameCluster(graph, resource, cluster, other.Get("cluster_name"));
    if (!same.has_value()) return;  // may belong to this cluster: cannot judge
    if (!*same) continue;
    std::optional<std::set<std::string>> other_zones =
        SubnetZones(graph, other, other.Get("subnet_ids"));
    if (!other_zones.has_value()) return;
    cluster_zones.insert(other_zones->begin(), other_zones->end());
  }
  if (static_cast<int64_t>(cluster_zones.size()) >= min_azs) return;
  std::string where =
      cluster_zones.size() == zones->size()
          ? ""
          : " (with the cluster's other node groups: " + JoinZones(cluster_zones) + ")";
  sink.Report("subnet_ids", subnets,
              ResourceLabel(resource) + " places its nodes only in " + JoinZones(*zones) + where +
                  ", fewer than " + std::to_string(min_azs) +
                  " availability zones: a zone outage removes " +
                  (cluster_zones.size() == 1 ? std::string("every node of the cluster")
                                             : std::string("a large share of the capacity")));
}

}  // namespace faultline::rules
