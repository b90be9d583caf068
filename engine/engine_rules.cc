#include "engine/engine_rules.h"

namespace faultline::engine {

namespace {

RuleMetadata Make(const char* id, const char* name, Severity severity, const char* title,
                  const char* summary, const char* why, const char* remediation) {
  RuleMetadata m;
  m.id = id;
  m.name = name;
  m.severity = severity;
  m.title = title;
  m.summary = summary;
  m.why = why;
  m.remediation = remediation;
  m.scope.origins.clear();
  m.scope.kinds.clear();
  return m;
}

}  // namespace

const std::vector<RuleMetadata>& EngineRuleMetadata() {
  static const std::vector<RuleMetadata> kRules = {
      Make(kSyntaxErrorId, "engine-syntax-error", Severity::kHigh, "File has a syntax error",
           "A file could not be parsed completely, so part of it was not analysed.",
           "Blocks after a syntax error may be missing from the analysis, so problems in them go "
           "unreported; Terraform itself will refuse the file.",
           "Fix the syntax error at the reported position; `terraform validate` gives the same "
           "verdict."),
      Make(kFileSkippedId, "engine-file-skipped", Severity::kMedium, "File was skipped",
           "A file was not analysed because it could not be read, is larger than the size limit, "
           "is binary, is not valid UTF-8 or needs more parser memory than the per-file limit.",
           "Anything in a skipped file is invisible to the scan.",
           "Make the file readable and valid UTF-8, or raise the limit with `--max-file-size` "
           "(or `--max-parse-memory`), or exclude the file with `--exclude` if it should not be "
           "scanned."),
      Make(kEvaluationErrorId, "engine-evaluation-error", Severity::kMedium,
           "Expression could not be evaluated",
           "An expression failed to evaluate (a type error, a bad function argument, a cycle "
           "between locals), so the values that depend on it are unknown.",
           "Rules never report on unknown values, so problems that depend on this expression go "
           "unreported; Terraform would reject the configuration too.",
           "Fix the expression at the reported position."),
      Make(kLimitExceededId, "engine-limit-exceeded", Severity::kMedium,
           "Evaluation limit exceeded",
           "Evaluation stopped at a safety limit (steps, nesting depth, collection size, string "
           "size, instances or module depth), so the values beyond it are unknown.",
           "Limits keep hostile or runaway configurations from exhausting memory or time; the "
           "values cut off are treated as unknown and not analysed.",
           "Simplify the expression, or raise the limit if the configuration is legitimate."),
      Make(kModuleNotLoadedId, "engine-module-not-loaded", Severity::kInfo,
           "Module source not available",
           "A module call refers to a source that is not available locally (a registry or git "
           "module without `terraform init`), so its outputs are unknown.",
           "Resources inside the module are not analysed, and values taken from its outputs are "
           "unknown.",
           "Run `terraform init` so that `.terraform/modules/modules.json` lists the module's "
           "directory, or scan the module's source directly."),
      Make(kDuplicateKeyId, "engine-duplicate-key", Severity::kLow, "Duplicate key",
           "A YAML or JSON mapping repeats a key; only the last value is used.",
           "Kubernetes keeps the last value of a repeated key, so an earlier setting (a probe, a "
           "limit, a replica count) silently disappears; reviewers usually read the first one.",
           "Remove the repeated key so that the manifest says one thing."),
      Make(kInvalidObjectId, "engine-invalid-object", Severity::kMedium,
           "Invalid Kubernetes object",
           "A document has `apiVersion` and `kind` but is not a valid object (for example it has "
           "no `metadata.name`), so it is not analysed.",
           "The API server would reject the object, and rules cannot name or relate it.",
           "Give the object a `metadata.name` (or `generateName`) and a well-formed `metadata`."),
      Make(
          kNotRenderedId, "engine-kustomize-not-rendered", Severity::kInfo,
          "Kustomization not rendered",
          "A directory holds a kustomization, but `kubectl kustomize` could not render it (kubectl "
          "is not on PATH, or rendering failed), so its raw files were scanned instead.",
          "Patches, name prefixes, labels and generated objects of the kustomization are not "
          "seen, so selectors and replica counts may differ from what is deployed.",
          "Install kubectl (or put it on PATH) so that faultline can render the kustomization, "
          "or scan the output of `kubectl kustomize DIR` through `faultline scan -`."),
      Make(kUnusedSuppressionId, "engine-unused-suppression", Severity::kLow,
           "Suppression matches no finding",
           "A `faultline:ignore` comment or `faultline.dev/ignore` annotation names rules that "
           "report nothing where it applies.",
           "A stale suppression hides the next real problem at that place without anyone "
           "deciding to; a mistyped rule id suppresses nothing at all.",
           "Remove the suppression, or correct its rule ids and its placement (on the finding's "
           "line, on the block header line, or on the line above either)."),
      Make(kSuppressionWithoutReasonId, "engine-suppression-without-reason", Severity::kLow,
           "Suppression gives no reason",
           "A `faultline:ignore` comment or `faultline.dev/ignore` annotation suppresses findings "
           "without saying why.",
           "Reviewers and later maintainers cannot tell an accepted risk from a shortcut, so "
           "suppressions without reasons accumulate and are never revisited.",
           "Add the reason after two dashes: `# faultline:ignore FL-AWS-0001 -- replica in "
           "another region covers this`. The suppression works either way."),
      Make(kSecretScanSkippedId, "engine-secret-scan-skipped", Severity::kInfo,
           "File not searched for secrets",
           "A file under the scan paths was not searched for secrets because it is larger than "
           "the size limit or could not be read.",
           "Credentials in the file go unreported; large text files in a repository are often "
           "dumps or generated data that should not be committed at all.",
           "Remove or exclude the file (`--exclude`, or an allowlist path glob in "
           "`.faultline.yaml`), or raise the limit with `--max-file-size`."),
  };
  return kRules;
}

Finding MakeEngineFinding(std::string_view id, SourceRange range, std::string message,
                          std::string discriminator) {
  Finding finding;
  const RuleMetadata* rule = FindEngineRule(id);
  finding.rule_id = std::string(id);
  if (rule != nullptr) {
    finding.rule_name = rule->name;
    finding.severity = rule->severity;
  }
  finding.range = range;
  finding.message = std::move(message);
  std::string path = range.file ? range.file->path() : "";
  finding.fingerprint = ComputeFingerprint(finding.rule_id, path, "",
                                           discriminator.empty() ? finding.message : discriminator);
  return finding;
}

const RuleMetadata* FindEngineRule(std::string_view id) {
  for (const RuleMetadata& m : EngineRuleMetadata()) {
    if (m.id == id || m.name == id) return &m;
  }
  return nullptr;
}

}  // namespace faultline::engine
