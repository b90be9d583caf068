#include "rules/azr/container_registry_zone_redundancy/container_registry_zone_redundancy.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

void CheckFlag(const engine::Value& block, const std::string& path, const std::string& subject,
               engine::FindingSink& sink) {
  const engine::Value* flag = block.Get("zone_redundancy_enabled");
  if (!IsSet(flag)) {
    sink.Report(path, path.empty() ? nullptr : &block,
                subject + " is not zone redundant (zone_redundancy_enabled is not set)");
    return;
  }
  std::optional<bool> enabled = KnownBool(flag);
  if (enabled.has_value() && !*enabled) {
    sink.Report(path.empty() ? "zone_redundancy_enabled" : path + ".zone_redundancy_enabled", flag,
                subject + " is not zone redundant (zone_redundancy_enabled = false)");
  }
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0006";
  m.name = "azr-container-registry-zone-redundancy";
  m.severity = engine::Severity::kLow;
  m.title = "Premium container registry is not zone redundant";
  m.summary =
      "A Premium Azure container registry, or one of its geo-replications, is not zone "
      "redundant (`zone_redundancy_enabled` is false or not set).";
  m.why =
      "Image pulls fail during a zone outage when the registry (or the replica serving "
      "the region) lives in one zone, so nodes cannot start new pods exactly when "
      "workloads are being rescheduled.";
  m.remediation =
      "Set `zone_redundancy_enabled = true` on the registry and on every "
      "`georeplications` block. Zone redundancy can only be chosen at creation: "
      "recreate the registry or replica.";
  m.example_fix =
      "resource \"azurerm_container_registry\" \"main\" {\n"
      "  name                    = \"mainregistry\"\n"
      "  sku                     = \"Premium\"\n"
      "  zone_redundancy_enabled = true\n"
      "  georeplications {\n"
      "    location                = \"North Europe\"\n"
      "    zone_redundancy_enabled = true\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/container-registry/zone-redundancy",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "container_registry",
  };
  m.peers = {
      {"checkov", "CKV_AZURE_233"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_container_registry"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrContainerRegistryZoneRedundancyRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrContainerRegistryZoneRedundancyRule::Check(const engine::RuleContext& context,
                                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  std::optional<std::string> sku = KnownString(resource.Get("sku"));
  if (!sku.has_value() || *sku != "Premium") return;
  const std::string label = ResourceLabel(resource);
  CheckFlag(resource.attributes, "", label, sink);
  const engine::Value* replications = resource.Get("georeplications");
  if (replications == nullptr || !replications->is_list()) return;
  const engine::ValueList& blocks = replications->as_list();
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].is_map()) continue;
    std::optional<std::string> location = KnownString(blocks[i].Get("location"));
    CheckFlag(blocks[i], "georeplications[" + std::to_string(i) + "]",
              label + " geo-replication" + (location ? " to " + *location : ""), sink);
  }
}

}  // namespace faultline::rules
