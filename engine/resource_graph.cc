#include "engine/resource_graph.h"

#include <algorithm>
#include <cstdint>

#include "engine/parallel.h"

namespace faultline::engine {

std::string_view OriginName(Origin origin) {
  switch (origin) {
    case Origin::kConfig:
      return "config";
    case Origin::kState:
      return "state";
    case Origin::kLive:
      return "live";
  }
  return "config";
}

std::string_view ResourceKindName(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kManaged:
      return "resource";
    case ResourceKind::kData:
      return "data";
    case ResourceKind::kModule:
      return "module";
    case ResourceKind::kVariable:
      return "variable";
    case ResourceKind::kLocal:
      return "local";
    case ResourceKind::kOutput:
      return "output";
    case ResourceKind::kProvider:
      return "provider";
    case ResourceKind::kTerraform:
      return "terraform";
    case ResourceKind::kObject:
      return "object";
  }
  return "resource";
}

std::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kReferences:
      return "references";
    case EdgeKind::kSelects:
      return "selects";
    case EdgeKind::kTargets:
      return "targets";
    case EdgeKind::kBinds:
      return "binds";
    case EdgeKind::kInstanceOf:
      return "instance_of";
    case EdgeKind::kContains:
      return "contains";
  }
  return "references";
}

ResourceId ResourceGraph::Add(Resource resource) {
  ResourceId id = static_cast<ResourceId>(resources_.size());
  resource.id = id;
  resources_.push_back(std::move(resource));
  return id;
}

void ResourceGraph::AddEdge(Edge edge) { edges_.push_back(std::move(edge)); }

namespace {

// An edge's sort key without its attribute path: (first end, kind) and the second end as
// integers, so that nearly every comparison is integer compares (the path breaks ties).
struct EdgeKey {
  uint64_t first_and_kind;
  uint32_t second;
  size_t index;  // into the edge vector
};

// Edge order by (first(e), kind, second(e), attribute_path), as indexes into `edges`.
template <typename First, typename Second>
std::vector<size_t> SortedEdgeOrder(const std::vector<Edge>& edges, First first, Second second) {
  std::vector<EdgeKey> keys(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    keys[i] = EdgeKey{(static_cast<uint64_t>(first(e)) << 8) | static_cast<uint64_t>(e.kind),
                      second(e), i};
  }
  std::sort(keys.begin(), keys.end(), [&](const EdgeKey& a, const EdgeKey& b) {
    if (a.first_and_kind != b.first_and_kind) return a.first_and_kind < b.first_and_kind;
    if (a.second != b.second) return a.second < b.second;
    const std::string& pa = edges[a.index].attribute_path;
    const std::string& pb = edges[b.index].attribute_path;
    if (pa != pb) return pa < pb;
    return a.index < b.index;
  });
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].index;
  return order;
}

}  // namespace

void ResourceGraph::Finalize(int jobs) {
  // The edge indexes and the lookup tables are independent: built side by side.
  ParallelFor(2, jobs, [&](size_t part) {
    if (part == 0) {
      FinalizeEdges();
    } else {
      FinalizeLookups();
    }
  });
}

void ResourceGraph::FinalizeEdges() {
  auto from = [](const Edge& e) { return e.from; };
  auto to = [](const Edge& e) { return e.to; };
  std::vector<size_t> order = SortedEdgeOrder(edges_, from, to);
  std::vector<Edge> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) {
    Edge& e = edges_[i];
    if (!sorted.empty()) {
      const Edge& last = sorted.back();
      if (last.from == e.from && last.kind == e.kind && last.to == e.to &&
          last.attribute_path == e.attribute_path) {
        continue;  // a duplicate
      }
    }
    sorted.push_back(std::move(e));
  }
  edges_ = std::move(sorted);
  in_edges_.clear();
  in_edges_.reserve(edges_.size());
  for (size_t i : SortedEdgeOrder(edges_, to, from)) in_edges_.push_back(edges_[i]);

  out_begin_.assign(resources_.size() + 1, 0);
  in_begin_.assign(resources_.size() + 1, 0);
  for (const Edge& e : edges_) ++out_begin_[e.from + 1];
  for (const Edge& e : in_edges_) ++in_begin_[e.to + 1];
  for (size_t i = 1; i < out_begin_.size(); ++i) {
    out_begin_[i] += out_begin_[i - 1];
    in_begin_[i] += in_begin_[i - 1];
  }
}

void ResourceGraph::FinalizeLookups() {
  by_type_.clear();
  by_address_.clear();
  by_address_.reserve(resources_.size());
  std::string key;
  for (const Resource& r : resources_) {
    if (!r.type.empty()) by_type_[r.type].push_back(r.id);
    key.assign(r.module_dir);
    key.push_back('\0');
    key += r.address;
    by_address_.emplace(key, r.id);
  }
  by_type_and_dir_.clear();
  for (const auto& [type, ids] : by_type_) {
    std::vector<ResourceId> sorted = ids;
    std::stable_sort(sorted.begin(), sorted.end(), [&](ResourceId a, ResourceId b) {
      return resources_[a].module_dir < resources_[b].module_dir;
    });
    by_type_and_dir_.emplace(type, std::move(sorted));
  }
}

std::span<const ResourceId> ResourceGraph::OfType(std::string_view type) const {
  auto it = by_type_.find(std::string(type));
  if (it == by_type_.end()) return {};
  return it->second;
}

std::span<const ResourceId> ResourceGraph::OfTypeIn(std::string_view module_dir,
                                                    std::string_view type) const {
  auto it = by_type_and_dir_.find(std::string(type));
  if (it == by_type_and_dir_.end()) return {};
  const std::vector<ResourceId>& ids = it->second;
  auto begin = std::lower_bound(ids.begin(), ids.end(), module_dir,
                                [&](ResourceId id, std::string_view dir) {
                                  return std::string_view(resources_[id].module_dir) < dir;
                                });
  auto end =
      std::upper_bound(begin, ids.end(), module_dir, [&](std::string_view dir, ResourceId id) {
        return dir < std::string_view(resources_[id].module_dir);
      });
  return {ids.data() + (begin - ids.begin()), static_cast<size_t>(end - begin)};
}

const Resource* ResourceGraph::Find(std::string_view module_dir, std::string_view address) const {
  std::string key(module_dir);
  key.push_back('\0');
  key += address;
  auto it = by_address_.find(key);
  return it == by_address_.end() ? nullptr : &resources_[it->second];
}

std::span<const Edge> ResourceGraph::OutEdges(ResourceId id) const {
  if (id + 1 >= out_begin_.size()) return {};
  return std::span<const Edge>(edges_.data() + out_begin_[id], out_begin_[id + 1] - out_begin_[id]);
}

std::span<const Edge> ResourceGraph::InEdges(ResourceId id) const {
  if (id + 1 >= in_begin_.size()) return {};
  return std::span<const Edge>(in_edges_.data() + in_begin_[id], in_begin_[id + 1] - in_begin_[id]);
}

std::vector<const Resource*> ResourceGraph::Targets(ResourceId id, EdgeKind kind,
                                                    std::string_view type) const {
  std::vector<const Resource*> out;
  for (const Edge& e : OutEdges(id)) {
    if (e.kind != kind) continue;
    const Resource& target = resources_[e.to];
    if (!type.empty() && target.type != type) continue;
    if (!out.empty() && out.back() == &target) continue;
    out.push_back(&target);
  }
  return out;
}

}  // namespace faultline::engine
