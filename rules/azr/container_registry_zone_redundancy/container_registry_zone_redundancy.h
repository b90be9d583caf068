// AzrContainerRegistryZoneRedundancyRule (FL-AZR-0006, azr-container-registry-zone-redundancy).
//
// A Premium Azure container registry, or one of its geo-replications, is not zone redundant
// (`zone_redundancy_enabled` is false or not set). Basic and Standard registries cannot enable zone
// redundancy in the azurerm provider and are not reported. Unknown values decide nothing.
#ifndef FAULTLINE_RULES_AZR_CONTAINER_REGISTRY_ZONE_REDUNDANCY_CONTAINER_REGISTRY_ZONE_REDUNDANCY_H_
#define FAULTLINE_RULES_AZR_CONTAINER_REGISTRY_ZONE_REDUNDANCY_CONTAINER_REGISTRY_ZONE_REDUNDANCY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrContainerRegistryZoneRedundancyRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_CONTAINER_REGISTRY_ZONE_REDUNDANCY_CONTAINER_REGISTRY_ZONE_REDUNDANCY_H_
