// RunRules: runs rules over every resource of a finalized graph, in parallel.
//
// Each (rule, resource) pair whose scope matches is checked exactly once. Work is split into
// fixed chunks of resources and the per-chunk findings are concatenated in chunk order, so the
// result (before sorting) is the same for any number of jobs.
#ifndef FAULTLINE_ENGINE_RULE_RUNNER_H_
#define FAULTLINE_ENGINE_RULE_RUNNER_H_

#include <vector>

#include "engine/finding.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"

namespace faultline::engine {

// `options` holds the configured option values by rule id (may be empty: defaults apply).
std::vector<Finding> RunRules(const ResourceGraph& graph, const std::vector<const Rule*>& rules,
                              int jobs, const RuleOptionsByRule& options = {});

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_RULE_RUNNER_H_
