#include "rules/k8s/host_path_volume/host_path_volume.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0020";
  m.name = "k8s-host-path-volume";
  m.severity = engine::Severity::kMedium;
  m.title = "Pod mounts a hostPath volume";
  m.summary = "A pod mounts a hostPath volume.";
  m.why =
      "A hostPath volume exposes a directory of the node to the pod: a writable mount of a "
      "sensitive path (/, /etc, /var/run/docker.sock, the kubelet's directories) is a path to "
      "root on the node, and data written there ties the pod to one node and survives it.";
  m.remediation =
      "Use a PersistentVolumeClaim, an emptyDir, a ConfigMap or a projected volume instead. "
      "When a node agent really needs a host path, mount the narrowest directory read-only "
      "(`readOnly: true` on the volumeMount) and suppress the finding with a reason.";
  m.example_fix =
      "volumes:\n"
      "  - name: cache\n"
      "    emptyDir:\n"
      "      sizeLimit: 1Gi\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
      "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  };
  m.peers = {
      {"kube-linter", "host-mounts"},
      {"polaris", "hostPathSet"},
      {"kics", "b7652612-de4e-4466-a0bf-1cd81f0c6063"},
      {"trivy", "KSV023"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& HostPathVolumeRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void HostPathVolumeRule::Check(const engine::RuleContext& context,
                               engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  const engine::Value* volumes = pod->spec->Get("volumes");
  if (volumes == nullptr || !volumes->is_list()) return;
  for (size_t i = 0; i < volumes->size(); ++i) {
    const engine::Value& volume = volumes->as_list()[i];
    const engine::Value* host_path = volume.Get("hostPath");
    if (host_path == nullptr || !host_path->is_map()) continue;
    const engine::Value* name = volume.Get("name");
    const engine::Value* path = host_path->Get("path");
    std::string shown = name != nullptr && name->is_string()
                            ? "volume \"" + name->as_string() + "\""
                            : "volume " + std::to_string(i);
    if (path != nullptr && path->is_string()) shown += " (host path " + path->as_string() + ")";
    sink.Report(pod->spec_path + ".volumes[" + std::to_string(i) + "].hostPath", host_path,
                ek::ObjectLabel(resource) + " mounts " + shown +
                    " from its node: the pod can read and write the node's files");
  }
}

}  // namespace faultline::rules
