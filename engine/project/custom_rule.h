// CustomRule: an engine::Rule that runs a declarative CustomRuleSpec (custom_rule_spec.h).
//
// Evaluation is three-valued: each test is true, false or unknown, `all`/`any` are Kleene
// and/or, `not` keeps unknown unknown, and a resource is reported only when its condition is
// true. A test of an attribute whose value is Unknown (or whose path crosses an Unknown) is
// unknown; comparisons on an absent or null attribute are false. Paths step through lists of
// blocks implicitly (`versioning.enabled` tests every `versioning` block) and `[*]` tests every
// element; a test is true when it holds for some element. The finding points at the attribute
// that made the condition true (the first such attribute, in condition order) when there is one,
// else at the resource's header. Thread-safe: Check reads only the graph and the spec.
#ifndef FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_H_
#define FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_H_

#include <memory>
#include <vector>

#include "engine/project/custom_rule_spec.h"
#include "engine/rule.h"

namespace faultline::engine::project {

enum class Truth : uint8_t { kFalse, kTrue, kUnknown };

class CustomRule : public Rule {
 public:
  explicit CustomRule(CustomRuleSpec spec) : spec_(std::move(spec)) {}

  const RuleMetadata& metadata() const override { return spec_.metadata; }
  void Check(const RuleContext& context, FindingSink& sink) const override;

  // Where the rule is defined (its `id:` entry).
  const ConfigLocation& where() const { return spec_.where; }

  // The truth of the rule's condition for `resource` (exposed for tests).
  Truth Evaluate(const ResourceGraph& graph, const Resource& resource) const;

 private:
  CustomRuleSpec spec_;
};

// One CustomRule per spec, in order.
RuleList MakeCustomRules(std::vector<CustomRuleSpec> specs);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_H_
