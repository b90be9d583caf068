// GcpRedisBasicTierRule (FL-GCP-0003, gcp-redis-basic-tier).
//
// A Memorystore for Redis instance uses the BASIC tier (`tier` is "BASIC" or not set, which
// defaults to BASIC), a single node without replication or failover. An Unknown tier decides
// nothing.
#ifndef FAULTLINE_RULES_GCP_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_
#define FAULTLINE_RULES_GCP_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_

#include "engine/rule.h"

namespace faultline::rules {

class GcpRedisBasicTierRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_GCP_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_
