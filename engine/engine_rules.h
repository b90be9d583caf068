// The engine's own diagnostics (FL-ENG-*), described with the same metadata as rules so that
// `faultline rules list` and docs/rules.md cover them. They are reported by the engine itself
// (parser, loader, evaluator), never by the rule runner.
#ifndef FAULTLINE_ENGINE_ENGINE_RULES_H_
#define FAULTLINE_ENGINE_ENGINE_RULES_H_

#include <vector>

#include "engine/rule.h"

namespace faultline::engine {

inline constexpr const char kSyntaxErrorId[] = "FL-ENG-0001";      // engine-syntax-error
inline constexpr const char kFileSkippedId[] = "FL-ENG-0002";      // engine-file-skipped
inline constexpr const char kEvaluationErrorId[] = "FL-ENG-0003";  // engine-evaluation-error
inline constexpr const char kLimitExceededId[] = "FL-ENG-0004";    // engine-limit-exceeded
inline constexpr const char kModuleNotLoadedId[] = "FL-ENG-0005";  // engine-module-not-loaded
inline constexpr const char kDuplicateKeyId[] = "FL-ENG-0006";     // engine-duplicate-key
inline constexpr const char kInvalidObjectId[] = "FL-ENG-0007";    // engine-invalid-object
inline constexpr const char kNotRenderedId[] = "FL-ENG-0008";      // engine-kustomize-not-rendered
// FL-ENG-0009..0019: suppressions and project configuration.
inline constexpr const char kUnusedSuppressionId[] = "FL-ENG-0009";  // engine-unused-suppression
inline constexpr const char kSuppressionWithoutReasonId[] =
    "FL-ENG-0010";  // engine-suppression-without-reason
// FL-ENG-0020..0029: the secret scan.
inline constexpr const char kSecretScanSkippedId[] = "FL-ENG-0020";  // engine-secret-scan-skipped

// Builds an engine finding: severity and name from the metadata of `id`; the fingerprint hashes
// the id, the file path and `discriminator` (by default the message), never line numbers.
Finding MakeEngineFinding(std::string_view id, SourceRange range, std::string message,
                          std::string discriminator = {});

// Metadata of every FL-ENG-* diagnostic, in id order.
const std::vector<RuleMetadata>& EngineRuleMetadata();
// The metadata for one FL-ENG id; nullptr when unknown.
const RuleMetadata* FindEngineRule(std::string_view id);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_ENGINE_RULES_H_
