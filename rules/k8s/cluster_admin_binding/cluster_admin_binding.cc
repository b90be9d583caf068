#include "rules/k8s/cluster_admin_binding/cluster_admin_binding.h"

#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0022";
  m.name = "k8s-cluster-admin-binding";
  m.severity = engine::Severity::kHigh;
  m.title = "Subject bound to cluster-admin";
  m.summary =
      "A RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole to a subject.";
  m.why =
      "cluster-admin allows every verb on every resource: a ClusterRoleBinding to it makes the "
      "subject a superuser of the whole cluster, and a RoleBinding makes it owner of the "
      "namespace, including its Secrets and RBAC. A leaked ServiceAccount token, or a "
      "compromised pod that mounts it, then controls everything.";
  m.remediation =
      "Bind a Role or ClusterRole that lists only the resources and verbs the subject needs. "
      "Grant human administrators cluster-admin through a group managed by the identity "
      "provider, and only where the cluster's own bootstrap does not already.";
  m.example_fix =
      "apiVersion: rbac.authorization.k8s.io/v1\n"
      "kind: RoleBinding\n"
      "metadata:\n"
      "  name: deployer\n"
      "  namespace: shop\n"
      "roleRef:\n"
      "  apiGroup: rbac.authorization.k8s.io\n"
      "  kind: Role\n"
      "  name: deployer\n"
      "subjects:\n"
      "  - kind: ServiceAccount\n"
      "    name: deployer\n"
      "    namespace: shop\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
      "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles",
  };
  m.peers = {
      {"kube-linter", "cluster-admin-role-binding"},
      {"kics", "249328b8-5f0f-409f-b1dd-029f07882e11"},
      {"trivy", "KSV111"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "rbac.authorization.k8s.io/v1/RoleBinding",
      "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
      "rbac.authorization.k8s.io/v1beta1/RoleBinding",
      "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
  };
  return m;
}

std::string Text(const engine::Value* value) {
  return value != nullptr && value->is_string() ? value->as_string() : std::string();
}

}  // namespace

const engine::RuleMetadata& ClusterAdminBindingRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ClusterAdminBindingRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* role_kind = ek::Lookup(resource.attributes, {"roleRef", "kind"});
  const engine::Value* role_name = ek::Lookup(resource.attributes, {"roleRef", "name"});
  if (Text(role_kind) != "ClusterRole" || Text(role_name) != "cluster-admin") return;
  const engine::Value* subjects = resource.attributes.Get("subjects");
  if (subjects == nullptr || !subjects->is_list()) return;
  const bool cluster_wide = ek::KindOf(resource) == "ClusterRoleBinding";
  for (size_t i = 0; i < subjects->size(); ++i) {
    const engine::Value& subject = subjects->as_list()[i];
    const std::string kind = Text(subject.Get("kind"));
    const std::string name = Text(subject.Get("name"));
    if (kind.empty() || name.empty()) continue;  // Unknown or invalid
    if (kind == "Group" && name == "system:masters") continue;
    std::string shown = kind + " \"" + name + "\"";
    if (kind == "ServiceAccount") {
      std::string namespace_name = Text(subject.Get("namespace"));
      if (namespace_name.empty()) namespace_name = std::string(ek::NamespaceOf(resource));
      if (!namespace_name.empty()) shown += " in namespace \"" + namespace_name + "\"";
    }
    const engine::Value* anchor = subject.Get("name");
    sink.Report("subjects[" + std::to_string(i) + "]",
                anchor != nullptr && anchor->range().valid() ? anchor : &subject,
                ek::ObjectLabel(resource) + " grants cluster-admin to " + shown +
                    (cluster_wide ? ": full control of the whole cluster"
                                  : ": full control of the namespace"));
  }
}

}  // namespace faultline::rules
