#include "rules/k8s/rolling_update_all_unavailable/rolling_update_all_unavailable.h"

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
  m.id = "FL-K8S-0012";
  m.name = "k8s-rolling-update-all-unavailable";
  m.severity = engine::Severity::kMedium;
  m.title = "Rolling update can take every pod down";
  m.summary =
      "A rolling update may take every pod down at once: maxUnavailable is 100% or reaches "
      "the replica count.";
  m.why =
      "maxUnavailable is how many pods a rollout may stop before their replacements are "
      "ready. When it covers every replica the rollout stops them all at once, and a new "
      "version that fails to start (a bad image, a crash on boot) is a full outage instead of "
      "a stalled rollout.";
  m.remediation =
      "Set `maxUnavailable` to a small share of the replicas (`25%`, or `1`, or `0` with "
      "`maxSurge: 1` to keep full capacity). If stopping every pod is intended, say so with "
      "the `Recreate` strategy.";
  m.example_fix =
      "spec:\n"
      "  replicas: 4\n"
      "  strategy:\n"
      "    type: RollingUpdate\n"
      "    rollingUpdate:\n"
      "      maxUnavailable: 1\n"
      "      maxSurge: 1\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/"
      "#rolling-update-deployment",
      "https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/",
  };
  m.peers = {};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "apps/v1/Deployment",
      "apps/v1beta1/Deployment",
      "apps/v1beta2/Deployment",
      "extensions/v1beta1/Deployment",
      "apps/v1/StatefulSet",
      "apps/v1beta2/StatefulSet",
      "apps/v1/DaemonSet",
      "apps/v1beta2/DaemonSet",
      "extensions/v1beta1/DaemonSet",
  };
  return m;
}

}  // namespace

const engine::RuleMetadata& RollingUpdateAllUnavailableRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RollingUpdateAllUnavailableRule::Check(const engine::RuleContext& context,
                                            engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  const std::string_view kind = ek::KindOf(resource);
  const std::string_view field = kind == "Deployment" ? "strategy" : "updateStrategy";
  const engine::Value* strategy = ek::Lookup(resource.attributes, {"spec", field});
  if (strategy == nullptr || !strategy->is_map()) return;
  const engine::Value* type = strategy->Get("type");
  if (kube::IsPresent(type) && !(type->is_string() && type->as_string() == "RollingUpdate")) {
    return;  // Recreate, OnDelete, Unknown
  }
  const engine::Value* value = ek::Lookup(*strategy, {"rollingUpdate", "maxUnavailable"});
  std::optional<kube::IntOrPercent> max_unavailable = kube::KnownIntOrPercent(value);
  if (!max_unavailable.has_value()) return;
  const std::string path = "spec." + std::string(field) + ".rollingUpdate.maxUnavailable";
  const std::string label = ek::ObjectLabel(resource);
  if (max_unavailable->percent) {
    if (max_unavailable->value < 100) return;
    sink.Report(path, value,
                label + " sets maxUnavailable: " + engine::FormatNumber(max_unavailable->value) +
                    "%: a rollout may stop every pod at once");
    return;
  }
  if (kind == "DaemonSet") return;  // the number of nodes is not known
  kube::ReplicaCount replicas = kube::ReplicasOf(context.graph, resource);
  if (replicas.source == kube::ReplicaCount::Source::kUnknown || replicas.min < 1) return;
  if (max_unavailable->value < replicas.min) return;
  sink.Report(path, value,
              label + " sets maxUnavailable: " + engine::FormatNumber(max_unavailable->value) +
                  " with " + engine::FormatNumber(replicas.min) +
                  (replicas.min == 1 ? " replica" : " replicas") +
                  (replicas.source == kube::ReplicaCount::Source::kAutoscaler
                       ? " at its autoscaler's minimum"
                       : std::string()) +
                  ": a rollout may stop every pod at once");
}

}  // namespace faultline::rules
