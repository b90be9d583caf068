// Helpers of the structural secret rules (rules/secrets/*): is a value a literal written in the
// file (not a variable, a reference or a function of one), could it be a credential, and how a
// finding names it without leaking it.
#ifndef FAULTLINE_RULES_COMMON_LITERAL_SECRETS_H_
#define FAULTLINE_RULES_COMMON_LITERAL_SECRETS_H_

#include <functional>
#include <string>
#include <string_view>

#include "engine/resource.h"
#include "engine/value.h"

namespace faultline::rules {

// True when `value` is a string written as a literal inside `within` (the attribute or block
// that holds it): its source text (origin, else range) lies in `within` and is a quoted string
// or a heredoc without interpolation (`${`, `%{`). A value that came from a variable, a local,
// another resource or a function call has its origin elsewhere or is not a quoted literal.
bool IsLiteralStringIn(const engine::Value& value, const engine::SourceRange& within);

// True when a literal could be a credential: at least 4 bytes, not a placeholder or a reference
// (secrets::LooksLikePlaceholder / LooksLikeReference), a named test double ("mock..."), or a
// digit-free identifier of separated words or constant that names a credential rather than
// being one ("NO_TOKEN", "secret-data"; a single lowercase word such as "secretsquirrels" is
// a value),
// no `$(VAR)` expansion, not a URL
// without user information, and not a slash-separated path or name without a random shape
// ("prod/db/credentials": the secret's name in a store).
bool IsCredentialLiteral(std::string_view value);

// Calls `visit(path, key, value)` for every string leaf of `value` (maps and lists, recursively)
// whose nearest map key is secret-ish (secrets::IsSecretishName). `path` extends `prefix` with
// ".key" and "[index]" steps.
void ForEachSecretishString(const engine::Value& value, const std::string& prefix,
                            const std::function<void(const std::string& path, std::string_view key,
                                                     const engine::Value& leaf)>& visit);

// The redacted form of `secret` for a finding of `rule_id` on `resource` at `attribute_path`
// (the fingerprint FindingSink::Report will give it): "abcd… (12 chars, fp 1a2b3c4d)".
std::string RedactedFor(std::string_view secret, const std::string& rule_id,
                        const engine::Resource& resource, const std::string& attribute_path);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_LITERAL_SECRETS_H_
