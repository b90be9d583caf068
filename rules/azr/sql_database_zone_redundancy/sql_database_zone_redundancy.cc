#include "rules/azr/sql_database_zone_redundancy/sql_database_zone_redundancy.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0001";
  m.name = "azr-sql-database-zone-redundancy";
  m.severity = engine::Severity::kMedium;
  m.title = "Azure SQL database is not zone redundant";
  m.summary =
      "An Azure SQL database or elastic pool is not zone redundant (`zone_redundant` is "
      "false or not set).";
  m.why =
      "Without zone redundancy the database's replicas all sit in one availability "
      "zone: a zone outage makes it unavailable until the zone recovers or you fail "
      "over to a geo-replica, losing recent writes. `zone_redundant` defaults to false.";
  m.remediation =
      "Set `zone_redundant = true` on a SKU that supports it (General Purpose, Business "
      "Critical, Premium or Hyperscale; Basic and Standard DTU tiers cannot be zone "
      "redundant), or on the elastic pool that holds the database.";
  m.example_fix =
      "resource \"azurerm_mssql_database\" \"orders\" {\n"
      "  name           = \"orders\"\n"
      "  server_id      = azurerm_mssql_server.main.id\n"
      "  sku_name       = \"GP_Gen5_2\"\n"
      "  zone_redundant = true\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/azure-sql/database/high-availability-sla",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "mssql_database",
  };
  m.peers = {
      {"checkov", "CKV_AZURE_229"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_mssql_database", "azurerm_mssql_elasticpool"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrSqlDatabaseZoneRedundancyRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrSqlDatabaseZoneRedundancyRule::Check(const engine::RuleContext& context,
                                             engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (resource.type == "azurerm_mssql_database") {
    if (IsSet(resource.Get("elastic_pool_id"))) return;
    const engine::Value* mode = resource.Get("create_mode");
    if (IsSet(mode)) {
      std::optional<std::string> name = KnownString(mode);
      if (!name.has_value() || *name == "Secondary" || *name == "OnlineSecondary") return;
    }
  }
  const engine::Value* zone_redundant = resource.Get("zone_redundant");
  if (!IsSet(zone_redundant)) {
    sink.Report("", nullptr,
                ResourceLabel(resource) + " is not zone redundant (zone_redundant is not set)");
    return;
  }
  std::optional<bool> enabled = KnownBool(zone_redundant);
  if (enabled.has_value() && !*enabled) {
    sink.Report("zone_redundant", zone_redundant,
                ResourceLabel(resource) + " is not zone redundant (zone_redundant = false)");
  }
}

}  // namespace faultline::rules
