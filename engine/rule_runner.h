// RunRules: runs rules over every resource of a finalized graph, in parallel.
//
// Each (rule, resource) pair whose scope matches is checked exactly once. Work is split into
// fixed chunks of resources and the per-chunk findings are concatenated in chunk order, so the
// result (before sorting) is the same for any number of jobs.
//
// Deferred attributes (Resource::deferred_attributes, large Terraform states): a resource's
// attributes are decoded just before the first of its rules runs, on a private copy of the
// resource that its rules see as RuleContext::resource, and released after its last rule, so
// memory follows the resources in flight, not the whole state. Resources that the rules of
// other resources may read through the graph (those with an edge, and those in a module
// directory that also holds resources whose attributes are not deferred, e.g. a state next to
// its configuration) are decoded in place in the graph before any rule runs, so a rule never
// sees a null map where the state has attributes. That one write happens before the parallel
// part: no other thread may read the graph while RunRules runs.
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
