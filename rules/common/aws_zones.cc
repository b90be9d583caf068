#include "rules/common/aws_zones.h"

#include <algorithm>

#include "rules/common/known_values.h"

namespace faultline::rules {

const engine::Resource* ReferencedResource(const engine::ResourceGraph& graph,
                                           const engine::Resource& holder,
                                           const engine::Value& value,
                                           const std::vector<std::string_view>& types) {
  if (!value.is_unknown()) return nullptr;
  const std::string& address = value.unknown().address;
  if (address.empty()) return nullptr;
  const engine::Resource* target = graph.Find(holder.module_dir, address);
  if (target == nullptr) return nullptr;
  if (!types.empty() && std::find(types.begin(), types.end(), target->type) == types.end()) {
    return nullptr;
  }
  return target;
}

std::optional<std::string> SubnetZone(const engine::ResourceGraph& graph,
                                      const engine::Resource& holder,
                                      const engine::Value& subnet_id) {
  const engine::Resource* subnet = nullptr;
  if (subnet_id.is_unknown()) {
    subnet = ReferencedResource(graph, holder, subnet_id, {"aws_subnet", "aws_default_subnet"});
    // A reference to an attribute other than the subnet's identity (e.g. its vpc_id) is no
    // subnet.
    const std::string& attribute = subnet_id.unknown().attribute;
    if (attribute != "id" && attribute != "arn") return std::nullopt;
  } else if (std::optional<std::string> literal = KnownString(&subnet_id)) {
    // A known ID that came from a reference (a data source looked up by `id`): the subnet is
    // one the holder refers to.
    for (const engine::Edge& edge : graph.OutEdges(holder.id)) {
      if (edge.kind != engine::EdgeKind::kReferences) continue;
      const engine::Resource& target = graph.resource(edge.to);
      if (target.type != "aws_subnet" && target.type != "aws_default_subnet") continue;
      std::optional<std::string> id = KnownString(target.Get("id"));
      if (id.has_value() && *id == *literal) {
        subnet = &target;
        break;
      }
    }
  }
  if (subnet == nullptr) return std::nullopt;
  if (std::optional<std::string> name = KnownString(subnet->Get("availability_zone"));
      name.has_value() && !name->empty()) {
    return "name:" + *name;
  }
  if (IsSet(subnet->Get("availability_zone"))) return std::nullopt;  // Unknown name
  if (std::optional<std::string> id = KnownString(subnet->Get("availability_zone_id"));
      id.has_value() && !id->empty()) {
    return "id:" + *id;
  }
  return std::nullopt;  // AWS picks the zone at creation
}

std::optional<std::set<std::string>> SubnetZonesOf(const engine::ResourceGraph& graph,
                                                   const engine::Resource& holder,
                                                   const std::vector<const engine::Value*>& ids) {
  if (ids.empty()) return std::nullopt;
  std::set<std::string> prefixed;
  for (const engine::Value* id : ids) {
    if (id == nullptr) return std::nullopt;
    std::optional<std::string> zone = SubnetZone(graph, holder, *id);
    if (!zone.has_value()) return std::nullopt;
    prefixed.insert(*zone);
  }
  // Zone names and zone IDs map to each other per account: they cannot be compared.
  bool names = false, zone_ids = false;
  std::set<std::string> zones;
  for (const std::string& zone : prefixed) {
    if (zone.starts_with("name:")) {
      names = true;
      zones.insert(zone.substr(5));
    } else {
      zone_ids = true;
      zones.insert(zone.substr(3));
    }
  }
  if (names && zone_ids) return std::nullopt;
  return zones;
}

std::optional<std::set<std::string>> SubnetZones(const engine::ResourceGraph& graph,
                                                 const engine::Resource& holder,
                                                 const engine::Value* subnet_ids) {
  if (subnet_ids == nullptr || !subnet_ids->is_list()) return std::nullopt;
  std::vector<const engine::Value*> ids;
  for (const engine::Value& element : subnet_ids->as_list()) ids.push_back(&element);
  return SubnetZonesOf(graph, holder, ids);
}

std::optional<std::set<std::string>> KnownStringSet(const engine::Value* list) {
  if (list == nullptr || !list->is_list() || list->as_list().empty()) return std::nullopt;
  std::set<std::string> out;
  for (const engine::Value& element : list->as_list()) {
    std::optional<std::string> text = KnownString(&element);
    if (!text.has_value() || text->empty()) return std::nullopt;
    out.insert(*text);
  }
  return out;
}

std::string JoinZones(const std::set<std::string>& zones) {
  std::string out;
  size_t i = 0;
  for (const std::string& zone : zones) {
    if (i > 0) out += (i + 1 == zones.size()) ? " and " : ", ";
    out += zone;
    ++i;
  }
  return out;
}

}  // namespace faultline::rules
