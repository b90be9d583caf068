#include "rules/k8s/missing_pdb/missing_pdb.h"

#include <cmath>
#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/k8s/selectors.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace k8s = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0001";
  m.name = "k8s-missing-pdb";
  m.severity = engine::Severity::kMedium;
  m.title = "Replicated workload has no PodDisruptionBudget";
  m.summary =
      "A Deployment, StatefulSet, ReplicaSet, ReplicationController or Argo Rollout runs two or "
      "more replicas, or leaves its replica count unset, and no PodDisruptionBudget selects its "
      "pods.";
  m.why =
      "Voluntary disruptions (node drains during cluster upgrades, cluster-autoscaler scale-downs, "
      "`kubectl drain`) evict pods through the eviction API, which only waits when a "
      "PodDisruptionBudget covers the pods. Without one, a drain can evict every replica at "
      "once, so a workload that runs several replicas for availability still goes down. The "
      "replica count is `spec.replicas` or, when a HorizontalPodAutoscaler targets the "
      "workload, its `maxReplicas`. A manifest that leaves `spec.replicas` unset hands the "
      "count to whoever scales the workload (an autoscaler defined elsewhere, `kubectl scale`; "
      "`kubectl apply` keeps the live value), so it is reported too unless the workload is a "
      "declared singleton (`faultline.dev/singleton: \"true\"`).";
  m.remediation =
      "Add a PodDisruptionBudget in the workload's namespace whose selector matches the labels "
      "of its pod template, with `maxUnavailable: 1` (or a `minAvailable` below the replica "
      "count, so that drains can still make progress). Workloads that state a single replica are "
      "not reported: a budget cannot keep one pod available during a drain.";
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
      "      app: web\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/",
      "https://kubernetes.io/docs/tasks/run-application/configure-pdb/",
  };
  m.peers = {
      {"kube-score", "deployment-has-poddisruptionbudget"},
      {"kube-score", "statefulset-has-poddisruptionbudget"},
      {"polaris", "missingPodDisruptionBudget"},
  };
  m.options = {
      {"min_replicas", engine::RuleOptionType::kInt, "2",
       "Workloads that state or scale up to at least this many replicas are reported."},
      {"report_unset_replicas", engine::RuleOptionType::kBool, "true",
       "Also report workloads that leave spec.replicas unset (scaled by something else)."},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "apps/v1/Deployment",       "apps/v1beta1/Deployment",
      "apps/v1beta2/Deployment",  "extensions/v1beta1/Deployment",
      "apps/v1/StatefulSet",      "apps/v1beta1/StatefulSet",
      "apps/v1beta2/StatefulSet", "apps/v1/ReplicaSet",
      "apps/v1beta2/ReplicaSet",  "extensions/v1beta1/ReplicaSet",
      "v1/ReplicationController", "argoproj.io/v1alpha1/Rollout",
  };
  return m;
}

// A replica count as Kubernetes reads it (a non-negative integer); nullopt when not known.
std::optional<double> ReplicaCount(const engine::Value* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  double count = value->as_number();
  if (!std::isfinite(count) || count < 0 || std::floor(count) != count) return std::nullopt;
  return count;
}

std::string Count(double count) { return engine::FormatNumber(count); }

// The replica count (0 when nothing is known to reach 2) and the autoscaler that sets it.
struct Replicas {
  double count = 1;
  bool unset = false;                     // spec.replicas absent, no autoscaler
  const engine::Resource* hpa = nullptr;  // the autoscaler that decides, if any
  const engine::Value* hpa_max = nullptr;
};

// The most replicas the workload can run: its HorizontalPodAutoscalers' maxReplicas when some
// target it (minReplicas when only that is known and already >= 2), else spec.replicas.
Replicas MostReplicas(const engine::RuleContext& context) {
  Replicas result;
  bool have_hpa = false;
  result.count = 0;
  for (const engine::Edge& edge : context.graph.InEdges(context.resource.id)) {
    if (edge.kind != engine::EdgeKind::kTargets) continue;
    const engine::Resource& hpa = context.graph.resource(edge.from);
    if (k8s::KindOf(hpa) != "HorizontalPodAutoscaler") continue;
    have_hpa = true;
    const engine::Value* max = k8s::Lookup(hpa.attributes, {"spec", "maxReplicas"});
    const engine::Value* min = k8s::Lookup(hpa.attributes, {"spec", "minReplicas"});
    std::optional<double> count = ReplicaCount(max);
    const engine::Value* at = max;
    if (!count.has_value()) {
      count = ReplicaCount(min);
      at = min;
      if (!count.has_value() || *count < 2) continue;  // not known to reach 2
    }
    if (result.hpa == nullptr || *count > result.count) {
      result.count = *count;
      result.hpa = &hpa;
      result.hpa_max = at;
    }
  }
  if (have_hpa) return result;
  result.count = 1;
  const engine::Value* replicas = k8s::Lookup(context.resource.attributes, {"spec", "replicas"});
  if (replicas == nullptr || replicas->is_null()) {
    result.unset = true;
    return result;
  }
  std::optional<double> count = ReplicaCount(replicas);
  result.count = count.value_or(0);  // Unknown or invalid: not known to reach 2
  return result;
}

// False when the workload's own selector is known not to match its pod template's labels: the
// API server rejects such an object, so it has no pods to protect.
bool SelectorMatchesTemplate(const engine::Resource& resource) {
  const engine::Value* selector = k8s::Lookup(resource.attributes, {"spec", "selector"});
  if (selector == nullptr || selector->is_null()) return true;  // defaulted from the template
  k8s::LabelSelector parsed =
      selector->is_map() && selector->Get("matchLabels") == nullptr &&
              selector->Get("matchExpressions") == nullptr
          ? k8s::LabelSelector::FromMap(  // ReplicationController
                selector, k8s::SelectorAbsence::kEverything)
          : k8s::LabelSelector::FromLabelSelector(selector, k8s::SelectorAbsence::kEverything);
  return parsed.Matches(k8s::PodTemplateLabels(resource)) != k8s::Match::kNo;
}

// True when a PodDisruptionBudget selects (or may select) the workload's pods.
bool SelectedByPdb(const engine::RuleContext& context) {
  for (const engine::Edge& edge : context.graph.InEdges(context.resource.id)) {
    if (edge.kind != engine::EdgeKind::kSelects) continue;
    const engine::Resource& from = context.graph.resource(edge.from);
    if (k8s::KindOf(from) == "PodDisruptionBudget" && k8s::GroupOf(from) == "policy") return true;
  }
  return false;
}

}  // namespace

const engine::RuleMetadata& MissingPdbRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MissingPdbRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (k8s::HasController(resource)) return;
  if (kube::IsDeclaredSingleton(resource)) return;
  Replicas replicas = MostReplicas(context);
  const double minimum = static_cast<double>(context.options.Int("min_replicas", 2));
  if (replicas.unset) {
    if (!context.options.Bool("report_unset_replicas", true)) return;
  } else if (replicas.count < minimum || replicas.count < 1) {
    return;
  }
  if (SelectedByPdb(context)) return;
  if (!SelectorMatchesTemplate(resource)) return;

  const std::string consequence =
      " and no PodDisruptionBudget selects its pods: a node drain can evict all of them at once";
  if (replicas.hpa != nullptr) {
    std::vector<engine::RelatedLocation> related;
    if (replicas.hpa_max != nullptr && replicas.hpa_max->range().valid()) {
      related.push_back({replicas.hpa_max->range(),
                         "the replica count comes from " + k8s::ObjectLabel(*replicas.hpa)});
    }
    sink.Report("", nullptr,
                k8s::ObjectLabel(resource) + " scales up to " + Count(replicas.count) +
                    " replicas (" + k8s::ObjectLabel(*replicas.hpa) + ")" + consequence,
                std::move(related));
    return;
  }
  if (replicas.unset) {
    sink.Report("spec.replicas", nullptr,
                k8s::ObjectLabel(resource) +
                    " leaves spec.replicas unset (its replica count is managed outside the "
                    "manifest)" +
                    consequence);
    return;
  }
  const engine::Value* at = k8s::Lookup(resource.attributes, {"spec", "replicas"});
  sink.Report(
      "spec.replicas", at,
      k8s::ObjectLabel(resource) + " runs " + Count(replicas.count) + " replicas" + consequence);
}

}  // namespace faultline::rules
