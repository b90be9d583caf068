#include "rules/k8s/pdb_blocks_eviction/pdb_blocks_eviction.h"

#include <cmath>
#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0004";
  m.name = "k8s-pdb-blocks-eviction";
  m.severity = engine::Severity::kMedium;
  m.title = "PodDisruptionBudget blocks every eviction";
  m.summary =
      "A PodDisruptionBudget allows no voluntary eviction: maxUnavailable is 0 or 0%, "
      "minAvailable is 100%, or minAvailable reaches the replica count of the workloads it "
      "selects.";
  m.why =
      "The eviction API refuses to evict a pod while its budget allows zero disruptions, so "
      "`kubectl drain`, node upgrades and cluster-autoscaler scale-downs hang on the node "
      "running the pod until someone deletes the budget by hand, usually in the middle of a "
      "maintenance window. The replica count is spec.replicas or, with a "
      "HorizontalPodAutoscaler, its minReplicas (1 when absent): at that count every eviction "
      "is refused.";
  m.remediation =
      "Let at least one pod be evicted at a time: use `maxUnavailable: 1` (or a percentage "
      "that rounds to at least one pod), or a `minAvailable` below the smallest replica count "
      "the workload runs. A workload that cannot lose a single pod needs more replicas, not a "
      "stricter budget.";
  m.example_fix =
      "apiVersion: policy/v1\n"
      "kind: PodDisruptionBudget\n"
      "metadata:\n"
      "  name: web\n"
      "spec:\n"
      "  maxUnavailable: 1\n"
      "  selector:\n"
      "    matchLabels:\n"
      "      app: web\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"
      "#think-about-how-your-application-reacts-to-disruptions",
      "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/",
  };
  m.peers = {
      {"kube-linter", "pdb-max-unavailable"},
      {"kube-linter", "pdb-min-available"},
      {"polaris", "pdbDisruptionsIsZero"},
      {"polaris", "pdbMinAvailableGreaterThanHPAMinReplicas"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "policy/v1/PodDisruptionBudget",
      "policy/v1beta1/PodDisruptionBudget",
      "v1/PodDisruptionBudget",
  };
  return m;
}

std::string Shown(const kube::IntOrPercent& value) {
  return engine::FormatNumber(value.value) + (value.percent ? "%" : "");
}

// The fewest pods the budget's workloads run together, and how that count is made up; nullopt
// when it cannot be known (nothing selected, an uncertain selection, a count not known).
struct Pods {
  double count = 0;
  std::string how;  // "Deployment \"web\" runs 2 replicas"
};

std::optional<Pods> SelectedPods(const engine::RuleContext& context) {
  Pods pods;
  int workloads = 0;
  for (const engine::Edge& edge : context.graph.OutEdges(context.resource.id)) {
    if (edge.kind != engine::EdgeKind::kSelects) continue;
    if (ek::IsUncertain(edge)) return std::nullopt;
    const engine::Resource& target = context.graph.resource(edge.to);
    if (!kube::IsReplicated(target)) return std::nullopt;
    if (ek::HasController(target)) continue;
    kube::ReplicaCount replicas = kube::ReplicasOf(context.graph, target);
    // A manifest without spec.replicas leaves the count to whoever scales the workload
    // (k8s-missing-pdb): the budget cannot be judged against it.
    if (replicas.source == kube::ReplicaCount::Source::kUnknown ||
        replicas.source == kube::ReplicaCount::Source::kDefault) {
      return std::nullopt;
    }
    pods.count += replicas.min;
    if (++workloads > 1) pods.how += ", ";
    pods.how +=
        ek::ObjectLabel(target) + " runs " +
        (replicas.source == kube::ReplicaCount::Source::kAutoscaler
             ? "as few as " + engine::FormatNumber(replicas.min) + " (" +
                   ek::ObjectLabel(*replicas.hpa) + ")"
             : engine::FormatNumber(replicas.min)) +
        (replicas.source == kube::ReplicaCount::Source::kDefault ? " (replicas unset)" : "");
  }
  if (workloads == 0 || pods.count <= 0) return std::nullopt;
  return pods;
}

}  // namespace

const engine::RuleMetadata& PdbBlocksEvictionRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PdbBlocksEvictionRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ek::ObjectLabel(resource);
  const std::string consequence = ": node drains and upgrades wait on its pods forever";
  const engine::Value* max_value = ek::Lookup(resource.attributes, {"spec", "maxUnavailable"});
  const engine::Value* min_value = ek::Lookup(resource.attributes, {"spec", "minAvailable"});
  std::optional<kube::IntOrPercent> max_unavailable = kube::KnownIntOrPercent(max_value);
  if (max_unavailable.has_value()) {
    if (max_unavailable->value == 0) {
      sink.Report("spec.maxUnavailable", max_value,
                  label + " sets maxUnavailable: " + Shown(*max_unavailable) +
                      ", so it allows no voluntary eviction" + consequence);
    }
    return;
  }
  if (kube::IsPresent(max_value)) return;  // Unknown or invalid
  std::optional<kube::IntOrPercent> min_available = kube::KnownIntOrPercent(min_value);
  if (!min_available.has_value()) return;
  if (min_available->percent && min_available->value >= 100) {
    sink.Report("spec.minAvailable", min_value,
                label + " sets minAvailable: " + Shown(*min_available) +
                    ", so it allows no voluntary eviction" + consequence);
    return;
  }
  std::optional<Pods> pods = SelectedPods(context);
  if (!pods.has_value()) return;
  const double needed = min_available->percent
                            ? std::ceil(min_available->value * pods->count / 100.0)
                            : min_available->value;
  if (needed < pods->count) return;
  sink.Report("spec.minAvailable", min_value,
              label + " requires " + engine::FormatNumber(needed) +
                  " available pods (minAvailable: " + Shown(*min_available) +
                  ") but its workloads run " + engine::FormatNumber(pods->count) + " (" +
                  pods->how + "), so it allows no voluntary eviction" + consequence);
}

}  // namespace faultline::rules
