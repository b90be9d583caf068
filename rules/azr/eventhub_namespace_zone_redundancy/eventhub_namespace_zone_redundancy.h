// AzrEventhubNamespaceZoneRedundancyRule (FL-AZR-0008, azr-eventhub-namespace-zone-redundancy).
//
// An Azure Event Hubs namespace is in a region without availability zones, or sets
// `zone_redundant = false`. The `location` counts whether written or resolved through the
// configuration (`azurerm_resource_group.main.location`). Namespaces are zone redundant
// automatically in regions with zones, so an absent `zone_redundant` (azurerm v3; removed in v4)
// is not reported. Regions come from rules/common/azure_regions.h; a region on neither of its
// lists, and Unknown values, decide nothing.
#ifndef FAULTLINE_RULES_AZR_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_H_
#define FAULTLINE_RULES_AZR_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrEventhubNamespaceZoneRedundancyRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_EVENTHUB_NAMESPACE_ZONE_REDUNDANCY_H_
