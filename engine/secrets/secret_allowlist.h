// SecretAllowlist: what a project declares is not a secret (.faultline.yaml `secrets.allowlist`).
//
// The configuration loader fills it; the secret scan applies it. A file whose path matches one of
// `path_globs` is not searched for secrets; a secret whose matched text fully or partly matches one
// of `regexes` (RE2) is dropped; a secret finding whose fingerprint is listed is dropped.
#ifndef FAULTLINE_ENGINE_SECRETS_SECRET_ALLOWLIST_H_
#define FAULTLINE_ENGINE_SECRETS_SECRET_ALLOWLIST_H_

#include <string>
#include <vector>

namespace faultline::engine::secrets {

struct SecretAllowlist {
  std::vector<std::string> path_globs;    // relative to the scan root, `**` allowed
  std::vector<std::string> regexes;       // RE2 syntax, validated by the config loader
  std::vector<std::string> fingerprints;  // 16-hex-digit finding fingerprints
};

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_SECRET_ALLOWLIST_H_
