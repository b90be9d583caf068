// K8sEnvLiteralRule (FL-SEC-0072, secrets-k8s-env-literal).
//
// A Kubernetes container sets a secret environment variable to a literal value.
//
// Checked: the `env` entries of the containers, init containers and ephemeral containers of
// every workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
// CronJob, Pod, Argo Rollout, OpenShift DeploymentConfig, Knative) in manifests, whose `name` means a credential
// (secrets::IsSecretishName: DB_PASSWORD, API_TOKEN, AWS_SECRET_ACCESS_KEY, ...) and whose
// `value` is a non-empty string that is not a placeholder, a reference or a `$(VAR)` expansion.
// Entries using `valueFrom` (secretKeyRef) are the fix, not a finding. The finding points at
// the `value` entry and shows the value redacted.
#ifndef FAULTLINE_RULES_SECRETS_K8S_ENV_LITERAL_K8S_ENV_LITERAL_H_
#define FAULTLINE_RULES_SECRETS_K8S_ENV_LITERAL_K8S_ENV_LITERAL_H_

#include "engine/rule.h"

namespace faultline::rules {

class K8sEnvLiteralRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_K8S_ENV_LITERAL_K8S_ENV_LITERAL_H_
