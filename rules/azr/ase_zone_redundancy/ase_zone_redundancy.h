// AzrAseZoneRedundancyRule (FL-AZR-0007, azr-ase-zone-redundancy).
//
// An App Service Environment v3 is not zone redundant (`zone_redundant` is false or not set). An
// Unknown value decides nothing.
#ifndef FAULTLINE_RULES_AZR_ASE_ZONE_REDUNDANCY_ASE_ZONE_REDUNDANCY_H_
#define FAULTLINE_RULES_AZR_ASE_ZONE_REDUNDANCY_ASE_ZONE_REDUNDANCY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrAseZoneRedundancyRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_ASE_ZONE_REDUNDANCY_ASE_ZONE_REDUNDANCY_H_
