// ResourceGraph: the resources of one scan and the typed edges between them.
//
// Built once per scan (Add / AddEdge, then Finalize), read-only afterwards: every const member is
// safe to call from many threads, which is how rules run in parallel without locks.
// Edge kinds: kReferences (an attribute expression refers to another node), kSelects (a selector
// matches a workload), kTargets (HPA/scaleTargetRef and similar), kBinds (role bindings),
// kInstanceOf (a state instance to its config), kContains (a module call to what it declares).
#ifndef FAULTLINE_ENGINE_RESOURCE_GRAPH_H_
#define FAULTLINE_ENGINE_RESOURCE_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/resource.h"

namespace faultline::engine {

enum class EdgeKind : uint8_t { kReferences, kSelects, kTargets, kBinds, kInstanceOf, kContains };
std::string_view EdgeKindName(EdgeKind kind);

struct Edge {
  ResourceId from = 0;
  ResourceId to = 0;
  EdgeKind kind = EdgeKind::kReferences;
  std::string attribute_path;  // where in `from` the reference is written ("" when not known)
};

// Some of a graph's edges, in a given order, read through an array of their indexes (so that the
// graph stores each edge once): what ResourceGraph::InEdges returns. Valid while the graph lives.
class IndexedEdges {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Edge;
    using difference_type = std::ptrdiff_t;
    using pointer = const Edge*;
    using reference = const Edge&;
    iterator() = default;
    iterator(const Edge* edges, const uint32_t* at) : edges_(edges), at_(at) {}
    const Edge& operator*() const { return edges_[*at_]; }
    const Edge* operator->() const { return &edges_[*at_]; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++at_;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

   private:
    const Edge* edges_ = nullptr;
    const uint32_t* at_ = nullptr;
  };

  IndexedEdges() = default;
  IndexedEdges(const Edge* edges, std::span<const uint32_t> indexes)
      : edges_(edges), indexes_(indexes) {}
  iterator begin() const { return iterator(edges_, indexes_.data()); }
  iterator end() const { return iterator(edges_, indexes_.data() + indexes_.size()); }
  size_t size() const { return indexes_.size(); }
  bool empty() const { return indexes_.empty(); }
  const Edge& operator[](size_t i) const { return edges_[indexes_[i]]; }

 private:
  const Edge* edges_ = nullptr;
  std::span<const uint32_t> indexes_;
};

class ResourceGraph {
 public:
  // Adds a resource, assigns and returns its id. Not thread-safe; call before Finalize.
  ResourceId Add(Resource resource);
  // Makes room for `count` resources in all (avoids regrowing the store while adding).
  void Reserve(size_t count) { resources_.reserve(count); }
  // Adds an edge between two existing ids. Duplicates are removed by Finalize.
  void AddEdge(Edge edge);
  // Sorts edges and builds the indexes, on up to `jobs` threads. Call once, after the last
  // Add/AddEdge.
  void Finalize(int jobs = 1);

  size_t size() const { return resources_.size(); }
  const Resource& resource(ResourceId id) const { return resources_[id]; }
  const std::vector<Resource>& resources() const { return resources_; }
  const std::vector<Edge>& edges() const { return edges_; }

  // Resources of a type (e.g. "aws_subnet"), in id order.
  std::span<const ResourceId> OfType(std::string_view type) const;
  // Resources of a type in one module directory (Resource::module_dir), in id order: what a
  // rule comparing a resource with its module's other resources walks, without visiting every
  // other root's.
  std::span<const ResourceId> OfTypeIn(std::string_view module_dir, std::string_view type) const;
  // The resource with this address in this module directory; nullptr when none.
  const Resource* Find(std::string_view module_dir, std::string_view address) const;
  // Edges leaving / entering a resource, sorted by (kind, other end, attribute path).
  std::span<const Edge> OutEdges(ResourceId id) const;
  IndexedEdges InEdges(ResourceId id) const;
  // Resources `id` points to with an edge of `kind`, optionally only of `type`.
  std::vector<const Resource*> Targets(ResourceId id, EdgeKind kind,
                                       std::string_view type = {}) const;

 private:
  void FinalizeEdges();    // edges_, in_order_ and their offsets
  void FinalizeLookups();  // by_type_, by_type_and_dir_, by_address_
  // The slot of by_address_ holding (module_dir, address), or the empty slot where it would go.
  size_t FindAddressSlot(uint64_t hash, std::string_view module_dir,
                         std::string_view address) const;

  std::vector<Resource> resources_;
  std::vector<Edge> edges_;  // sorted by (from, kind, to, attribute_path) after Finalize
  // Indexes into edges_, sorted by (to, kind, from, attribute_path): the in-edges.
  std::vector<uint32_t> in_order_;
  std::vector<uint32_t> out_begin_, in_begin_;  // CSR offsets, size()+1 entries
  std::unordered_map<std::string, std::vector<ResourceId>> by_type_;
  // Per type, the same ids sorted by (module_dir, id): OfTypeIn's equal range.
  std::unordered_map<std::string, std::vector<ResourceId>> by_type_and_dir_;
  // Find's table: open addressing by a hash of (module_dir, address), linear probing; a slot
  // holds the hash and the resource id (kNoResource when empty), so no key is copied. The first
  // resource added with an address is the one found.
  static constexpr ResourceId kNoResource = ~ResourceId{0};
  struct AddressEntry {
    uint64_t hash = 0;
    ResourceId id = kNoResource;
  };
  std::vector<AddressEntry> by_address_;  // size a power of two, at most half full
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_RESOURCE_GRAPH_H_
