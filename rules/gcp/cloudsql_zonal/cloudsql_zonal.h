// GcpCloudsqlZonalRule (FL-GCP-0001, gcp-cloudsql-zonal).
//
// A primary Cloud SQL instance runs in one zone (`settings.availability_type` is "ZONAL" or not
// set, which defaults to ZONAL). Read replicas (`master_instance_name` set) are not reported. An
// Unknown availability type or settings block decides nothing.
#ifndef FAULTLINE_RULES_GCP_CLOUDSQL_ZONAL_CLOUDSQL_ZONAL_H_
#define FAULTLINE_RULES_GCP_CLOUDSQL_ZONAL_CLOUDSQL_ZONAL_H_

#include "engine/rule.h"

namespace faultline::rules {

class GcpCloudsqlZonalRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_GCP_CLOUDSQL_ZONAL_CLOUDSQL_ZONAL_H_
