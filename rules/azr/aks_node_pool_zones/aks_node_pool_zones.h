// AzrAksNodePoolZonesRule (FL-AZR-0005, azr-aks-node-pool-zones).
//
// An AKS node pool (the cluster's `default_node_pool` or an azurerm_kubernetes_cluster_node_pool)
// is not spread over availability zones (`zones` lists fewer than two). The older
// `availability_zones` argument is read too. Unknown zones decide nothing.
#ifndef FAULTLINE_RULES_AZR_AKS_NODE_POOL_ZONES_AKS_NODE_POOL_ZONES_H_
#define FAULTLINE_RULES_AZR_AKS_NODE_POOL_ZONES_AKS_NODE_POOL_ZONES_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrAksNodePoolZonesRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_AKS_NODE_POOL_ZONES_AKS_NODE_POOL_ZONES_H_
