#include "rules/secrets/k8s_env_literal/k8s_env_literal.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "engine/secrets/secret_heuristics.h"
#include "rules/common/k8s_workloads.h"
#include "rules/common/literal_secrets.h"

namespace faultline::rules {

namespace {

namespace k8s = engine::k8s;
namespace kube = rules::kube;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0072";
  m.name = "secrets-k8s-env-literal";
  m.severity = engine::Severity::kHigh;
  m.title = "Secret environment variable with a literal value";
  m.summary = "A Kubernetes container sets a secret environment variable to a literal value.";
  m.why =
      "The credential is in the manifest, so it is in the repository and its history, and the "
      "API server stores it in the pod spec, readable by everyone who can get or describe the "
      "workload (a far wider audience than those allowed to read Secrets).";
  m.remediation =
      "Store the value in a Secret (created out of band, or by an external secrets operator or "
      "sealed-secrets) and reference it with `valueFrom.secretKeyRef`. Rotate the value that "
      "was committed.";
  m.example_fix =
      "env:\n"
      "  - name: DB_PASSWORD\n"
      "    valueFrom:\n"
      "      secretKeyRef:\n"
      "        name: db-credentials\n"
      "        key: password\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-"
      "variables",
      "https://cwe.mitre.org/data/definitions/798.html",
  };
  m.peers = {
      {"kube-linter", "env-var-secret"},
      {"polaris", "sensitiveContainerEnvVar"},
      {"kics", "a88baa34-e2ad-44ea-ad6f-8cac87bc7c71"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  return m;
}

}  // namespace

const engine::RuleMetadata& K8sEnvLiteralRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void K8sEnvLiteralRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  // Built-in workloads plus OpenShift DeploymentConfig and Knative objects.
  const std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod) return;
  const engine::Value* spec = pod->spec;
  if (spec == nullptr || !spec->is_map()) return;
  const std::string& spec_path = pod->spec_path;
  for (const char* group : {"initContainers", "containers", "ephemeralContainers"}) {
    const engine::Value* containers = spec->Get(group);
    if (containers == nullptr || !containers->is_list()) continue;
    for (size_t i = 0; i < containers->size(); ++i) {
      const engine::Value& container = containers->as_list()[i];
      const engine::Value* env = container.Get("env");
      if (env == nullptr || !env->is_list()) continue;
      const engine::Value* container_name = container.Get("name");
      const std::string shown = container_name != nullptr && container_name->is_string()
                                    ? "container \"" + container_name->as_string() + "\""
                                    : "container " + std::to_string(i);
      for (size_t e = 0; e < env->size(); ++e) {
        const engine::Value& entry = env->as_list()[e];
        const engine::Value* name = entry.Get("name");
        const engine::Value* value = entry.Get("value");
        if (name == nullptr || !name->is_string() || value == nullptr || !value->is_string()) {
          continue;
        }
        if (!engine::secrets::IsSecretishName(name->as_string())) continue;
        const std::string& secret = value->as_string();
        if (!IsCredentialLiteral(secret)) continue;
        const std::string path = spec_path + "." + group + "[" + std::to_string(i) + "].env[" +
                                 std::to_string(e) + "].value";
        sink.Report(
            path, value,
            "env " + name->as_string() + " of " + shown + " in " + k8s::ObjectLabel(resource) +
                " is a literal secret: " + RedactedFor(secret, metadata().id, resource, path));
      }
    }
  }
}

}  // namespace faultline::rules
