// PdbSelectsNothingRule (FL-K8S-0002, k8s-pdb-selects-nothing).
//
// A PodDisruptionBudget's selector matches the pod template of no workload in its namespace, so
// it protects nothing.
//
// Also reported: a budget without a selector (policy/v1: a null selector selects no pods) and a
// policy/v1beta1 budget with an empty selector (which selects no pods there, unlike policy/v1
// where `{}` selects every pod of the namespace). Not reported: a selector that cannot be
// evaluated (Unknown, or rejected by the API server), and a budget that may select the pods of
// a custom resource an operator turns into pods (an uncertain selection, engine/k8s/graph.h).
#ifndef FAULTLINE_RULES_K8S_PDB_SELECTS_NOTHING_PDB_SELECTS_NOTHING_H_
#define FAULTLINE_RULES_K8S_PDB_SELECTS_NOTHING_PDB_SELECTS_NOTHING_H_

#include "engine/rule.h"

namespace faultline::rules {

class PdbSelectsNothingRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_PDB_SELECTS_NOTHING_PDB_SELECTS_NOTHING_H_
