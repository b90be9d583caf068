// ElasticacheClusterSingleAzRule (FL-AWS-0008, aws-elasticache-cluster-single-az).
//
// A standalone ElastiCache cluster is a single Redis/Valkey node, or a Memcached cluster whose
// nodes all sit in one Availability Zone (`az_mode` is not `cross-az`).
//
// Clusters that join a replication group (`replication_group_id`) are left to FL-AWS-0007.
#ifndef FAULTLINE_RULES_AWS_ELASTICACHE_CLUSTER_SINGLE_AZ_ELASTICACHE_CLUSTER_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_ELASTICACHE_CLUSTER_SINGLE_AZ_ELASTICACHE_CLUSTER_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class ElasticacheClusterSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_ELASTICACHE_CLUSTER_SINGLE_AZ_ELASTICACHE_CLUSTER_SINGLE_AZ_H_
