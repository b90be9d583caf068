#include "rules/k8s/single_replica/single_replica.h"

#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0005";
  m.name = "k8s-single-replica";
  m.severity = engine::Severity::kMedium;
  m.title = "Workload runs a single replica";
  m.summary =
      "A Deployment, StatefulSet, ReplicaSet, ReplicationController, Argo Rollout or "
      "DeploymentConfig runs a single replica.";
  m.why =
      "With one replica every node drain, node failure, eviction, OOM kill and rollout of a "
      "slow-starting pod is an outage of the service. `spec.replicas` absent means 1.";
  m.remediation =
      "Run at least two replicas (`spec.replicas: 2` or an autoscaler with `minReplicas: 2`) "
      "spread over nodes, with a PodDisruptionBudget. A workload that must run alone "
      "(a leader-elected controller, a single-writer database) should say so with the "
      "annotation `faultline.dev/singleton: \"true\"`.";
  m.example_fix =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: web\n"
      "spec:\n"
      "  replicas: 3\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/",
      "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/",
  };
  m.peers = {
      {"kube-linter", "minimum-three-replicas"},
      {"polaris", "deploymentMissingReplicas"},
      {"kube-score", "deployment-replicas"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::ReplicatedTypes();
  m.options = {
      {"min_replicas", engine::RuleOptionType::kInt, "2",
       "Workloads running fewer replicas than this (and at least one) are reported."},
  };
  return m;
}

}  // namespace

const engine::RuleMetadata& SingleReplicaRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void SingleReplicaRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource) || kube::IsDeclaredSingleton(resource)) return;
  if (!kube::IsReplicated(resource)) return;
  kube::ReplicaCount replicas = kube::ReplicasOf(context.graph, resource);
  using Source = kube::ReplicaCount::Source;
  if (replicas.source != Source::kSpec && replicas.source != Source::kDefault) return;
  const double minimum = static_cast<double>(context.options.Int("min_replicas", 2));
  if (replicas.min == 0 || replicas.min >= minimum) return;
  const std::string label = ek::ObjectLabel(resource);
  const std::string consequence = ": a node drain, node failure or crash takes it down";
  if (replicas.source == Source::kDefault) {
    sink.Report("spec.replicas", nullptr,
                label + " runs a single replica (spec.replicas is not set and defaults to 1)" +
                    consequence);
    return;
  }
  sink.Report(
      "spec.replicas", replicas.at,
      label + " runs " + engine::FormatNumber(replicas.min) +
          (replicas.min == 1 ? " replica" : " replicas") +
          (replicas.min == 1 ? consequence : ", fewer than " + engine::FormatNumber(minimum)));
}

}  // namespace faultline::rules
