#include "rules/azr/flexible_server_zone_ha/flexible_server_zone_ha.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0002";
  m.name = "azr-flexible-server-zone-ha";
  m.severity = engine::Severity::kMedium;
  m.title = "PostgreSQL/MySQL flexible server without zone-redundant HA";
  m.summary =
      "An Azure Database for PostgreSQL or MySQL flexible server has no zone-redundant "
      "high availability (no `high_availability` block, or `mode` other than "
      "\"ZoneRedundant\").";
  m.why =
      "Without zone-redundant HA the server has no standby in another zone: a zone "
      "outage or a host failure takes the database down until Azure recovers it, and "
      "\"SameZone\" HA still fails with its zone.";
  m.remediation =
      "Add `high_availability { mode = \"ZoneRedundant\" }` (General Purpose or Memory "
      "Optimized tiers), optionally with `standby_availability_zone`, so that a "
      "synchronous standby in another zone takes over automatically.";
  m.example_fix =
      "resource \"azurerm_postgresql_flexible_server\" \"main\" {\n"
      "  name     = \"main\"\n"
      "  sku_name = \"GP_Standard_D2s_v3\"\n"
      "  zone     = \"1\"\n"
      "  high_availability {\n"
      "    mode                      = \"ZoneRedundant\"\n"
      "    standby_availability_zone = \"2\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-high-availability",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "postgresql_flexible_server",
  };
  m.peers = {};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_mysql_flexible_server", "azurerm_postgresql_flexible_server"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrFlexibleServerZoneHaRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrFlexibleServerZoneHaRule::Check(const engine::RuleContext& context,
                                        engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* create_mode = resource.Get("create_mode");
  if (IsSet(create_mode)) {
    std::optional<std::string> name = KnownString(create_mode);
    if (!name.has_value() || *name == "Replica") return;
  }
  const engine::Value* ha = resource.Get("high_availability");
  if (ha == nullptr || ha->is_null() || (ha->is_list() && ha->as_list().empty())) {
    sink.Report("", nullptr,
                ResourceLabel(resource) +
                    " has no high_availability block: no standby in "
                    "another zone");
    return;
  }
  if (!ha->is_list() || !ha->as_list().front().is_map()) return;
  const engine::Value* mode = ha->as_list().front().Get("mode");
  std::optional<std::string> name = KnownString(mode);
  if (name.has_value() && *name != "ZoneRedundant") {
    sink.Report("high_availability[0].mode", mode,
                ResourceLabel(resource) + " has high_availability mode \"" + *name +
                    "\": the standby fails with its zone");
  }
}

}  // namespace faultline::rules
