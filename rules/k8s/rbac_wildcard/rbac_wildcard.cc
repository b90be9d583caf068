#include "rules/k8s/rbac_wildcard/rbac_wildcard.h"

#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0021";
  m.name = "k8s-rbac-wildcard";
  m.severity = engine::Severity::kHigh;
  m.title = "RBAC rule with a wildcard";
  m.summary = "A Role or ClusterRole rule grants `*` in its verbs, resources or apiGroups.";
  m.why =
      "A wildcard grants every present and future verb, resource or API group: `verbs: [\"*\"]` "
      "includes escalate, bind and impersonate, `resources: [\"*\"]` includes Secrets, and "
      "custom resources added later are granted silently. A token of such a subject is close "
      "to cluster-admin.";
  m.remediation =
      "List the API groups, resources and verbs the subject needs explicitly, for example "
      "`verbs: [get, list, watch]` on `resources: [pods]` in `apiGroups: [\"\"]`.";
  m.example_fix =
      "rules:\n"
      "  - apiGroups: [\"apps\"]\n"
      "    resources: [\"deployments\"]\n"
      "    verbs: [\"get\", \"list\", \"watch\", \"patch\"]\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
      "https://kubernetes.io/docs/reference/access-authn-authz/rbac/",
  };
  m.peers = {
      {"kube-linter", "wildcard-in-rules"},
      {"checkov", "CKV_K8S_49"},
      {"kics", "6b896afb-ca07-467a-b256-1a0077a1c08e"},
      {"trivy", "KSV044"},
  };
  m.scope.origins = {engine::Origin::kConfig, engine::Origin::kLive};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {
      "rbac.authorization.k8s.io/v1/Role",
      "rbac.authorization.k8s.io/v1/ClusterRole",
      "rbac.authorization.k8s.io/v1beta1/Role",
      "rbac.authorization.k8s.io/v1beta1/ClusterRole",
  };
  return m;
}

}  // namespace

const engine::RuleMetadata& RbacWildcardRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void RbacWildcardRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const engine::Value* rules = resource.attributes.Get("rules");
  if (rules == nullptr || !rules->is_list()) return;
  static constexpr std::string_view kFields[] = {"apiGroups", "resources", "verbs"};
  for (size_t i = 0; i < rules->size(); ++i) {
    const engine::Value& rule = rules->as_list()[i];
    if (!rule.is_map()) continue;
    for (std::string_view field : kFields) {
      const engine::Value* list = rule.Get(field);
      if (list == nullptr || !list->is_list()) continue;
      for (size_t j = 0; j < list->size(); ++j) {
        const engine::Value& item = list->as_list()[j];
        if (!item.is_string() || item.as_string() != "*") continue;
        sink.Report("rules[" + std::to_string(i) + "]." + std::string(field) + "[" +
                        std::to_string(j) + "]",
                    &item,
                    ek::ObjectLabel(resource) + " grants every " +
                        (field == "verbs"       ? std::string("verb")
                         : field == "resources" ? std::string("resource")
                                                : std::string("API group")) +
                        " (`*` in rules[" + std::to_string(i) + "]." + std::string(field) + ")");
        break;
      }
    }
  }
}

}  // namespace faultline::rules
