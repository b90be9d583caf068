#include "rules/k8s/host_namespace/host_namespace.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0019";
  m.name = "k8s-host-namespace";
  m.severity = engine::Severity::kHigh;
  m.title = "Pod shares a host namespace";
  m.summary = "A pod shares a host namespace: hostNetwork, hostPID or hostIPC is true.";
  m.why =
      "With hostNetwork the pod sees every interface of the node and can bind its ports and "
      "reach services listening on localhost; with hostPID it sees (and can signal or ptrace) "
      "every process of the node; with hostIPC it shares the node's shared memory. Each "
      "removes the isolation between the pod and the node.";
  m.remediation =
      "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false) and expose the "
      "application through a Service or a `hostPort` when a node port is really needed. "
      "Node agents that need them belong in a dedicated namespace with a privileged Pod "
      "Security level, and can be suppressed with a reason.";
  m.example_fix =
      "spec:\n"
      "  hostNetwork: false\n"
      "  hostPID: false\n"
      "  hostIPC: false\n"
      "  containers:\n"
      "    - name: web\n"
      "      image: registry.example.com/web:1.4.2\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  };
  m.peers = {
      {"kube-linter", "host-network"},
      {"kube-linter", "host-pid"},
      {"kube-linter", "host-ipc"},
      {"polaris", "hostNetworkSet"},
      {"polaris", "hostPIDSet"},
      {"polaris", "hostIPCSet"},
      {"checkov", "CKV_K8S_19"},
      {"checkov", "CKV_K8S_17"},
      {"checkov", "CKV_K8S_18"},
      {"kics", "6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a"},
      {"trivy", "KSV009"},
      {"trivy", "KSV010"},
      {"trivy", "KSV008"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& HostNamespaceRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void HostNamespaceRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  struct Field {
    std::string_view name;
    std::string_view effect;
  };
  static constexpr Field kFields[] = {
      {"hostNetwork", "the node's network namespace (its interfaces, ports and localhost)"},
      {"hostPID", "the node's process namespace (every process on the node)"},
      {"hostIPC", "the node's IPC namespace (its shared memory)"},
  };
  for (const Field& field : kFields) {
    const engine::Value* value = pod->spec->Get(field.name);
    if (value == nullptr || !value->is_bool() || !value->as_bool()) continue;
    sink.Report(pod->spec_path + "." + std::string(field.name), value,
                ek::ObjectLabel(resource) + " sets " + std::string(field.name) +
                    ": true: its pods share " + std::string(field.effect));
  }
}

}  // namespace faultline::rules
