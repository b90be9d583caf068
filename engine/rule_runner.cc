#include "engine/rule_runner.h"

#include "engine/parallel.h"

namespace faultline::engine {

std::vector<Finding> RunRules(const ResourceGraph& graph, const std::vector<const Rule*>& rules,
                              int jobs, const RuleOptionsByRule& options) {
  constexpr size_t kChunk = 512;
  size_t chunks = (graph.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<Finding>> per_chunk(chunks);
  std::vector<RuleOptions> rule_options;
  for (const Rule* rule : rules) {
    auto it = options.find(rule->metadata().id);
    rule_options.emplace_back(&rule->metadata().options,
                              it == options.end() ? nullptr : &it->second);
  }
  ParallelFor(chunks, jobs, [&](size_t c) {
    size_t end = std::min(graph.size(), (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      const Resource& resource = graph.resource(static_cast<ResourceId>(i));
      for (size_t r = 0; r < rules.size(); ++r) {
        const RuleMetadata& metadata = rules[r]->metadata();
        if (!RuleApplies(metadata, resource)) continue;
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
