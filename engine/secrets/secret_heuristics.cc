#include "engine/secrets/secret_heuristics.h"

#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/string_hash.h"

namespace faultline::engine::secrets {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsIdentChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '_' || c == '-'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char ToLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ToLower(c);
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}
bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Splits a name into lowercase words at non-alphanumerics and camelCase humps:
// "rootPassword" -> root, password; "APIKey" -> api, key; "DB_PASSWORD" -> db, password.
std::vector<std::string> SplitWords(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&]() {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c)) {
      flush();
      continue;
    }
    if (IsAsciiUpper(c) && !current.empty()) {
      const char prev = name[i - 1];
      const bool next_lower = i + 1 < name.size() && IsAsciiLower(name[i + 1]);
      if (IsAsciiLower(prev) || IsAsciiDigit(prev) || (IsAsciiUpper(prev) && next_lower)) flush();
    }
    current.push_back(ToLower(c));
  }
  flush();
  return words;
}

// Word stems that make a single word secret-ish wherever they appear in it ("dbpassword").
constexpr std::array<std::string_view, 12> kSecretStems = {
    "password",  "passwd",    "passphrase", "secret",  "token",      "apikey",
    "accesskey", "secretkey", "privatekey", "authkey", "credential", "signingkey",
};
// Whole words that are secret-ish on their own.
constexpr std::array<std::string_view, 5> kSecretWords = {"pwd", "pass", "creds", "pw", "psk"};
// Words that precede "key" in a secret-ish pair ("api key", "access key").
constexpr std::array<std::string_view, 13> kKeyQualifiers = {
    "api",     "access",  "private", "secret", "auth",   "master",     "signing",
    "account", "license", "app",     "shared", "client", "encryption",
};
// Words that contain a stem but do not name a credential.
constexpr std::array<std::string_view, 5> kStemFalseFriends = {
    "secretsmanager", "secretmanager", "tokenizer", "tokenization", "passport",
};
// Last words that make a name describe a credential rather than hold one.
constexpr std::array<std::string_view, 67> kDescriptiveLastWords = {
    "arn",      "arns",     "name",        "names",      "length",     "len",       "ttl",
    "type",     "types",    "version",     "versions",   "path",       "paths",     "file",
    "files",    "filename", "url",         "uri",        "urls",       "endpoint",  "policy",
    "policies", "rotation", "enabled",     "enable",     "count",      "id",        "ids",
    "prefix",   "suffix",   "format",      "header",     "field",      "ref",       "reference",
    "location", "hash",     "mode",        "required",   "min",        "max",       "minimum",
    "maximum",  "age",      "expiry",      "expiration", "expires",    "duration",  "period",
    "interval", "days",     "reuse",       "lowercase",  "uppercase",  "numbers",   "symbols",
    "special",  "selector", "description", "label",      "annotation", "namespace", "provider",
    "manager",  "spec",     "source",      "status",
};

bool ContainsAny(std::string_view text, const auto& parts) {
  for (std::string_view part : parts) {
    if (Contains(text, part)) return true;
  }
  return false;
}
bool EqualsAny(std::string_view text, const auto& words) {
  for (std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

bool IsSecretishWord(std::string_view word) {
  if (EqualsAny(word, kSecretWords)) return true;
  if (ContainsAny(word, kStemFalseFriends)) return false;
  return ContainsAny(word, kSecretStems);
}

// "var.x", "module.db.password", "aws_db_instance.main.password", "each.value["k"]".
bool LooksLikeTerraformReference(std::string_view value) {
  size_t dot = value.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view head = value.substr(0, dot);
  for (char c : head) {
    if (!IsAsciiLower(c) && !IsAsciiDigit(c) && c != '_') return false;
  }
  for (char c : value) {
    if (!IsIdentChar(c) && c != '.' && c != '[' && c != ']' && c != '"' && c != '*') return false;
  }
  static constexpr std::array<std::string_view, 9> kRoots = {
      "var", "local", "module", "data", "each", "self", "count", "path", "terraform"};
  if (EqualsAny(head, kRoots)) return true;
  // A resource type (provider prefix + underscore) followed by a name and an attribute.
  size_t dots = 0;
  for (char c : value) dots += c == '.';
  return Contains(head, "_") && IsAsciiLower(head.front()) && dots >= 2;
}

}  // namespace

double ShannonEntropy(std::string_view value) {
  if (value.empty()) return 0.0;
  std::array<uint32_t, 256> counts{};
  for (unsigned char c : value) ++counts[c];
  double entropy = 0.0;
  const double n = static_cast<double>(value.size());
  for (uint32_t count : counts) {
    if (count == 0) continue;
    const double p = count / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

namespace {

bool ComputeIsSecretishName(std::string_view key) {
  std::vector<std::string> words = SplitWords(key);
  if (words.empty()) return false;
  bool secretish = false;
  for (size_t i = 0; i < words.size() && !secretish; ++i) {
    if (IsSecretishWord(words[i])) secretish = true;
    if (i + 1 < words.size() && words[i + 1] == "key" && EqualsAny(words[i], kKeyQualifiers)) {
      secretish = true;
    }
    if (i + 1 < words.size() && words[i] == "client" && words[i + 1] == "secret") secretish = true;
  }
  if (!secretish) return false;
  // A name that starts with a verb names a setting or an action about the credential
  // ("update_password: on_create", "AllowUsersToChangePassword", "reset_password_token_ttl").
  static constexpr std::array<std::string_view, 14> kLeadingVerbs = {
      "update", "change",  "reset",  "generate", "require", "requires", "allow",
      "enable", "disable", "manage", "rotate",   "expire",  "force",    "random",
  };
  if (words.size() >= 2 && EqualsAny(words.front(), kLeadingVerbs)) return false;
  const std::string& last = words.back();
  // Vault AppRole's secret_id is a credential; "secretsmanager_secret_id" names one.
  if (last == "id" && words.size() >= 2 && words[words.size() - 2] == "secret" &&
      (words.size() == 2 || words[words.size() - 3] == "vault" ||
       words[words.size() - 3] == "approle" || words[words.size() - 3] == "role")) {
    return true;
  }
  if (EqualsAny(last, kDescriptiveLastWords)) return false;
  return true;
}

}  // namespace

bool IsSecretishName(std::string_view key) {
  // The same names come back for every resource and variable of a scan (rules call this for
  // each attribute), and the answer takes a word split: remember each thread's answers for
  // short names, up to a bound.
  constexpr size_t kMaxNameBytes = 64;
  constexpr size_t kMaxNames = 4096;
  thread_local std::unordered_map<std::string, bool, StringHash, std::equal_to<>> answers;
  if (key.size() > kMaxNameBytes) return ComputeIsSecretishName(key);
  if (auto it = answers.find(key); it != answers.end()) return it->second;
  bool answer = ComputeIsSecretishName(key);
  if (answers.size() < kMaxNames) answers.emplace(std::string(key), answer);
  return answer;
}

bool LooksLikeReference(std::string_view value) {
  value = Trim(value);
  if (value.empty()) return false;
  if (LooksLikeTerraformReference(value)) return true;
  const std::string lower = Lowercase(value);
  static constexpr std::array<std::string_view, 12> kLocatorPrefixes = {
      "arn:",          "vault:",          "ref+",  "sm://",     "ssm:",   "awskms:", "gcpkms://",
      "azurekeyvault", "secretsmanager:", "op://", "keyvault:", "bws://",
  };
  for (std::string_view prefix : kLocatorPrefixes) {
    if (StartsWith(lower, prefix)) return true;
  }
  if (StartsWith(lower, "projects/") && Contains(lower, "/secrets/")) return true;
  static constexpr std::array<std::string_view, 11> kLookups = {
      "process.env", "os.environ", "getenv(", "env[",    "env.get(",  "environment.get",
      "secrets.",    "vars.",      "lookup(", "secret(", "valuefrom",
  };
  if (ContainsAny(lower, kLookups)) return true;
  if (StartsWith(lower, "env.")) return true;
  // $NAME, ${NAME}, $(command).
  if (value.front() == '$' && value.size() > 1 &&
      (IsAsciiAlpha(value[1]) || value[1] == '_' || value[1] == '{' || value[1] == '(')) {
    return true;
  }
  // %NAME% (Windows environment).
  if (value.size() > 2 && value.front() == '%' && value.back() == '%') return true;
  // A function call: name(...) such as file("x"), random_password(), base64decode(var.x).
  if (value.back() == ')') {
    size_t open = value.find('(');
    if (open != std::string_view::npos && open > 0) {
      bool identifier = true;
      for (char c : value.substr(0, open)) {
        if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '_' && c != '.' && c != ':') {
          identifier = false;
        }
      }
      if (identifier) return true;
    }
  }
  return false;
}

bool LooksLikePlaceholder(std::string_view value) {
  value = Trim(value);
  while (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
         value.back() == value.front()) {
    value = Trim(value.substr(1, value.size() - 2));
  }
  if (value.empty()) return true;
  bool all_same = true;
  for (char c : value) all_same = all_same && c == value.front();
  if (all_same) return true;
  if (value.front() == '<' && value.back() == '>') return true;
  if (value.front() == '{' && value.back() == '}') return true;
  if (value.front() == '[' && value.back() == ']' && value.size() > 2 &&
      (value[1] == '[' || IsAsciiUpper(value[1]))) {
    return true;
  }
  static constexpr std::array<std::string_view, 12> kTemplateMarkers = {
      "${", "{{", "}}", "<%", "%>", "%{", "#{", "$(", "%(", "[[", "]]", "@@",
  };
  if (ContainsAny(value, kTemplateMarkers)) return true;
  if (LooksLikeReference(value)) return true;
  const std::string lower = Lowercase(value);
  static constexpr std::array<std::string_view, 34> kPlaceholderParts = {
      "changeme",     "change_me",    "change-me",    "changethis",   "change_this", "example",
      "placeholder",  "dummy",        "redacted",     "xxxx",         "****",        "...",
      "\xe2\x80\xa6", "your_",        "your-",        "yourpass",     "yoursecret",  "yourtoken",
      "yourkey",      "yourapikey",   "replace_me",   "replaceme",    "replace-me",  "insert_",
      "insert-",      "fake",         "sample",       "notreal",      "not_real",    "not-real",
      "notasecret",   "not_a_secret", "not-a-secret", "\xe2\x80\xa2",
  };
  if (ContainsAny(lower, kPlaceholderParts)) return true;
  // Instructions rather than values: "YourPasswordHere", "your.token".
  if (StartsWith(lower, "your")) return true;
  // Words that stand for "no value" or name the field rather than fill it. Weak passwords
  // ("root", "abc123", "hunter2", "qwerty") are not here: written into a password they are
  // hard-coded credentials, only weak ones.
  static constexpr std::array<std::string_view, 31> kNonSecretWords = {
      "password", "secret", "token", "pass",      "passwd",   "user",       "username", "default",
      "none",     "null",   "nil",   "undefined", "true",     "false",      "yes",      "no",
      "string",   "value",  "empty", "secretkey", "apikey",   "sensitive",  "required", "optional",
      "unset",    "todo",   "n/a",   "mytoken",   "mysecret", "mypassword", "str",
  };
  return EqualsAny(lower, kNonSecretWords);
}

bool HasRandomShape(std::string_view value) {
  if (value.empty()) return false;
  bool lower = false, upper = false, digit = false, other = false;
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
    if (IsAsciiLower(c)) {
      lower = true;
    } else if (IsAsciiUpper(c)) {
      upper = true;
    } else if (IsAsciiDigit(c)) {
      digit = true;
    } else {
      other = true;
    }
  }
  if (Contains(value, "://")) return false;
  if (value.front() == '/' || StartsWith(value, "./") || StartsWith(value, "../") ||
      StartsWith(value, "~/")) {
    return false;
  }
  const std::string lower_value = Lowercase(value);
  static constexpr std::array<std::string_view, 22> kExtensions = {
      ".pem", ".key", ".crt", ".cer", ".json", ".yaml", ".yml", ".txt", ".tf",  ".sh",  ".py",
      ".js",  ".ts",  ".go",  ".xml", ".html", ".conf", ".cfg", ".ini", ".env", ".p12", ".pfx",
  };
  for (std::string_view extension : kExtensions) {
    if (EndsWith(lower_value, extension)) return false;
  }
  // e-mail address: local@domain.tld
  const size_t at = value.find('@');
  if (at != std::string_view::npos && at > 0 && value.find('.', at) != std::string_view::npos &&
      value.find('@', at + 1) == std::string_view::npos) {
    bool email = true;
    for (char c : value) {
      email = email && (IsIdentChar(c) || c == '.' || c == '@' || c == '+');
    }
    if (email) return false;
  }
  // Numbers, dates, versions: digits with separators only.
  bool numeric = true;
  for (char c : value) {
    numeric = numeric && (IsAsciiDigit(c) || c == '.' || c == '-' || c == ':' || c == '_' ||
                          c == 'v' || c == 'V' || c == '+');
  }
  if (numeric) return false;
  // Single-case identifiers made of words and numbers: "prod-db-01", "my_app_key",
  // "kube-system", "RSA_2048", "AES_256_GCM".
  if (!upper || !lower) {
    bool identifier = true;
    size_t segments = 0, word_segments = 0, plain_segments = 0;
    size_t start = 0;
    for (size_t i = 0; i <= value.size(); ++i) {
      if (i == value.size() || value[i] == '-' || value[i] == '_' || value[i] == '.') {
        std::string_view segment = value.substr(start, i - start);
        if (!segment.empty()) {
          ++segments;
          bool letters = true, digits = true;
          for (char c : segment) {
            letters = letters && IsAsciiAlpha(c);
            digits = digits && IsAsciiDigit(c);
          }
          word_segments += letters && segment.size() >= 3;
          plain_segments += letters || digits;
        }
        start = i + 1;
        continue;
      }
      identifier = identifier && (IsAsciiAlpha(value[i]) || IsAsciiDigit(value[i]));
    }
    if (identifier && segments >= 2 &&
        (plain_segments == segments || word_segments * 2 >= segments)) {
      return false;
    }
  }
  if (digit && (lower || upper)) return true;
  if (upper && lower && other) return true;
  return upper && lower && value.size() >= 20;
}

}  // namespace faultline::engine::secrets
