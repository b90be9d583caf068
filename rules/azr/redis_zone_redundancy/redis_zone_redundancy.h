// AzrRedisZoneRedundancyRule (FL-AZR-0004, azr-redis-zone-redundancy).
//
// A Premium Azure Cache for Redis instance is not spread over availability zones (`zones` lists
// fewer than two zones). Only the Premium SKU can be pinned to zones in the azurerm provider, so
// other SKUs are not reported (FL-AZR-0003 reports Basic). Unknown values decide nothing.
#ifndef FAULTLINE_RULES_AZR_REDIS_ZONE_REDUNDANCY_REDIS_ZONE_REDUNDANCY_H_
#define FAULTLINE_RULES_AZR_REDIS_ZONE_REDUNDANCY_REDIS_ZONE_REDUNDANCY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrRedisZoneRedundancyRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_REDIS_ZONE_REDUNDANCY_REDIS_ZONE_REDUNDANCY_H_
