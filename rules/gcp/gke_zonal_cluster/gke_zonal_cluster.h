// GcpGkeZonalClusterRule (FL-GCP-0002, gcp-gke-zonal-cluster).
//
// A GKE cluster is zonal: its `location` is a zone (us-central1-a) rather than a region, or it uses
// the deprecated `zone` argument. A cluster without location, zone or region takes the provider
// default, which is not known here and decides nothing.
#ifndef FAULTLINE_RULES_GCP_GKE_ZONAL_CLUSTER_GKE_ZONAL_CLUSTER_H_
#define FAULTLINE_RULES_GCP_GKE_ZONAL_CLUSTER_GKE_ZONAL_CLUSTER_H_

#include "engine/rule.h"

namespace faultline::rules {

class GcpGkeZonalClusterRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_GCP_GKE_ZONAL_CLUSTER_GKE_ZONAL_CLUSTER_H_
