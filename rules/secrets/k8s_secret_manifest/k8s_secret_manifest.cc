#include "rules/secrets/k8s_secret_manifest/k8s_secret_manifest.h"

#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/secrets/secret_heuristics.h"
#include "rules/common/literal_secrets.h"

namespace faultline::rules {

namespace {

namespace k8s = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0073";
  m.name = "secrets-k8s-secret-manifest";
  m.severity = engine::Severity::kHigh;
  m.title = "Kubernetes Secret committed with its values";
  m.summary =
      "A Kubernetes Secret manifest, or a ConfigMap entry with a secret-named key, carries its "
      "secret values in the repository.";
  m.why =
      "The values of a Secret's `data` are only base64-encoded, not encrypted: anyone who can "
      "read the repository, its clones or its history can decode them, and they outlive any "
      "later rotation of the Secret in the cluster.";
  m.remediation =
      "Keep Secret values out of the repository: create the Secret out of band, or commit an "
      "encrypted form (Sealed Secrets, SOPS) or a reference resolved in the cluster (External "
      "Secrets Operator, the Secrets Store CSI driver). Rotate the values that were committed.";
  m.example_fix =
      "apiVersion: external-secrets.io/v1beta1\n"
      "kind: ExternalSecret\n"
      "metadata:\n"
      "  name: db-credentials\n"
      "spec:\n"
      "  secretStoreRef:\n"
      "    name: vault\n"
      "    kind: ClusterSecretStore\n"
      "  target:\n"
      "    name: db-credentials\n"
      "  data:\n"
      "    - secretKey: password\n"
      "      remoteRef:\n"
      "        key: prod/db\n"
      "        property: password\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/configuration/secret/",
      "https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
  };
  m.peers = {{"polaris", "sensitiveConfigmapContent"}};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = {"v1/Secret", "v1/ConfigMap"};
  return m;
}

int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  size_t padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int digit = Base64Digit(c);
    if (digit < 0 || padding > 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  if (padding > 2 || bits >= 6) return std::nullopt;
  return out;
}

std::string DescribeSecretEntry(std::string_view key, std::string_view value,
                                std::string_view secret_type) {
  if (value.empty()) return "";
  if (Contains(value, "PRIVATE KEY-----")) return "a PEM private key";
  if (Contains(value, "-----BEGIN ")) return "";  // certificates, public keys
  const std::string lower_key = Lower(key);
  if (lower_key == ".dockerconfigjson" || lower_key == ".dockercfg" ||
      secret_type == "kubernetes.io/dockerconfigjson" || secret_type == "kubernetes.io/dockercfg") {
    return Contains(value, "\"auth") || Contains(value, "\"password\"")
               ? "docker registry credentials"
               : "";
  }
  if (engine::secrets::LooksLikePlaceholder(value)) return "";
  const bool secretish = engine::secrets::IsSecretishName(key);
  if (!secretish) {
    if (value.size() < 8 || !engine::secrets::HasRandomShape(value)) return "";
    return "a credential-like value";
  }
  if (!IsCredentialLiteral(value)) return "";
  if (Contains(lower_key, "pass") || Contains(lower_key, "pwd")) return "a password";
  if (Contains(lower_key, "token")) return "a token";
  if (Contains(lower_key, "api") && Contains(lower_key, "key")) return "an API key";
  if (Contains(lower_key, "secret")) return "a secret";
  return "a credential";
}

// A ConfigMap is not meant for secrets at all: its `data` entries whose key names a credential
// and whose value is a literal credential (not a placeholder or a reference) are reported.
// Other entries are configuration, whatever their shape; `binaryData` is not read.
void K8sSecretManifestRule::CheckConfigMap(const engine::Resource& resource,
                                           engine::FindingSink& sink) const {
  const engine::Value* entries = resource.Get("data");
  if (entries == nullptr || !entries->is_map()) return;
  for (const auto& [key, value] : entries->as_map()) {
    if (!value.is_string() || !engine::secrets::IsSecretishName(key)) continue;
    const std::string& plain = value.as_string();
    if (Contains(plain, "-----BEGIN ") && !Contains(plain, "PRIVATE KEY-----")) continue;
    if (!IsCredentialLiteral(plain)) continue;
    const std::string path = "data." + key;
    sink.Report(path, &value,
                k8s::ObjectLabel(resource) + " holds a secret in " + path +
                    " (a ConfigMap, readable by everyone who may read the namespace's "
                    "configuration): " +
                    RedactedFor(plain, metadata().id, resource, path));
  }
}

const engine::RuleMetadata& K8sSecretManifestRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void K8sSecretManifestRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (engine::k8s::KindOf(resource) == "ConfigMap") {
    CheckConfigMap(resource, sink);
    return;
  }
  const engine::Value* type_value = resource.Get("type");
  const std::string secret_type =
      type_value != nullptr && type_value->is_string() ? type_value->as_string() : "";
  for (const char* field : {"data", "stringData"}) {
    const engine::Value* entries = resource.Get(field);
    if (entries == nullptr || !entries->is_map()) continue;
    const bool encoded = std::string_view(field) == "data";
    for (const auto& [key, value] : entries->as_map()) {
      if (!value.is_string()) continue;
      std::string plain = value.as_string();
      if (encoded) {
        std::optional<std::string> decoded = DecodeBase64(plain);
        if (!decoded) continue;
        plain = std::move(*decoded);
      }
      const std::string what = DescribeSecretEntry(key, plain, secret_type);
      if (what.empty()) continue;
      const std::string path = std::string(field) + "." + key;
      sink.Report(path, &value,
                  k8s::ObjectLabel(resource) + " holds " + what + " in " + path + ": " +
                      RedactedFor(plain, metadata().id, resource, path));
    }
  }
}

}  // namespace faultline::rules
