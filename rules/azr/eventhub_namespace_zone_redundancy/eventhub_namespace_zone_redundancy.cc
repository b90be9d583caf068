#include "rules/azr/eventhub_namespace_zone_redundancy/eventhub_namespace_zone_redundancy.h"

#include <optional>
#include <string>

#include "rules/common/azure_regions.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0008";
  m.name = "azr-eventhub-namespace-zone-redundancy";
  m.severity = engine::Severity::kMedium;
  m.title = "Event Hubs namespace is not zone redundant";
  m.summary =
      "An Azure Event Hubs namespace is in a region without availability zones, or sets "
      "`zone_redundant = false`.";
  m.why =
      "A namespace is spread over three availability zones only in a region that has them "
      "(and, on azurerm v3, only with `zone_redundant = true`). Otherwise all of its brokers "
      "and partitions sit in one datacenter: a zone or datacenter outage stops every producer "
      "and consumer of the namespace until it recovers.";
  m.remediation =
      "Create the namespace in a region with availability zones (e.g. West Europe, North "
      "Europe, East US 2), and on azurerm v3 set `zone_redundant = true`. Neither can change "
      "on an existing namespace: create a new one and move producers and consumers (or pair "
      "namespaces with Geo-disaster recovery).";
  m.example_fix =
      "resource \"azurerm_eventhub_namespace\" \"events\" {\n"
      "  name                = \"events\"\n"
      "  location            = \"westeurope\"\n"
      "  resource_group_name = azurerm_resource_group.main.name\n"
      "  sku                 = \"Standard\"\n"
      "  zone_redundant      = true # azurerm v3 only\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/reliability/reliability-event-hubs",
      "https://learn.microsoft.com/azure/reliability/regions-list",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "eventhub_namespace",
  };
  m.peers = {
      {"checkov", "CKV_AZURE_228"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_eventhub_namespace"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrEventhubNamespaceZoneRedundancyRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrEventhubNamespaceZoneRedundancyRule::Check(const engine::RuleContext& context,
                                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* location = resource.Get("location");
  std::optional<std::string> region = KnownString(location);
  if (region.has_value() && AzureRegionZoneSupport(*region) == AzureRegionZones::kWithoutZones) {
    sink.Report("location", location,
                ResourceLabel(resource) + " is not zone redundant: its location " + *region +
                    " is a region without availability zones");
    return;
  }
  const engine::Value* zone_redundant = resource.Get("zone_redundant");
  std::optional<bool> enabled = KnownBool(zone_redundant);
  if (enabled.has_value() && !*enabled) {
    sink.Report("zone_redundant", zone_redundant,
                ResourceLabel(resource) + " is not zone redundant (zone_redundant = false)");
  }
}

}  // namespace faultline::rules
