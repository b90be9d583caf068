#include "rules/azr/aks_node_pool_zones/aks_node_pool_zones.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

// The number of zones a `zones` value lists; nullopt when it, or an element, is Unknown.
std::optional<size_t> ZoneCount(const engine::Value* zones) {
  if (zones == nullptr || zones->is_null()) return 0;
  if (!zones->is_list()) return std::nullopt;
  if (!zones->IsWhollyKnown()) return std::nullopt;
  return zones->as_list().size();
}

void CheckPool(const engine::Value& pool, const std::string& path, const std::string& subject,
               engine::FindingSink& sink) {
  const engine::Value* zones = pool.Get("zones");
  std::string key = "zones";
  if (zones == nullptr || zones->is_null()) {
    zones = pool.Get("availability_zones");
    key = "availability_zones";
  }
  std::optional<size_t> count = ZoneCount(zones);
  if (!count.has_value() || *count >= 2) return;
  if (*count == 0) {
    sink.Report(path, &pool, subject + " lists no zones: its nodes may all sit in one zone");
  } else {
    sink.Report(path.empty() ? key : path + "." + key, zones,
                subject + " lists one zone: a zone outage removes all its nodes");
  }
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0005";
  m.name = "azr-aks-node-pool-zones";
  m.severity = engine::Severity::kMedium;
  m.title = "AKS node pool in one zone";
  m.summary =
      "An AKS node pool (the cluster's `default_node_pool` or an "
      "azurerm_kubernetes_cluster_node_pool) is not spread over availability zones "
      "(`zones` lists fewer than two).";
  m.why =
      "Nodes of a pool without zones can all land in one zone: a zone outage then "
      "removes every node of the pool, and the pods scheduled on it stop until capacity "
      "returns, whatever their replica count.";
  m.remediation =
      "Set `zones = [\"1\", \"2\", \"3\"]` on each node pool (zones can only be set when the "
      "pool is created: add a new zoned pool and drain the old one), and spread "
      "replicas with topology spread constraints.";
  m.example_fix =
      "resource \"azurerm_kubernetes_cluster\" \"main\" {\n"
      "  name       = \"main\"\n"
      "  dns_prefix = \"main\"\n"
      "  default_node_pool {\n"
      "    name       = \"system\"\n"
      "    vm_size    = \"Standard_D4s_v5\"\n"
      "    node_count = 3\n"
      "    zones      = [\"1\", \"2\", \"3\"]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/aks/availability-zones",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/"
      "kubernetes_cluster_node_pool",
  };
  m.peers = {};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrAksNodePoolZonesRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrAksNodePoolZonesRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  if (resource.type == "azurerm_kubernetes_cluster_node_pool") {
    CheckPool(resource.attributes, "", label, sink);
    return;
  }
  const engine::Value* pools = resource.Get("default_node_pool");
  if (pools == nullptr || !pools->is_list() || pools->as_list().empty()) return;
  if (!pools->as_list().front().is_map()) return;
  CheckPool(pools->as_list().front(), "default_node_pool[0]", label + " default_node_pool", sink);
}

}  // namespace faultline::rules
