#include "engine/resource_graph.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>

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
  uint32_t index;  // into the edge vector
};

// Edge order by (first(e), kind, second(e), attribute_path, index), as keys in `keys` (whose
// storage is reused between calls).
template <typename First, typename Second>
void SortEdgeKeys(const std::vector<Edge>& edges, First first, Second second,
                  std::vector<EdgeKey>* keys) {
  keys->resize(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    (*keys)[i] = EdgeKey{(static_cast<uint64_t>(first(e)) << 8) | static_cast<uint64_t>(e.kind),
                         second(e), static_cast<uint32_t>(i)};
  }
  std::sort(keys->begin(), keys->end(), [&](const EdgeKey& a, const EdgeKey& b) {
    if (a.first_and_kind != b.first_and_kind) return a.first_and_kind < b.first_and_kind;
    if (a.second != b.second) return a.second < b.second;
    const std::string& pa = edges[a.index].attribute_path;
    const std::string& pb = edges[b.index].attribute_path;
    if (pa != pb) return pa < pb;
    return a.index < b.index;
  });
}

// Reorders `edges` in place so that position j holds the edge that was at keys[j].index: each
// edge moves once, along the permutation's cycles, and no second vector of edges is allocated.
// Clobbers the keys' indexes.
void ApplyOrder(std::vector<Edge>* edges, std::vector<EdgeKey>* keys) {
  std::vector<EdgeKey>& order = *keys;
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i].index == i) continue;  // in place, or placed by an earlier cycle
    Edge held = std::move((*edges)[i]);
    size_t j = i;
    while (true) {
      size_t from = order[j].index;
      order[j].index = static_cast<uint32_t>(j);
      if (from == i) {
        (*edges)[j] = std::move(held);
        break;
      }
      (*edges)[j] = std::move((*edges)[from]);
      j = from;
    }
  }
}

// Find's key hash, from the hash of the module directory (computed once per run of resources
// in one directory) and the address.
uint64_t AddressHash(size_t dir_hash, std::string_view address) {
  return (uint64_t{dir_hash} * 1000003u) ^ std::hash<std::string_view>{}(address);
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
  std::vector<EdgeKey> keys;
  SortEdgeKeys(edges_, from, to, &keys);
  ApplyOrder(&edges_, &keys);
  // Drop duplicates (the first of equal edges stays).
  size_t kept = 0;
  for (size_t i = 0; i < edges_.size(); ++i) {
    if (kept > 0) {
      const Edge& last = edges_[kept - 1];
      const Edge& e = edges_[i];
      if (last.from == e.from && last.kind == e.kind && last.to == e.to &&
          last.attribute_path == e.attribute_path) {
        continue;
      }
    }
    if (kept != i) edges_[kept] = std::move(edges_[i]);
    ++kept;
  }
  edges_.erase(edges_.begin() + static_cast<ptrdiff_t>(kept), edges_.end());

  SortEdgeKeys(edges_, to, from, &keys);
  in_order_.resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) in_order_[i] = keys[i].index;

  out_begin_.assign(resources_.size() + 1, 0);
  in_begin_.assign(resources_.size() + 1, 0);
  for (const Edge& e : edges_) {
    ++out_begin_[e.from + 1];
    ++in_begin_[e.to + 1];
  }
  for (size_t i = 1; i < out_begin_.size(); ++i) {
    out_begin_[i] += out_begin_[i - 1];
    in_begin_[i] += in_begin_[i - 1];
  }
}

size_t ResourceGraph::FindAddressSlot(uint64_t hash, std::string_view module_dir,
                                      std::string_view address) const {
  size_t mask = by_address_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const AddressEntry& entry = by_address_[slot];
    if (entry.id == kNoResource) return slot;
    if (entry.hash == hash) {
      const Resource& r = resources_[entry.id];
      if (r.address == address && r.module_dir == module_dir) return slot;
    }
  }
}

void ResourceGraph::FinalizeLookups() {
  by_type_.clear();
  size_t capacity = 16;
  while (capacity < 2 * resources_.size()) capacity *= 2;
  by_address_.assign(capacity, AddressEntry{});
  // Resources of one module directory are usually consecutive: hash and rank each directory
  // once per run of it.
  std::vector<uint32_t> dir_rank(resources_.size());
  std::vector<std::string_view> dirs;  // distinct directories, ranked below
  std::unordered_map<std::string_view, uint32_t> dir_index;
  std::string_view last_dir;
  uint32_t last_index = 0;
  size_t last_dir_hash = 0;
  std::hash<std::string_view> hash;
  for (const Resource& r : resources_) {
    if (!r.type.empty()) by_type_[r.type].push_back(r.id);
    if (r.id == 0 || std::string_view(r.module_dir) != last_dir) {
      last_dir = r.module_dir;
      last_dir_hash = hash(last_dir);
      auto [it, inserted] = dir_index.try_emplace(last_dir, static_cast<uint32_t>(dirs.size()));
      if (inserted) dirs.push_back(last_dir);
      last_index = it->second;
    }
    dir_rank[r.id] = last_index;
    uint64_t h = AddressHash(last_dir_hash, r.address);
    size_t slot = FindAddressSlot(h, r.module_dir, r.address);
    if (by_address_[slot].id == kNoResource) by_address_[slot] = AddressEntry{h, r.id};
  }
  // Directory indexes -> ranks in directory order.
  std::vector<uint32_t> order(dirs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return dirs[a] < dirs[b]; });
  std::vector<uint32_t> rank_of(dirs.size());
  for (uint32_t k = 0; k < order.size(); ++k) rank_of[order[k]] = k;
  for (uint32_t& r : dir_rank) r = rank_of[r];

  by_type_and_dir_.clear();
  for (const auto& [type, ids] : by_type_) {
    std::vector<ResourceId> sorted = ids;
    // ids ascend, so a stable sort by directory is a sort by (directory, id).
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](ResourceId a, ResourceId b) { return dir_rank[a] < dir_rank[b]; });
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
  if (by_address_.empty()) return nullptr;
  const AddressEntry& entry = by_address_[FindAddressSlot(
      AddressHash(std::hash<std::string_view>{}(module_dir), address), module_dir, address)];
  return entry.id == kNoResource ? nullptr : &resources_[entry.id];
}

std::span<const Edge> ResourceGraph::OutEdges(ResourceId id) const {
  if (id + 1 >= out_begin_.size()) return {};
  return std::span<const Edge>(edges_.data() + out_begin_[id], out_begin_[id + 1] - out_begin_[id]);
}

IndexedEdges ResourceGraph::InEdges(ResourceId id) const {
  if (id + 1 >= in_begin_.size()) return {};
  return IndexedEdges(edges_.data(), std::span<const uint32_t>(in_order_.data() + in_begin_[id],
                                                               in_begin_[id + 1] - in_begin_[id]));
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
