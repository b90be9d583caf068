#include "rules/k8s/service_selector_no_match/service_selector_no_match.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/k8s/selectors.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0015";
  m.name = "k8s-service-selector-no-match";
  m.severity = engine::Severity::kHigh;
  m.title = "Service selects no pods";
  m.summary = "A Service's selector matches the pods of no workload in its namespace.";
  m.why =
      "A Service routes only to ready pods whose labels match its selector: when the selector "
      "matches no workload (a typo, a label renamed in one place), the Service has no "
      "endpoints and every request to it fails, while both objects apply cleanly. The rule "
      "only judges Services whose namespace has workloads in the scanned manifests.";
  m.remediation =
      "Make the Service's `spec.selector` equal to labels of the workload's pod template "
      "(`spec.template.metadata.labels`), not to the workload's own `metadata.labels`.";
  m.example_fix =
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata:\n"
      "  name: web\n"
      "spec:\n"
      "  selector:\n"
      "    app: web   # as in the Deployment's spec.template.metadata.labels\n"
      "  ports:\n"
      "    - port: 80\n"
      "      targetPort: 8080\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/services-networking/service/",
  };
  m.peers = {
      {"kube-score", "service-targets-pod"},
      {"kube-linter", "dangling-service"},
      {"kics", "3ca03a61-3249-4c16-8427-6f8e47dda729"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {"v1/Service"};
  return m;
}

// Answers whether the Service's namespace holds a workload, and whether an object the graph
// does not link (a DeploymentConfig, a Knative service) may carry the selected labels.
struct Namespace {
  bool has_workload = false;
  bool other_may_match = false;
};

Namespace Survey(const engine::RuleContext& context, const ek::LabelSelector& selector) {
  Namespace result;
  const engine::Resource& service = context.resource;
  const std::string_view namespace_name = ek::NamespaceOf(service);
  static const std::vector<std::string> kTypes = kube::PodTemplateTypes();
  for (const std::string& type : kTypes) {
    // The graph links the pods of built-in workloads only.
    const bool linked =
        !type.starts_with("serving.knative.dev/") && !type.ends_with("/DeploymentConfig") &&
        !(type.starts_with("v1/") && type != "v1/Pod" && type != "v1/ReplicationController");
    if (linked && result.has_workload) continue;
    for (engine::ResourceId id : context.graph.OfTypeIn(service.module_dir, type)) {
      const engine::Resource& other = context.graph.resource(id);
      if (other.origin != service.origin || other.module_dir != service.module_dir ||
          ek::NamespaceOf(other) != namespace_name) {
        continue;
      }
      result.has_workload = true;
      if (linked) break;  // the graph's edges answer for it
      std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(other);
      if (!pod.has_value()) continue;
      const engine::Value* labels =
          pod->metadata != nullptr && pod->metadata->is_map()       ? pod->metadata->Get("labels")
          : pod->metadata != nullptr && pod->metadata->is_unknown() ? pod->metadata
                                                                    : nullptr;
      if (selector.Matches(ek::Labels::FromValue(labels)) != ek::Match::kNo) {
        result.other_may_match = true;
        return result;
      }
    }
  }
  return result;
}

}  // namespace

const engine::RuleMetadata& ServiceSelectorNoMatchRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ServiceSelectorNoMatchRule::Check(const engine::RuleContext& context,
                                       engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* type = ek::Lookup(resource.attributes, {"spec", "type"});
  if (kube::IsPresent(type) && !type->is_string()) return;
  if (type != nullptr && type->is_string() && type->as_string() == "ExternalName") return;
  const engine::Value* selector_value = ek::Lookup(resource.attributes, {"spec", "selector"});
  if (selector_value == nullptr || !selector_value->is_map() || selector_value->size() == 0) {
    return;  // no selector (endpoints managed elsewhere), or Unknown
  }
  ek::LabelSelector selector =
      ek::LabelSelector::FromMap(selector_value, ek::SelectorAbsence::kNothing);
  if (selector.scope() != ek::LabelSelector::Scope::kRequirements) return;
  for (const engine::Edge& edge : context.graph.OutEdges(resource.id)) {
    if (edge.kind == engine::EdgeKind::kSelects) return;  // selects, or may select
  }
  Namespace survey = Survey(context, selector);
  if (!survey.has_workload || survey.other_may_match) return;
  sink.Report("spec.selector", selector_value,
              ek::ObjectLabel(resource) + " selects " + selector.ToString() +
                  ", which matches the pods of no workload in its namespace: it has no "
                  "endpoints");
}

}  // namespace faultline::rules
