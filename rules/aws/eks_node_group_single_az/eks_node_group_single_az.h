// EksNodeGroupSingleAzRule (FL-AWS-0014, aws-eks-node-group-single-az).
//
// An EKS managed node group's subnets resolve to fewer than `min_azs_stateless` (default 3)
// Availability Zones, and the cluster's other node groups do not make up the difference.
//
// Node groups of one cluster are those of the same module whose cluster_name is the same known
// string or the same reference; when another group's cluster or zones cannot be known the rule
// stays silent.
#ifndef FAULTLINE_RULES_AWS_EKS_NODE_GROUP_SINGLE_AZ_EKS_NODE_GROUP_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_EKS_NODE_GROUP_SINGLE_AZ_EKS_NODE_GROUP_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class EksNodeGroupSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_EKS_NODE_GROUP_SINGLE_AZ_EKS_NODE_GROUP_SINGLE_AZ_H_
