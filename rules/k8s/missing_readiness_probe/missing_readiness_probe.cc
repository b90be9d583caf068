#include "rules/k8s/missing_readiness_probe/missing_readiness_probe.h"

#include <string>

#include "engine/k8s/graph.h"

namespace faultline::rules {

namespace {

namespace k8s = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0003";
  m.name = "k8s-missing-readiness-probe";
  m.severity = engine::Severity::kMedium;
  m.title = "Container has no readiness probe";
  m.summary = "A long-running container has no readiness probe.";
  m.why =
      "Without a readiness probe a pod counts as ready as soon as its containers start, so "
      "Services send it traffic before the application can serve, and rolling updates move on "
      "(and scale down the old pods) while the new ones are still warming up or failing: "
      "requests fail during every deployment. Checked, as in Polaris: the containers of "
      "Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Argo "
      "Rollouts and bare Pods; Jobs, CronJobs, init containers and ephemeral containers are not "
      "checked.";
  m.remediation =
      "Add a `readinessProbe` to the container that succeeds only when the application can "
      "serve requests, typically an HTTP GET on a health endpoint or a TCP check on the serving "
      "port. Keep it cheap and independent of downstream services, so that a slow dependency "
      "does not take every pod out of rotation at once.";
  m.example_fix =
      "containers:\n"
      "  - name: web\n"
      "    image: registry.example.com/web:1.4.2\n"
      "    ports:\n"
      "      - containerPort: 8080\n"
      "    readinessProbe:\n"
      "      httpGet:\n"
      "        path: /healthz/ready\n"
      "        port: 8080\n"
      "      periodSeconds: 5\n"
      "      failureThreshold: 3\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/configure-pod-container/"
      "configure-liveness-readiness-startup-probes/",
      "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes",
  };
  m.peers = {
      {"kube-linter", "no-readiness-probe"},
      {"polaris", "readinessProbeMissing"},
      {"kube-score", "pod-probes"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "apps/v1/Deployment",
      "apps/v1beta1/Deployment",
      "apps/v1beta2/Deployment",
      "extensions/v1beta1/Deployment",
      "apps/v1/StatefulSet",
      "apps/v1beta1/StatefulSet",
      "apps/v1beta2/StatefulSet",
      "apps/v1/DaemonSet",
      "apps/v1beta2/DaemonSet",
      "extensions/v1beta1/DaemonSet",
      "apps/v1/ReplicaSet",
      "apps/v1beta2/ReplicaSet",
      "extensions/v1beta1/ReplicaSet",
      "v1/ReplicationController",
      "v1/Pod",
      "argoproj.io/v1alpha1/Rollout",
  };
  return m;
}

}  // namespace

const engine::RuleMetadata& MissingReadinessProbeRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MissingReadinessProbeRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!k8s::IsWorkload(resource) || k8s::HasController(resource)) return;
  const engine::Value* spec = k8s::PodSpec(resource);
  if (spec == nullptr) return;
  const engine::Value* containers = k8s::Lookup(*spec, {"containers"});
  if (containers == nullptr || !containers->is_list()) return;  // absent or Unknown
  const std::string containers_path = k8s::PodSpecPath(resource) + ".containers";
  for (size_t i = 0; i < containers->size(); ++i) {
    const engine::Value& container = containers->as_list()[i];
    if (!container.is_map()) continue;
    const engine::Value* probe = container.Get("readinessProbe");
    if (probe != nullptr && !probe->is_null()) continue;  // set, or Unknown
    const engine::Value* name = container.Get("name");
    const std::string shown = name != nullptr && name->is_string()
                                  ? "container \"" + name->as_string() + "\""
                                  : "container " + std::to_string(i);
    const std::string item_path = containers_path + "[" + std::to_string(i) + "]";
    sink.Report(item_path, name != nullptr && name->range().valid() ? name : &container,
                shown + " of " + k8s::ObjectLabel(resource) +
                    " has no readiness probe: it receives traffic as soon as it starts, before "
                    "it can serve");
  }
}

}  // namespace faultline::rules
