#include "rules/k8s/missing_liveness_probe/missing_liveness_probe.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0008";
  m.name = "k8s-missing-liveness-probe";
  m.severity = engine::Severity::kLow;
  m.title = "Container has no liveness probe";
  m.summary = "A long-running container has no liveness probe.";
  m.why =
      "Without a liveness probe the kubelet restarts a container only when its process exits: "
      "an application that deadlocks, leaks into a hung state or stops accepting connections "
      "stays running and keeps its share of traffic-less capacity until someone notices.";
  m.remediation =
      "Add a `livenessProbe` that checks only that the process itself can make progress (a "
      "cheap endpoint that does not call downstream services), with a higher failureThreshold "
      "than the readiness probe so that a slow pod is taken out of rotation before it is "
      "restarted.";
  m.example_fix =
      "containers:\n"
      "  - name: web\n"
      "    image: registry.example.com/web:1.4.2\n"
      "    livenessProbe:\n"
      "      httpGet:\n"
      "        path: /healthz/live\n"
      "        port: 8080\n"
      "      periodSeconds: 10\n"
      "      failureThreshold: 6\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/configure-pod-container/"
      "configure-liveness-readiness-startup-probes/",
  };
  m.peers = {
      {"kube-linter", "no-liveness-probe"},
      {"polaris", "livenessProbeMissing"},
      {"checkov", "CKV_K8S_8"},
      {"kics", "ade74944-a674-4e00-859e-c6eab5bde441"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::LongRunningTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& MissingLivenessProbeRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MissingLivenessProbeRule::Check(const engine::RuleContext& context,
                                     engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, false)) {
    if (kube::IsPresent(c.container->Get("livenessProbe"))) continue;  // set, or Unknown
    sink.Report(c.path, c.anchor,
                c.label + " of " + ek::ObjectLabel(resource) +
                    " has no liveness probe: a hung process is never restarted");
  }
}

}  // namespace faultline::rules
