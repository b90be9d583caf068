#include "rules/azr/redis_basic_tier/redis_basic_tier.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0003";
  m.name = "azr-redis-basic-tier";
  m.severity = engine::Severity::kMedium;
  m.title = "Azure Cache for Redis on the Basic tier";
  m.summary =
      "An Azure Cache for Redis instance uses the Basic SKU, a single node without "
      "replication or SLA.";
  m.why =
      "A Basic cache is one VM: patching, a host failure or a zone outage flushes the "
      "data and makes the cache unavailable, and the application then sends every "
      "request to its backing store at once.";
  m.remediation =
      "Use `sku_name = \"Standard\"` (primary and replica with automatic failover) or "
      "`\"Premium\"` (which can also spread across zones with `zones`).";
  m.example_fix =
      "resource \"azurerm_redis_cache\" \"cache\" {\n"
      "  name     = \"cache\"\n"
      "  capacity = 1\n"
      "  family   = \"C\"\n"
      "  sku_name = \"Standard\"\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-high-availability",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache",
  };
  m.peers = {
      {"checkov", "CKV_AZURE_230"},
      {"custodian", "ecc-azure-486-cis_basic_redis"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_redis_cache"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrRedisBasicTierRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrRedisBasicTierRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* sku = resource.Get("sku_name");
  std::optional<std::string> name = KnownString(sku);
  if (name.has_value() && *name == "Basic") {
    sink.Report("sku_name", sku,
                ResourceLabel(resource) + " uses the Basic SKU: one node, no replica, no SLA");
  }
}

}  // namespace faultline::rules
