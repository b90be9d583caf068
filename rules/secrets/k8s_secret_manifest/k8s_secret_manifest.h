// K8sSecretManifestRule (FL-SEC-0073, secrets-k8s-secret-manifest).
//
// A Kubernetes Secret manifest, or a ConfigMap entry with a secret-named key, carries its secret
// values in the repository.
//
// Checked: `kind: Secret` objects (core v1) in manifests, each entry of `data` (base64, decoded
// here) and `stringData`. The message says what the entry holds: a PEM private key, docker
// registry credentials (.dockerconfigjson / .dockercfg), a password, a token, an API key, a
// credential. Not reported: empty values, placeholders and references (after decoding),
// certificates and other public material (tls.crt, ca.crt: a PEM without a private key),
// entries whose name is not secret-ish and whose value has no random shape (hosts, ports,
// user names, database names), and values that are not valid base64 (the API server would
// reject them). One finding per entry, at its value, with the value redacted.
//
// ConfigMaps (core v1) are checked too: a `data` entry whose key is secret-ish
// (secrets::IsSecretishName) and whose value is a literal credential (IsCredentialLiteral: not
// a placeholder or a reference) is a secret kept where it is not even treated as one.
#ifndef FAULTLINE_RULES_SECRETS_K8S_SECRET_MANIFEST_K8S_SECRET_MANIFEST_H_
#define FAULTLINE_RULES_SECRETS_K8S_SECRET_MANIFEST_K8S_SECRET_MANIFEST_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/rule.h"

namespace faultline::rules {

class K8sSecretManifestRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;

 private:
  void CheckConfigMap(const engine::Resource& resource, engine::FindingSink& sink) const;
};

// Standard base64 (RFC 4648, with or without padding; whitespace ignored); nullopt when `text`
// is not base64.
std::optional<std::string> DecodeBase64(std::string_view text);

// What a Secret entry holds, for messages ("a PEM private key", "a password", ...); "" when it
// holds nothing secret (public material, a placeholder, a plain word under a plain name).
std::string DescribeSecretEntry(std::string_view key, std::string_view value,
                                std::string_view secret_type);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_SECRETS_K8S_SECRET_MANIFEST_K8S_SECRET_MANIFEST_H_
