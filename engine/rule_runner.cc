#include "engine/rule_runner.h"

#include "engine/parallel.h"

namespace faultline::engine {

std::vector<Finding> RunRules(const ResourceGraph& graph, const std::vector<const Rule*>& rules,
                              int jobs) {
  constexpr size_t kChunk = 512;
  size_t chunks = (graph.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<Finding>> per_chunk(chunks);
  ParallelFor(chunks, jobs, [&](size_t c) {
    size_t end = std::min(graph.size(), (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      const Resource& resource = graph.resource(static_cast<ResourceId>(i));
      for (const Rule* rule : rules) {
        const RuleMetadata& metadata = rule->metadata();
        if (!RuleApplies(metadata, resource)) continue;
        FindingSink sink(metadata, resource, &per_chunk[c]);
        rule->Check(RuleContext{graph, resource}, sink);
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
