#include "rules/k8s/privileged_container/privileged_container.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0016";
  m.name = "k8s-privileged-container";
  m.severity = engine::Severity::kHigh;
  m.title = "Privileged container";
  m.summary = "A container runs with securityContext.privileged: true.";
  m.why =
      "A privileged container has every capability and every device of its node, with no "
      "seccomp or AppArmor confinement: a compromise of the application, or a bug in it, is a "
      "compromise of the node and of every other pod on it.";
  m.remediation =
      "Remove `privileged: true` (or set it to false) and grant only the capabilities the "
      "container needs under `securityContext.capabilities.add`. Workloads that really manage "
      "the node (CNI plugins, storage drivers) belong in a dedicated namespace with a "
      "privileged Pod Security level, and can be suppressed with a reason.";
  m.example_fix =
      "containers:\n"
      "  - name: agent\n"
      "    image: registry.example.com/agent:2.1.0\n"
      "    securityContext:\n"
      "      privileged: false\n"
      "      allowPrivilegeEscalation: false\n"
      "      capabilities:\n"
      "        drop: [ALL]\n"
      "        add: [NET_BIND_SERVICE]\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  };
  m.peers = {
      {"kube-linter", "privileged-container"},
      {"polaris", "runAsPrivileged"},
      {"kube-score", "container-security-context-privileged"},
      {"checkov", "CKV_K8S_16"},
      {"kics", "dd29336b-fe57-445b-a26e-e6aa867ae609"},
      {"trivy", "KSV017"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& PrivilegedContainerRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PrivilegedContainerRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (engine::k8s::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    const engine::Value* privileged =
        engine::k8s::Lookup(*c.container, {"securityContext", "privileged"});
    if (privileged == nullptr || !privileged->is_bool() || !privileged->as_bool()) continue;
    sink.Report(c.path + ".securityContext.privileged", privileged,
                c.label + " of " + engine::k8s::ObjectLabel(resource) +
                    " runs privileged: it has every capability and device of the node");
  }
}

}  // namespace faultline::rules
