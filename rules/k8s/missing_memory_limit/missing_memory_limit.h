// MissingMemoryLimitRule (FL-K8S-0011, k8s-missing-memory-limit).
//
// A container sets no memory limit.
//
// CPU limits are deliberately not required: a CPU limit throttles the container even when the node
// is idle, while a missing memory limit lets one container exhaust the node's memory. Checked in
// the containers and init containers of every pod template.
#ifndef FAULTLINE_RULES_K8S_MISSING_MEMORY_LIMIT_MISSING_MEMORY_LIMIT_H_
#define FAULTLINE_RULES_K8S_MISSING_MEMORY_LIMIT_MISSING_MEMORY_LIMIT_H_

#include "engine/rule.h"

namespace faultline::rules {

class MissingMemoryLimitRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_MISSING_MEMORY_LIMIT_MISSING_MEMORY_LIMIT_H_
