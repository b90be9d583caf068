#include "rules/k8s/run_as_root/run_as_root.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0018";
  m.name = "k8s-run-as-root";
  m.severity = engine::Severity::kMedium;
  m.title = "Container may run as root";
  m.summary =
      "A container may run as root: neither it nor its pod sets runAsNonRoot: true or a "
      "non-zero runAsUser.";
  m.why =
      "Without runAsNonRoot or a non-zero runAsUser, the container runs as whatever user its "
      "image names, root for most images. A process running as uid 0 owns the container's "
      "filesystem, and a container escape (a kernel or runtime bug, a writable hostPath) lands "
      "as root on the node.";
  m.remediation =
      "Set `runAsNonRoot: true` in the pod's `securityContext` (the kubelet then refuses to "
      "start a container whose user is root) and, where the image does not name a numeric "
      "user, a `runAsUser` above 0. Set both at the pod level so that init and sidecar "
      "containers inherit them.";
  m.example_fix =
      "spec:\n"
      "  securityContext:\n"
      "    runAsNonRoot: true\n"
      "    runAsUser: 10001\n"
      "    runAsGroup: 10001\n"
      "  containers:\n"
      "    - name: web\n"
      "      image: registry.example.com/web:1.4.2\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  };
  m.peers = {
      {"kube-linter", "run-as-non-root"},
      {"polaris", "runAsRootAllowed"},
      {"checkov", "CKV_K8S_23"},
      {"kics", "cf34805e-3872-4c08-bf92-6ff7bb0cfadb"},
      {"trivy", "KSV012"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

// One setting of a security context: the container's when written, else the pod's.
const engine::Value* Effective(const engine::Value* container_context,
                               const engine::Value* pod_context, std::string_view field) {
  const engine::Value* value =
      container_context != nullptr ? container_context->Get(field) : nullptr;
  if (kube::IsPresent(value)) return value;
  value = pod_context != nullptr ? pod_context->Get(field) : nullptr;
  return kube::IsPresent(value) ? value : nullptr;
}

}  // namespace

const engine::RuleMetadata& RunAsRootRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RunAsRootRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  const engine::Value* os = ek::Lookup(*pod->spec, {"os", "name"});
  if (os != nullptr && !(os->is_string() && os->as_string() == "linux")) return;  // windows
  const engine::Value* pod_context = pod->spec->Get("securityContext");
  if (pod_context != nullptr && !pod_context->is_null() && !pod_context->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    const engine::Value* container_context = c.container->Get("securityContext");
    if (container_context != nullptr && !container_context->is_null() &&
        !container_context->is_map()) {
      continue;  // Unknown or invalid
    }
    const engine::Value* user = Effective(container_context, pod_context, "runAsUser");
    const engine::Value* non_root = Effective(container_context, pod_context, "runAsNonRoot");
    if (user != nullptr && !user->is_number()) continue;
    if (non_root != nullptr && !non_root->is_bool()) continue;
    const bool enforced = non_root != nullptr && non_root->as_bool();
    const std::string where = c.label + " of " + ek::ObjectLabel(resource);
    if (user != nullptr) {
      if (user->as_number() != 0 || enforced) continue;  // uid 0 + runAsNonRoot: never starts
      sink.Report(c.path + ".securityContext.runAsUser", user, where + " runs as root (uid 0)");
      continue;
    }
    if (enforced) continue;
    if (non_root != nullptr) {
      sink.Report(c.path + ".securityContext.runAsNonRoot", non_root,
                  where +
                      " sets runAsNonRoot: false and no non-zero runAsUser: it runs as "
                      "root when its image does");
      continue;
    }
    sink.Report(c.path, c.anchor,
                where +
                    " may run as root: neither it nor its pod sets runAsNonRoot: true or "
                    "a non-zero runAsUser");
  }
}

}  // namespace faultline::rules
