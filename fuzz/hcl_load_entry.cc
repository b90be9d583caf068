#include "fuzz/hcl_load_entry.h"

#include <string>
#include <utility>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/scan.h"
#include "rules/registry.h"

namespace faultline::fuzz {
namespace {

bool IsFingerprint(const std::string& text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string Describe(const engine::Finding& finding) {
  std::string file = finding.range.file ? finding.range.file->path() : "<no file>";
  return finding.rule_id + " at " + file + " [" + std::to_string(finding.range.begin) + ", " +
         std::to_string(finding.range.end) + "): " + finding.message;
}

std::string CheckFinding(const engine::Finding& finding) {
  if (finding.rule_id.empty()) return "finding without a rule id: " + Describe(finding);
  if (!finding.range.valid()) return "finding without a file: " + Describe(finding);
  if (finding.range.begin > finding.range.end || finding.range.end > finding.range.file->size()) {
    return "finding range outside its file: " + Describe(finding);
  }
  if (!IsFingerprint(finding.fingerprint)) {
    return "finding fingerprint is not 16 hex digits (\"" + finding.fingerprint +
           "\"): " + Describe(finding);
  }
  for (const engine::RelatedLocation& related : finding.related) {
    if (related.range.valid() && (related.range.begin > related.range.end ||
                                  related.range.end > related.range.file->size())) {
      return "related location outside its file: " + Describe(finding);
    }
  }
  return "";
}

}  // namespace

engine::Limits FuzzLimits() {
  engine::Limits limits;
  limits.max_file_bytes = 1u << 20;
  limits.max_module_depth = 4;
  limits.max_expression_depth = 64;
  limits.max_eval_steps = 200'000;
  limits.max_collection_elements = 10'000;
  limits.max_string_bytes = 1u << 20;
  limits.max_instances = 1'000;
  limits.max_template_file_bytes = 64u << 10;
  return limits;
}

HclLoadOutcome RunHclLoad(std::string_view input) {
  // Built once: rules are stateless and the list is only read.
  static const engine::RuleList* const rules = new engine::RuleList(rules::CreateAllRules());

  engine::OverlayFileProvider files;
  files.Set(std::string(kFuzzInputPath), std::string(input));
  engine::ScanOptions options;
  options.paths = {std::string(kFuzzInputDirectory)};
  options.jobs = 1;
  options.limits = FuzzLimits();

  engine::ScanResult result = engine::Scan(options, files, *rules);

  HclLoadOutcome outcome;
  for (const engine::Finding& finding : result.findings)
    outcome.rule_ids.push_back(finding.rule_id);
  if (!result.input_errors.empty()) {
    outcome.violation = "the scan reported a request error: " + result.input_errors.front();
    return outcome;
  }
  for (size_t i = 0; i < result.findings.size(); ++i) {
    outcome.violation = CheckFinding(result.findings[i]);
    if (!outcome.violation.empty()) return outcome;
    if (i > 0 && engine::FindingLess(result.findings[i], result.findings[i - 1])) {
      outcome.violation = "findings are not sorted: " + Describe(result.findings[i - 1]) +
                          " before " + Describe(result.findings[i]);
      return outcome;
    }
  }
  return outcome;
}

}  // namespace faultline::fuzz
