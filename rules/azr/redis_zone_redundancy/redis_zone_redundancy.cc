#include "rules/azr/redis_zone_redundancy/redis_zone_redundancy.h"

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

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AZR-0004";
  m.name = "azr-redis-zone-redundancy";
  m.severity = engine::Severity::kLow;
  m.title = "Premium Azure Cache for Redis in one zone";
  m.summary =
      "A Premium Azure Cache for Redis instance is not spread over availability zones "
      "(`zones` lists fewer than two zones).";
  m.why =
      "Without zones the primary and its replicas may share one zone: a zone outage "
      "makes the cache unavailable, and the load falls on the backing store.";
  m.remediation =
      "List at least two zones (`zones = [\"1\", \"2\"]`, three for the best resilience) so "
      "that the primary and replicas land in different zones.";
  m.example_fix =
      "resource \"azurerm_redis_cache\" \"cache\" {\n"
      "  name     = \"cache\"\n"
      "  capacity = 1\n"
      "  family   = \"P\"\n"
      "  sku_name = \"Premium\"\n"
      "  zones    = [\"1\", \"2\", \"3\"]\n"
      "}\n";
  m.references = {
      "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-zone-redundancy",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache",
  };
  m.peers = {};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"azurerm_redis_cache"};
  return m;
}

}  // namespace

const engine::RuleMetadata& AzrRedisZoneRedundancyRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AzrRedisZoneRedundancyRule::Check(const engine::RuleContext& context,
                                       engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  std::optional<std::string> sku = KnownString(resource.Get("sku_name"));
  if (!sku.has_value() || *sku != "Premium") return;
  const engine::Value* zones = resource.Get("zones");
  std::optional<size_t> count = ZoneCount(zones);
  if (!count.has_value() || *count >= 2) return;
  sink.Report(*count == 0 ? "" : "zones", *count == 0 ? nullptr : zones,
              ResourceLabel(resource) + (*count == 0 ? " lists no zones" : " lists one zone") +
                  ": the cache is not zone redundant");
}

}  // namespace faultline::rules
