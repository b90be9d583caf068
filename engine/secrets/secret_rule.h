// SecretRuleSpec: one regex secret rule as data. Adding a rule is adding one entry (with its
// true- and false-positive examples) to the table in rules/secrets/secret_rules.cc; the test
// suite runs every entry's examples through the scanner.
//
// How a rule matches (see SecretScanner):
//  1. Prefilter: one Aho-Corasick pass over the file finds every keyword occurrence. A keyword
//     written in lowercase matches case-insensitively; a keyword containing an uppercase letter
//     matches exactly ("AKIA", "SG."). Only the lines around a keyword of the rule (the keyword's
//     line plus `lines - 1` following lines) are searched with the rule's regex.
//  2. The regex (RE2 syntax, no lookarounds or backreferences) is searched in those lines. Named
//     groups give meaning to parts of the match:
//       secret, secret_*  the credential (the first such group that took part in the match;
//                         the whole match when there is none): it is redacted, hashed into the
//                         fingerprint, measured for entropy and checked against the allowlists;
//       range             the reported range when it differs from the secret (a PEM block is
//                         reported from its BEGIN line);
//       key, key_*        the name the value is assigned to (the first such group that took
//                         part in the match), named in the message and, with
//                         kRequireSecretishKey, required to satisfy IsSecretishName;
//       user              the user of a URL credential; a password equal to it is ignored.
//  3. Checks on the secret: length within [min_length, max_length], ShannonEntropy >=
//     min_entropy, the flags in `checks`, no match of an `allow` regex (partial match on the
//     secret). A secret matching `example_regex` (e.g. AWS's documentation keys) is reported at
//     low severity instead of the rule's severity.
// When two rules report overlapping ranges, the rule listed first wins (generic rules are last).
#ifndef FAULTLINE_ENGINE_SECRETS_SECRET_RULE_H_
#define FAULTLINE_ENGINE_SECRETS_SECRET_RULE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/severity.h"

namespace faultline::engine::secrets {

// Checks a rule can ask for, combined as a bit set in SecretRuleSpec::checks.
enum SecretCheck : uint32_t {
  kNoChecks = 0,
  kRejectPlaceholder = 1u << 0,    // LooksLikePlaceholder(secret) -> not reported
  kRequireSecretishKey = 1u << 1,  // the `key` group must satisfy IsSecretishName
  kRequireRandomShape = 1u << 2,   // HasRandomShape(secret) must hold
};

struct SecretRuleSpec {
  std::string id = {};     // "FL-SEC-0001": stable, never renumbered or reused
  std::string name = {};   // "secret-aws-access-key-id"
  std::string title = {};  // "AWS access key ID" (listings, docs)
  std::string kind = {};   // "aws access key id": names the secret in messages (lowercase)
  Severity severity = Severity::kHigh;
  std::vector<std::string> keywords = {};  // prefilter literals; see the case rule above
  std::string regex = {};                  // RE2 syntax
  uint32_t lines = 1;                      // lines a match may span, counting the keyword's line
  uint32_t min_length = 1;                 // bytes of the secret
  uint32_t max_length = 4096;
  double min_entropy = 0.0;  // bits per byte (ShannonEntropy)
  uint32_t checks = kNoChecks;
  std::vector<std::string> allow = {};  // RE2 regexes: a secret matching one is not reported
  std::string example_regex = {};       // RE2: a secret matching it is a documented example (low)
  std::vector<std::string> true_positives = {};   // texts in which the rule must report a secret
  std::vector<std::string> false_positives = {};  // texts in which it must report nothing
  std::string why = {};          // optional: the failure mode (a family default otherwise)
  std::string remediation = {};  // optional: full sentences (a family default otherwise)
  std::vector<std::string> references = {};
  // The structural rule (rules/secrets) this rule approximates on text, when there is one: in a
  // scan that parsed and evaluated the file, the structural rule's verdict stands and this
  // rule's findings in that file are dropped; files searched as text only (--secrets-only,
  // files no loader reads) keep them.
  std::string structural_twin = {};
};

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_SECRET_RULE_H_
