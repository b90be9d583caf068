// AzrSqlDatabaseZoneRedundancyRule (FL-AZR-0001, azr-sql-database-zone-redundancy).
//
// An Azure SQL database or elastic pool is not zone redundant (`zone_redundant` is false or not
// set). Databases in an elastic pool (`elastic_pool_id` set) take the pool's setting and are not
// reported; geo-secondaries (`create_mode` "Secondary" or "OnlineSecondary") are not reported
// either. Unknown values decide nothing.
#ifndef FAULTLINE_RULES_AZR_SQL_DATABASE_ZONE_REDUNDANCY_SQL_DATABASE_ZONE_REDUNDANCY_H_
#define FAULTLINE_RULES_AZR_SQL_DATABASE_ZONE_REDUNDANCY_SQL_DATABASE_ZONE_REDUNDANCY_H_

#include "engine/rule.h"

namespace faultline::rules {

class AzrSqlDatabaseZoneRedundancyRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AZR_SQL_DATABASE_ZONE_REDUNDANCY_SQL_DATABASE_ZONE_REDUNDANCY_H_
