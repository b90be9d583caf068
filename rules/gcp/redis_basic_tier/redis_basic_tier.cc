#include "rules/gcp/redis_basic_tier/redis_basic_tier.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-GCP-0003";
  m.name = "gcp-redis-basic-tier";
  m.severity = engine::Severity::kMedium;
  m.title = "Memorystore Redis instance on the Basic tier";
  m.summary =
      "A Memorystore for Redis instance uses the BASIC tier (`tier` is \"BASIC\" or not "
      "set, which defaults to BASIC), a single node without replication or failover.";
  m.why =
      "A Basic-tier instance is one node in one zone: a node failure, a zone outage or "
      "maintenance flushes the cache and makes it unavailable until a new node starts, "
      "and the application then hits its backing store with every request at once.";
  m.remediation =
      "Set `tier = \"STANDARD_HA\"` for a primary with a replica in another zone and "
      "automatic failover, and consider `replica_count` with `read_replicas_mode = "
      "\"READ_REPLICAS_ENABLED\"` for read scaling.";
  m.example_fix =
      "resource \"google_redis_instance\" \"cache\" {\n"
      "  name           = \"cache\"\n"
      "  tier           = \"STANDARD_HA\"\n"
      "  memory_size_gb = 5\n"
      "}\n";
  m.references = {
      "https://cloud.google.com/memorystore/docs/redis/redis-tiers",
      "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/"
      "redis_instance",
  };
  m.peers = {};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"google_redis_instance"};
  return m;
}

}  // namespace

const engine::RuleMetadata& GcpRedisBasicTierRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void GcpRedisBasicTierRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* tier = resource.Get("tier");
  if (!IsSet(tier)) {
    sink.Report("", nullptr,
                ResourceLabel(resource) +
                    " uses the BASIC tier (tier is not set): one node, "
                    "no replica, no failover");
    return;
  }
  std::optional<std::string> name = KnownString(tier);
  if (name.has_value() && *name == "BASIC") {
    sink.Report(
        "tier", tier,
        ResourceLabel(resource) + " uses the BASIC tier: one node, no replica, no failover");
  }
}

}  // namespace faultline::rules
