// SecretScanner: finds committed credentials in the text of any file, from rules kept as data
// (SecretRuleSpec), and reports them as findings that never contain the credential itself.
//
// Build one scanner per process (compiling the rules costs milliseconds) and share it: Scan is
// const and thread-safe. Per file, one keyword pass (KeywordMatcher) selects the lines each rule
// can match in; only those lines are searched with the rule's RE2 regex. Work is linear in the
// file size (RE2 never backtracks); the findings per file are capped (with a notice finding).
//
// Every finding:
//  - has a FL-SEC-* rule id, the rule's name and severity (low for documented example values);
//  - is located at the secret's exact byte range (a PEM block at its BEGIN line);
//  - has a message naming the kind of secret and showing only the redacted form
//    (RedactSecret: first characters, length, fingerprint prefix);
//  - has fingerprint ComputeFingerprint(rule id, file path, "", SecretDigest(secret)), so a
//    baseline entry survives edits that move the secret, and the secret is never stored;
//  - leaves module_dir, resource_address, attribute_path and related empty.
#ifndef FAULTLINE_ENGINE_SECRETS_SECRET_SCANNER_H_
#define FAULTLINE_ENGINE_SECRETS_SECRET_SCANNER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/finding.h"
#include "engine/rule.h"
#include "engine/secrets/secret_rule.h"
#include "engine/source_file.h"

namespace faultline::engine::secrets {

// Id of the notice reported when a file has more findings than the cap.
inline constexpr const char kFindingsCappedId[] = "FL-SEC-0000";

struct SecretScanOptions {
  // At most this many secret findings per file; one FL-SEC-0000 notice says when more exist.
  uint32_t max_findings_per_file = 100;
  // Files whose content IsProbablyBinary are skipped (no findings, summary.binary set).
  bool skip_binary = true;
  // A line containing `faultline:ignore` suppresses the secrets reported on it; when ids or
  // names follow (`faultline:ignore FL-SEC-0003,secret-jwt`), only those rules.
  bool honor_inline_ignore = true;
  // Rule ids or names to run; empty = all.
  std::vector<std::string> enabled_rules;
  // When non-empty, only secrets starting on these 0-based lines (inclusive ranges) are
  // reported, e.g. the lines a commit added (`scan --git-history`).
  std::vector<std::pair<uint32_t, uint32_t>> line_ranges;
};

struct SecretScanSummary {
  bool binary = false;            // skipped: binary content
  uint32_t reported = 0;          // secret findings appended (the notice not counted)
  uint32_t capped = 0;            // further secrets found but not reported (cap); 0 = none
  uint32_t regions_searched = 0;  // regex searches run (for benchmarks and tests)
};

struct SecretScannerConfig {
  std::vector<SecretRuleSpec> rules;  // usually rules::secrets::BuiltinSecretRules()
  // RE2 regexes (partial match on the secret value): a secret matching one is not reported.
  // For `.faultline.yaml` allowlists.
  std::vector<std::string> allow_regexes;
};

class SecretScanner {
 public:
  // The built-in rules (rules::secrets::BuiltinSecretRules()), no allowlist.
  SecretScanner();
  // Rules or allowlist entries whose regex does not compile are left out and described in
  // errors(); the rest work.
  explicit SecretScanner(SecretScannerConfig config);
  ~SecretScanner();
  SecretScanner(const SecretScanner&) = delete;
  SecretScanner& operator=(const SecretScanner&) = delete;

  // Appends the secrets found in `file` to `out` (unsorted; callers sort with FindingLess).
  // Findings point into `file`, which must outlive them. Never throws on any input (invalid
  // UTF-8, NUL bytes, huge lines).
  SecretScanSummary Scan(const SourceFile& file, std::vector<Finding>* out,
                         const SecretScanOptions& options = {}) const;

  // The rules in effect (in priority order) and any configuration errors.
  const std::vector<SecretRuleSpec>& rules() const;
  const std::vector<std::string>& errors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Metadata of the built-in rules and of the FL-SEC-0000 notice, in id order, for
// `faultline rules list` and the docs.
const std::vector<RuleMetadata>& SecretRuleMetadata();

// The redacted form used in messages: the first min(4, size/2) characters (bytes outside
// printable ASCII shown as '?'), an ellipsis, the length in bytes and the first 8 hex digits
// of the finding's fingerprint: "AKIA… (20 chars, fp 3f2a9c1d)".
std::string RedactSecret(std::string_view secret, std::string_view fingerprint);

// A 16-hex-digit digest of a secret value (FNV-1a 64 with a domain prefix): the fingerprint's
// discriminator, so the fingerprint depends on the value without containing it.
std::string SecretDigest(std::string_view secret);

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_SECRET_SCANNER_H_
