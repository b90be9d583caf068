// Heuristics shared by the regex secret rules and the structural ones (Terraform attributes,
// Kubernetes env entries, Secret manifests): is a key name secret-ish, does a value look like a
// placeholder or a reference rather than a literal secret, how random is it.
//
// Every function takes raw bytes (any encoding, possibly invalid UTF-8), never allocates more
// than a copy of its input, and is thread-safe.
#ifndef FAULTLINE_ENGINE_SECRETS_SECRET_HEURISTICS_H_
#define FAULTLINE_ENGINE_SECRETS_SECRET_HEURISTICS_H_

#include <string_view>

namespace faultline::engine::secrets {

// Shannon entropy of the byte distribution of `value`, in bits per byte (0 for "", at most 8).
// "aaaa" -> 0, "abcd" -> 2, a random base64 string of 40 chars -> about 5.
double ShannonEntropy(std::string_view value);

// True when a key / attribute / variable name says its value is a credential: it contains a word
// such as password, passwd, pwd, passphrase, secret, token, credential(s), or a pair such as
// api key, access key, private key, secret key, auth key, client secret, master key, signing key,
// encryption key. Names are split into words at `_`, `-`, `.`, spaces and camelCase humps
// ("rootPassword", "DB_PASSWORD", "aws-secret-access-key"). Names that describe a credential
// rather than hold one are not secret-ish: a last word such as arn, name, length, ttl, type,
// version, path, file, url, policy, rotation, enabled, count, spec, status, id ("kms_key_id",
// "secret_name", "password_length", "token_ttl"), or a first word that is a verb such as update,
// change, reset, generate, require, allow, enable, rotate, random ("update_password",
// "AllowUsersToChangePassword", "random_password"), except "secret_id" (alone or after vault,
// approle, role) which Vault AppRole uses for a credential.
bool IsSecretishName(std::string_view key);

// True when `value` is obviously not a literal credential: empty, all one character ("xxxxxxxx",
// "********"), a template or interpolation ("${...}", "{{ ... }}", "<...>", "%(...)s", "#{...}",
// "$VAR", "%VAR%"), a known placeholder word or containing one ("changeme", "example",
// "placeholder", "dummy", "redacted", "your...", "xxxx", "****", "..."), a common non-secret
// word used as a value ("password", "secret", "true", "null", "none", "string"), or a reference
// (see LooksLikeReference). Weak passwords ("root", "abc123", "hunter2") are not placeholders:
// they are literal credentials, only weak ones.
bool LooksLikePlaceholder(std::string_view value);

// True when `value` is a reference to a value kept elsewhere rather than the value itself:
// Terraform expressions (var.x, local.x, module.m.out, data.t.n.attr, each.value, self.x,
// aws_db_instance.main.password, function calls such as file("x") or random_password()),
// environment lookups (process.env.X, os.environ["X"], os.getenv("X"), env.X, ENV["X"],
// secrets.X), and secret-store locators (arn:aws:..., vault:..., ref+..., projects/*/secrets/*,
// sm://...).
bool LooksLikeReference(std::string_view value);

// True when `value` has the shape of a generated credential rather than of a word, a name, a
// path or a URL: no whitespace or control characters; not a URL ("://"), an absolute or
// relative path, a file name with a common extension, an e-mail address, a number, a date or a
// version; not a single-case identifier of separated words and numbers ("prod-db-01",
// "my_app_key_v2", "RSA_2048"); and mixing
// letters with digits (or upper and lower case with punctuation, or upper and lower case over
// at least 20 characters). The caller applies its own length and entropy thresholds.
bool HasRandomShape(std::string_view value);

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_SECRET_HEURISTICS_H_
