#include "rules/azr/ase_zone_redundancy/ase_zone_redundancy.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0007";
  m.name = "azr-ase-zone-redundancy";
  m.severity = engine::Severity::kMedium;
  m.title = "App Service Environment is not zone redundant";
  m.summary =
      "An App Service Environment v3 is not zone redundant (`zone_redundant` is false "
      "or not set).";
  m.why =
      "A zonal App Service Environment places all its workers in one zone: a zone "
      "outage stops every app it hosts. Zone redundancy can only be chosen when the "
      "environment is created.";
  m.remediation =
      "Set `zone_redundant = true` when creating the environment (recreate an existing "
      "one), so that workers spread across the region's zones.";
  m.example_fix =
      "resource \"azurerm_app_service_environment_v3\" \"main\" {\n"
      "  name                = \"main-asev3\"\n"
      "  resource_group_name = azurerm_resource_group.main.name\n"
      "  subnet_id           = azurerm_subnet.ase.id\n"
      "  zone_redundant      = true\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/reliability/reliability-app-service-environment",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "app_service_environment_v3",
  };
  m.peers = {
      {"checkov", "CKV_AZURE_231"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_app_service_environment_v3"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrAseZoneRedundancyRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrAseZoneRedundancyRule::Check(const engine::RuleContext& context,
                                     engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
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
