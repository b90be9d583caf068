// ElasticacheFailoverRule (FL-AWS-0007, aws-elasticache-failover).
//
// An ElastiCache (Redis/Valkey) replication group has fewer than 2 nodes per shard, no automatic
// failover, or no Multi-AZ placement.
//
// One finding per group, for the first problem found in that order. Multi-AZ placement is either
// `multi_az_enabled = true` or `preferred_cache_cluster_azs` listing at least two zones.
#ifndef FAULTLINE_RULES_AWS_ELASTICACHE_FAILOVER_ELASTICACHE_FAILOVER_H_
#define FAULTLINE_RULES_AWS_ELASTICACHE_FAILOVER_ELASTICACHE_FAILOVER_H_

#include "engine/rule.h"

namespace faultline::rules {

class ElasticacheFailoverRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_ELASTICACHE_FAILOVER_ELASTICACHE_FAILOVER_H_
