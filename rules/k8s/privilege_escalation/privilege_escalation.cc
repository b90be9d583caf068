#include "rules/k8s/privilege_escalation/privilege_escalation.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0017";
  m.name = "k8s-privilege-escalation";
  m.severity = engine::Severity::kMedium;
  m.title = "Container allows privilege escalation";
  m.summary = "A container does not set securityContext.allowPrivilegeEscalation to false.";
  m.why =
      "Unless allowPrivilegeEscalation is false, the kernel lets a process gain more privileges "
      "than its parent (setuid binaries, file capabilities), so an attacker who gets code "
      "execution as an unprivileged user in the container can become root in it. The default "
      "is true.";
  m.remediation =
      "Set `securityContext.allowPrivilegeEscalation: false` on every container (it sets the "
      "no_new_privs flag); together with dropping all capabilities it is what the restricted "
      "Pod Security Standard requires.";
  m.example_fix =
      "containers:\n"
      "  - name: web\n"
      "    image: registry.example.com/web:1.4.2\n"
      "    securityContext:\n"
      "      allowPrivilegeEscalation: false\n"
      "      capabilities:\n"
      "        drop: [ALL]\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
      "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  };
  m.peers = {
      {"kube-linter", "privilege-escalation-container"},
      {"polaris", "privilegeEscalationAllowed"},
      {"checkov", "CKV_K8S_20"},
      {"kics", "5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d"},
      {"trivy", "KSV001"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

bool IsWindows(const engine::Value& pod_spec) {
  const engine::Value* os = ek::Lookup(pod_spec, {"os", "name"});
  return os != nullptr && os->is_string() && os->as_string() == "windows";
}

}  // namespace

const engine::RuleMetadata& PrivilegeEscalationRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PrivilegeEscalationRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  if (IsWindows(*pod->spec)) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    const engine::Value* context_value = c.container->Get("securityContext");
    if (kube::IsPresent(context_value) && !context_value->is_map()) continue;  // Unknown
    const engine::Value* privileged = ek::Lookup(*c.container, {"securityContext", "privileged"});
    if (privileged != nullptr && privileged->is_bool() && privileged->as_bool()) continue;
    const engine::Value* allow =
        ek::Lookup(*c.container, {"securityContext", "allowPrivilegeEscalation"});
    const std::string where = c.label + " of " + ek::ObjectLabel(resource);
    if (!kube::IsPresent(allow)) {
      sink.Report(c.path, c.anchor,
                  where +
                      " does not set allowPrivilegeEscalation: false (the default allows "
                      "setuid binaries to gain root)");
    } else if (allow->is_bool() && allow->as_bool()) {
      sink.Report(c.path + ".securityContext.allowPrivilegeEscalation", allow,
                  where + " allows privilege escalation");
    }
  }
}

}  // namespace faultline::rules
