#include "rules/common/literal_secrets.h"

#include <algorithm>

#include "engine/finding.h"
#include "engine/secrets/secret_heuristics.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::rules {

namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool HasInterpolation(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '$' || text[i] == '%') && text[i + 1] == '{') {
      if (i > 0 && text[i - 1] == text[i]) continue;  // "$${" and "%%{" are escapes
      return true;
    }
  }
  return false;
}

void Visit(
    const engine::Value& value, const std::string& path, std::string_view key,
    const std::function<void(const std::string&, std::string_view, const engine::Value&)>& visit) {
  if (value.is_string()) {
    if (!key.empty() && engine::secrets::IsSecretishName(key)) visit(path, key, value);
    return;
  }
  if (value.is_map()) {
    for (const auto& [k, v] : value.as_map()) {
      Visit(v, path.empty() ? k : path + "." + k, k, visit);
    }
    return;
  }
  if (value.is_list()) {
    const engine::ValueList& list = value.as_list();
    for (size_t i = 0; i < list.size(); ++i) {
      Visit(list[i], path + "[" + std::to_string(i) + "]", key, visit);
    }
  }
}

}  // namespace

bool IsLiteralStringIn(const engine::Value& value, const engine::SourceRange& within) {
  if (!value.is_string() || !within.valid()) return false;
  const engine::SourceRange at = value.origin().valid() ? value.origin() : value.range();
  if (!at.valid() || at.file != within.file || at.begin < within.begin || at.end > within.end) {
    return false;
  }
  const std::string& text = at.file->text();
  if (at.end > text.size() || at.begin >= at.end) return false;
  std::string_view written = Trim(std::string_view(text).substr(at.begin, at.end - at.begin));
  // A whole `name = expr` attribute: look at the expression.
  if (!written.empty() && written.front() != '"' && !written.starts_with("<<")) {
    size_t equals = written.find('=');
    if (equals == std::string_view::npos) return false;
    written = Trim(written.substr(equals + 1));
  }
  if (written.size() >= 2 && written.front() == '"' && written.back() == '"') {
    return !HasInterpolation(written.substr(1, written.size() - 2));
  }
  if (written.starts_with("<<")) return !HasInterpolation(written);
  return false;
}

bool IsCredentialLiteral(std::string_view value) {
  if (value.size() < 4) return false;
  if (engine::secrets::LooksLikePlaceholder(value) || engine::secrets::LooksLikeReference(value)) {
    return false;
  }
  if (value.find("$(") != std::string_view::npos) return false;
  // Test doubles named as such ("mock_access_key", "MockSecret1").
  std::string lower(value);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower.find("mock") != std::string::npos) return false;
  // A value that names a credential instead of being one: an identifier of separated words
  // or a constant, with no digit ("NO_TOKEN", "secret-data", "avoid-plaintext-passwords",
  // "spotinst_token", "SECRET"). A single lowercase word such as "secretsquirrels" is a
  // password, not a name.
  const bool names_credential =
      std::none_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (value.find_first_of("_-.") != std::string_view::npos ||
       std::none_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  if (names_credential && engine::secrets::IsSecretishName(value)) return false;
  // A path or name with slashes ("prod/db/credentials") names a secret kept elsewhere.
  if (value.find('/') != std::string_view::npos && value.find(' ') == std::string_view::npos &&
      !engine::secrets::HasRandomShape(value)) {
    return false;
  }
  const size_t scheme = value.find("://");
  if (scheme != std::string_view::npos && value.find('@', scheme) == std::string_view::npos) {
    return false;
  }
  return true;
}

void ForEachSecretishString(const engine::Value& value, const std::string& prefix,
                            const std::function<void(const std::string& path, std::string_view key,
                                                     const engine::Value& leaf)>& visit) {
  std::string_view key = prefix;
  if (size_t dot = key.rfind('.'); dot != std::string_view::npos) key.remove_prefix(dot + 1);
  Visit(value, prefix, key, visit);
}

std::string RedactedFor(std::string_view secret, const std::string& rule_id,
                        const engine::Resource& resource, const std::string& attribute_path) {
  const std::string fingerprint =
      engine::ComputeFingerprint(rule_id, resource.module_dir, resource.address, attribute_path);
  return engine::secrets::RedactSecret(secret, fingerprint);
}

}  // namespace faultline::rules
