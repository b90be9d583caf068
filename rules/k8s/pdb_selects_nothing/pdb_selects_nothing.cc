#include "rules/k8s/pdb_selects_nothing/pdb_selects_nothing.h"

#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/k8s/selectors.h"

namespace faultline::rules {

namespace {

namespace k8s = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0002";
  m.name = "k8s-pdb-selects-nothing";
  m.severity = engine::Severity::kMedium;
  m.title = "PodDisruptionBudget selects no pods";
  m.summary =
      "A PodDisruptionBudget's selector matches the pod template of no workload in its "
      "namespace, so it protects nothing.";
  m.why =
      "A budget that selects no pods (usually a label typo, an app label renamed in the "
      "workload but not in the budget, or a budget left behind when its workload moved) gives "
      "no protection: drains evict the pods it was written for without waiting. Worse, it hides "
      "the gap, because the workload looks covered in review. A policy/v1 budget without a "
      "selector, and a policy/v1beta1 budget with an empty one, select no pods either.";
  m.remediation =
      "Make the budget's selector match the labels of the workload's pod template "
      "(`spec.template.metadata.labels`), in the same namespace, or delete the budget. Budgets "
      "for pods that an operator creates from a custom resource in the same namespace are not "
      "reported, since their labels are not in the manifests.";
  m.example_fix =
      "apiVersion: policy/v1\n"
      "kind: PodDisruptionBudget\n"
      "metadata:\n"
      "  name: web\n"
      "  namespace: shop\n"
      "spec:\n"
      "  maxUnavailable: 1\n"
      "  selector:\n"
      "    matchLabels:\n"
      "      app: web   # the Deployment's spec.template.metadata.labels has app: web\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"
      "#specifying-a-poddisruptionbudget",
      "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/"
      "#label-selectors",
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {"policy/v1/PodDisruptionBudget", "policy/v1beta1/PodDisruptionBudget"};
  return m;
}

bool SelectsSomething(const engine::RuleContext& context) {
  for (const engine::Edge& edge : context.graph.OutEdges(context.resource.id)) {
    if (edge.kind == engine::EdgeKind::kSelects) return true;  // certain or uncertain
  }
  return false;
}

}  // namespace

const engine::RuleMetadata& PdbSelectsNothingRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PdbSelectsNothingRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = k8s::ObjectLabel(resource);
  const engine::Value* value = k8s::Lookup(resource.attributes, {"spec", "selector"});
  k8s::LabelSelector selector = k8s::SelectorOf(resource);
  switch (selector.scope()) {
    case k8s::LabelSelector::Scope::kUnknown:
      return;
    case k8s::LabelSelector::Scope::kNothing:
      if (value == nullptr || value->is_null()) {
        sink.Report(value == nullptr ? "" : "spec.selector", value,
                    label + " has no selector, so it selects no pods and protects nothing");
      } else {
        sink.Report("spec.selector", value,
                    label + " has an empty selector, which selects no pods in " +
                        "policy/v1beta1: it protects nothing");
      }
      return;
    case k8s::LabelSelector::Scope::kEverything:
    case k8s::LabelSelector::Scope::kRequirements:
      break;
  }
  if (SelectsSomething(context)) return;
  const std::string namespace_name =
      "namespace \"" + std::string(k8s::NamespaceOf(resource)) + "\"";
  if (selector.scope() == k8s::LabelSelector::Scope::kEverything) {
    sink.Report("spec.selector", value,
                label + " selects no pods: its empty selector covers " + namespace_name +
                    ", where no workload runs");
    return;
  }
  sink.Report("spec.selector", value,
              label + " selects no pods: no workload in " + namespace_name +
                  " has pod labels matching " + selector.ToString());
}

}  // namespace faultline::rules
