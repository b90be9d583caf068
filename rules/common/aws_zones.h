// Availability Zones of AWS resources, resolved through the resource graph.
//
// Several resilience rules ask the same question: over how many Availability Zones does this
// group, load balancer or database spread? The answer comes from a list of zone names
// (`availability_zones = ["eu-west-1a"]`) or from a list of subnet IDs whose elements are
// references to `aws_subnet` / `aws_default_subnet` resources or `aws_subnet` data sources
// (`[aws_subnet.a.id, aws_subnet.b.id]`, `aws_subnet.private[*].id`, `values(aws_subnet.x)[*].id`,
// through local modules too); a subnet's zone is its `availability_zone`, else its
// `availability_zone_id`.
//
// Every function answers only when everything resolves: one Unknown element, a literal subnet ID
// ("subnet-0abc"), a subnet whose zone is computed (`data.aws_availability_zones...names[0]`) or
// a mix of zone names and zone IDs (which cannot be compared) yields nullopt, so that rules stay
// silent on what they cannot see. All functions are thread-safe (they only read the graph).
#ifndef FAULTLINE_RULES_COMMON_AWS_ZONES_H_
#define FAULTLINE_RULES_COMMON_AWS_ZONES_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "engine/value.h"

namespace faultline::rules {

// The resource a reference in `holder`'s attributes points to: `value` is the Unknown that
// `aws_subnet.a.id` evaluates to, whose address names the instance. nullptr when `value` is not
// such a reference, or when the resource is not in the graph or (when `types` is non-empty) not
// of one of `types`.
const engine::Resource* ReferencedResource(const engine::ResourceGraph& graph,
                                           const engine::Resource& holder,
                                           const engine::Value& value,
                                           const std::vector<std::string_view>& types = {});

// The zone of one subnet element: "name:eu-west-1a" or "id:euw1-az1"; nullopt when unknown.
std::optional<std::string> SubnetZone(const engine::ResourceGraph& graph,
                                      const engine::Resource& holder,
                                      const engine::Value& subnet_id);

// The distinct zones of a list of subnet IDs (see the file comment); nullopt unless every
// element resolves and the list is non-empty. Zones are returned without their "name:"/"id:"
// prefix.
std::optional<std::set<std::string>> SubnetZones(const engine::ResourceGraph& graph,
                                                 const engine::Resource& holder,
                                                 const engine::Value* subnet_ids);

// The same for a list of values each naming a subnet (e.g. the `subnet_id` of every
// `subnet_mapping` block).
std::optional<std::set<std::string>> SubnetZonesOf(const engine::ResourceGraph& graph,
                                                   const engine::Resource& holder,
                                                   const std::vector<const engine::Value*>& ids);

// The distinct strings of a wholly known, non-empty list of strings (zone names); nullopt
// otherwise.
std::optional<std::set<std::string>> KnownStringSet(const engine::Value* list);

// "us-east-1a", "us-east-1a and us-east-1b", "us-east-1a, us-east-1b and us-east-1c".
std::string JoinZones(const std::set<std::string>& zones);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_AWS_ZONES_H_
