// SecretRuleMetadata: the built-in secret rules described as engine::RuleMetadata.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/secrets/secret_scanner.h"
#include "rules/secrets/secret_rules.h"

namespace faultline::engine::secrets {

namespace {

RuleMetadata Describe(const SecretRuleSpec& spec) {
  RuleMetadata m;
  m.id = spec.id;
  m.name = spec.name;
  m.severity = spec.severity;
  m.title = spec.title;
  m.summary = spec.title + " committed in clear text.";
  m.why = !spec.why.empty()
              ? spec.why
              : "Anyone who can read the repository, its clones and forks, CI logs or packages "
                "built from it can use the " +
                    spec.kind +
                    "; deleting the line does not revoke it, and the value stays in git history.";
  m.remediation =
      !spec.remediation.empty()
          ? spec.remediation
          : "Revoke or rotate the " + spec.kind +
                " at its issuer now, remove it from the file and from git history, and supply "
                "it at run time from a secret manager or the environment. If the value is a "
                "deliberate test fixture, allowlist its fingerprint in .faultline.yaml or mark "
                "the line with `faultline:ignore " +
                spec.id + "`.";
  m.example_fix =
      "# Terraform: declare the value, never its literal\n"
      "variable \"db_password\" {\n"
      "  type      = string\n"
      "  sensitive = true  # supplied as TF_VAR_db_password by the pipeline's secret store\n"
      "}\n"
      "\n"
      "# Shell / CI: read it from the environment the secret store fills in\n"
      "export API_TOKEN=\"${API_TOKEN:?set API_TOKEN from the secret store}\"\n";
  m.references = std::vector<std::string>(spec.references.begin(), spec.references.end());
  m.scope.origins.clear();
  m.scope.kinds.clear();
  return m;
}

}  // namespace

const std::vector<RuleMetadata>& SecretRuleMetadata() {
  static const std::vector<RuleMetadata> kMetadata = [] {
    std::vector<RuleMetadata> all;
    RuleMetadata capped;
    capped.id = kFindingsCappedId;
    capped.name = "secrets-findings-capped";
    capped.severity = Severity::kMedium;
    capped.title = "Too many secret findings in one file";
    capped.summary =
        "A file held more secret findings than the per-file limit, so only the "
        "first ones are reported.";
    capped.why =
        "Secrets beyond the limit are not listed individually; a file with that many "
        "matches is usually generated data or a dump that should not be in the "
        "repository at all.";
    capped.remediation =
        "Remove or exclude the file, or fix the reported secrets and scan "
        "again to see the rest.";
    capped.scope.origins.clear();
    capped.scope.kinds.clear();
    all.push_back(std::move(capped));
    for (const SecretRuleSpec& spec : rules::secrets::BuiltinSecretRules()) {
      all.push_back(Describe(spec));
    }
    std::sort(all.begin(), all.end(),
              [](const RuleMetadata& a, const RuleMetadata& b) { return a.id < b.id; });
    return all;
  }();
  return kMetadata;
}

}  // namespace faultline::engine::secrets
