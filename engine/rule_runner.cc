#include "engine/rule_runner.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/parallel.h"

namespace faultline::engine {

namespace {

// The deferred resources that rules of other resources may read through the graph: those with
// an edge (rules follow edges to their neighbours), and those whose module directory also holds
// resources with decoded attributes (rules look up resources of their own module by type).
std::vector<ResourceId> SharedDeferred(const ResourceGraph& graph) {
  std::vector<ResourceId> deferred;
  for (const Resource& r : graph.resources()) {
    if (r.attributes_deferred()) deferred.push_back(r.id);
  }
  if (deferred.empty()) return {};
  std::unordered_set<std::string_view> decoded_dirs;
  for (const Resource& r : graph.resources()) {
    if (!r.attributes_deferred()) decoded_dirs.insert(r.module_dir);
  }
  std::vector<ResourceId> shared;
  for (ResourceId id : deferred) {
    if (!graph.OutEdges(id).empty() || !graph.InEdges(id).empty() ||
        decoded_dirs.count(graph.resource(id).module_dir)) {
      shared.push_back(id);
    }
  }
  return shared;
}

}  // namespace

std::vector<Finding> RunRules(const ResourceGraph& graph, const std::vector<const Rule*>& rules,
                              int jobs, const RuleOptionsByRule& options) {
  {
    // Decoded in place, before any rule runs: each task writes one resource, nothing reads.
    // The graph's resources live in its vector's heap storage (never const objects), so the
    // write through const_cast is well defined.
    std::vector<ResourceId> shared = SharedDeferred(graph);
    ParallelFor(shared.size(), jobs, [&](size_t k) {
      auto& resource = const_cast<Resource&>(graph.resource(shared[k]));
      resource.attributes = resource.DecodedAttributes();
    });
  }
  constexpr size_t kChunk = 512;
  size_t chunks = (graph.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<Finding>> per_chunk(chunks);
  std::vector<RuleOptions> rule_options;
  for (const Rule* rule : rules) {
    auto it = options.find(rule->metadata().id);
    rule_options.emplace_back(&rule->metadata().options,
                              it == options.end() ? nullptr : &it->second);
  }
  // The rules that may apply to a resource type, in rule order: those scoped to the type
  // merged with those for every type. Spares testing each rule's scope on each resource.
  std::vector<size_t> any_type;
  std::unordered_map<std::string_view, std::vector<size_t>> by_type;
  for (size_t r = 0; r < rules.size(); ++r) {
    const RuleScope& scope = rules[r]->metadata().scope;
    if (scope.types.empty()) {
      any_type.push_back(r);
      continue;
    }
    for (const std::string& type : scope.types) {
      std::vector<size_t>& list = by_type[type];
      if (list.empty() || list.back() != r) list.push_back(r);
    }
  }
  std::unordered_map<std::string_view, std::vector<size_t>> candidates_by_type;
  for (const auto& [type, typed] : by_type) {
    std::vector<size_t> merged;
    merged.reserve(typed.size() + any_type.size());
    std::merge(typed.begin(), typed.end(), any_type.begin(), any_type.end(),
               std::back_inserter(merged));
    candidates_by_type.emplace(type, std::move(merged));
  }
  ParallelFor(chunks, jobs, [&](size_t c) {
    size_t end = std::min(graph.size(), (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      const Resource& stored = graph.resource(static_cast<ResourceId>(i));
      auto typed = candidates_by_type.find(stored.type);
      const std::vector<size_t>& candidates =
          typed == candidates_by_type.end() ? any_type : typed->second;
      // Deferred attributes, decoded for this resource's rules and released after them.
      std::optional<Resource> decoded;
      for (size_t r : candidates) {
        const RuleMetadata& metadata = rules[r]->metadata();
        if (!RuleApplies(metadata, stored)) continue;
        if (!decoded.has_value() && stored.attributes_deferred()) {
          decoded.emplace(stored);
          decoded->attributes = stored.DecodedAttributes();
        }
        const Resource& resource = decoded.has_value() ? *decoded : stored;
        FindingSink sink(metadata, resource, &per_chunk[c]);
        rules[r]->Check(RuleContext{graph, resource, rule_options[r]}, sink);
      }
    }
  });
  std::vector<Finding> all;
  for (auto& chunk : per_chunk) {
    for (Finding& f : chunk) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace faultline::engine
