#include "rules/k8s/hpa_min_replicas/hpa_min_replicas.h"

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
  m.id = "FL-K8S-0007";
  m.name = "k8s-hpa-min-replicas";
  m.severity = engine::Severity::kMedium;
  m.title = "Autoscaler can scale down to one replica";
  m.summary =
      "A HorizontalPodAutoscaler lets its target scale down to a single replica (minReplicas "
      "below 2 or absent).";
  m.why =
      "Autoscalers sit at minReplicas whenever load is low, which is when maintenance happens: "
      "with minReplicas 1 (the default) the workload is a single pod during every quiet-hours "
      "node drain or upgrade, and a single failure is an outage.";
  m.remediation =
      "Set `minReplicas: 2` or more on the autoscaler, and spread the replicas over nodes or "
      "zones.";
  m.example_fix =
      "apiVersion: autoscaling/v2\n"
      "kind: HorizontalPodAutoscaler\n"
      "metadata:\n"
      "  name: web\n"
      "spec:\n"
      "  scaleTargetRef:\n"
      "    apiVersion: apps/v1\n"
      "    kind: Deployment\n"
      "    name: web\n"
      "  minReplicas: 2\n"
      "  maxReplicas: 10\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/",
  };
  m.peers = {
      {"kube-linter", "hpa-minimum-three-replicas"},
      {"polaris", "hpaMinAvailability"},
      {"kube-score", "horizontalpodautoscaler-replicas"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "autoscaling/v1/HorizontalPodAutoscaler",
      "autoscaling/v2/HorizontalPodAutoscaler",
      "autoscaling/v2beta1/HorizontalPodAutoscaler",
      "autoscaling/v2beta2/HorizontalPodAutoscaler",
  };
  m.options = {
      {"min_replicas", engine::RuleOptionType::kInt, "2",
       "Autoscalers whose minReplicas is below this are reported."},
  };
  return m;
}

}  // namespace

const engine::RuleMetadata& HpaMinReplicasRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void HpaMinReplicasRule::Check(const engine::RuleContext& context,
                               engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  for (const engine::Edge& edge : context.graph.OutEdges(resource.id)) {
    if (edge.kind != engine::EdgeKind::kTargets) continue;
    if (kube::IsDeclaredSingleton(context.graph.resource(edge.to))) return;
  }
  const double minimum = static_cast<double>(context.options.Int("min_replicas", 2));
  const engine::Value* min = ek::Lookup(resource.attributes, {"spec", "minReplicas"});
  const std::string label = ek::ObjectLabel(resource);
  if (!kube::IsPresent(min)) {
    if (minimum <= 1) return;
    sink.Report("spec.minReplicas", nullptr,
                label +
                    " does not set minReplicas (the default is 1): its target scales down "
                    "to a single replica");
    return;
  }
  std::optional<double> count = kube::KnownCount(min);
  if (!count.has_value() || *count >= minimum) return;
  sink.Report("spec.minReplicas", min,
              label + " sets minReplicas: " + engine::FormatNumber(*count) + ", below " +
                  engine::FormatNumber(minimum) + ": its target scales down to " +
                  (*count == 1 ? std::string("a single replica")
                               : engine::FormatNumber(*count) + " replicas"));
}

}  // namespace faultline::rules
