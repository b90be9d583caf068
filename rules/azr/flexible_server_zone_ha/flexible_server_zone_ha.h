// AzrFlexibleServerZoneHaRule (FL-AZR-0002, azr-flexible-server-zone-ha).
//
// An Azure Database for PostgreSQL or MySQL flexible server has no zone-redundant high availability
// (no `high_availability` block, or `mode` other than "ZoneRedundant"). Replicas (`create_mode`
// "Replica") are not reported. Unknown values decide nothing.
#ifndef FAULTLINE_RULES_AZR_FLEXIBLE_SERVER_ZONE_HA_FLEXIBLE_SERVER_ZONE_HA_H_
#define FAULTLINE_RULES_AZR_FLEXIBLE_SERVER_ZONE_HA_FLEXIBLE_SERVER_ZONE_HA_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrFlexibleServerZoneHaRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_FLEXIBLE_SERVER_ZONE_HA_FLEXIBLE_SERVER_ZONE_HA_H_
