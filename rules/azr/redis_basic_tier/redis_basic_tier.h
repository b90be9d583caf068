// AzrRedisBasicTierRule (FL-AZR-0003, azr-redis-basic-tier).
//
// An Azure Cache for Redis instance uses the Basic SKU, a single node without replication or SLA.
// An Unknown SKU decides nothing.
#ifndef FAULTLINE_RULES_AZR_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_
#define FAULTLINE_RULES_AZR_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrRedisBasicTierRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_REDIS_BASIC_TIER_REDIS_BASIC_TIER_H_
