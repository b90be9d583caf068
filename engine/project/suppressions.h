// Inline suppressions: `faultline:ignore` comments and the `faultline.dev/ignore` annotation.
//
// Comment syntax (HCL `#` and `//`, YAML `#`, and `#`/`//` in any other scanned text file):
//   # faultline:ignore FL-AWS-0001, aws-rds-no-backups -- the reason
// Rule ids or names, separated by commas or spaces, then `--` and a reason. Without ids the
// comment covers every rule. A comment after code on the same line targets that line; a comment
// on a line of its own targets the next line that is neither blank nor a comment (so stacked
// comments above a block all apply to it).
// What a target line covers:
//   - every finding whose range starts on that line (attributes, secrets, engine diagnostics);
//   - when it is a block or object header (the first line of a Terraform block, of a Kubernetes
//     document or its `kind:` line), every finding of that resource: findings inside its range
//     and findings reported for its address elsewhere; for a module call, the findings of the
//     resources inside the module as well.
// Annotation: `metadata.annotations["faultline.dev/ignore"]: "FL-K8S-0001,FL-K8S-0002 -- why"`
// covers those rules for every finding of the object.
// A suppression without a reason still works but is reported (FL-ENG-0010, low); one that covers
// no finding is reported (FL-ENG-0009, low) unless it names only rules that did not run. The
// secret scanner drops secrets on a `faultline:ignore` line itself; such a comment is not
// reported unused when the secret scanner finds a secret it covers on that line.
#ifndef FAULTLINE_ENGINE_PROJECT_SUPPRESSIONS_H_
#define FAULTLINE_ENGINE_PROJECT_SUPPRESSIONS_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/resource_graph.h"
#include "engine/source_file.h"

namespace faultline::engine::project {

inline constexpr const char kIgnoreAnnotation[] = "faultline.dev/ignore";

struct Suppression {
  SourceRange marker;                // the comment from `faultline:ignore`, or the annotation entry
  std::vector<std::string> rules;    // ids or names; empty = every rule
  std::string reason;                // "" when none was given
  uint32_t target_line = 0;          // 0-based; comments only
  bool has_target = false;           // false for a comment with no code line after it
  const Resource* object = nullptr;  // the annotated object (annotations only)
};

// The suppression comments of one file, in order.
std::vector<Suppression> ParseSuppressionComments(const SourceFile& file);

// Parses "FL-A, name -- reason" (the text after the marker, or an annotation value).
void ParseSuppressionText(std::string_view text, Suppression* out);

struct SuppressionScope {
  // Ids and names of the rules that ran, plus the engine's and the secret scanner's.
  std::set<std::string, std::less<>> ran;
  bool every_rule_ran = true;  // false when rules were selected or disabled
};

// Removes the suppressed findings from `*findings` and appends FL-ENG-0009 / FL-ENG-0010
// findings. Returns the number of findings removed.
size_t ApplySuppressions(const std::vector<std::unique_ptr<SourceFile>>& files,
                         const ResourceGraph& graph, const SuppressionScope& scope,
                         std::vector<Finding>* findings);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_SUPPRESSIONS_H_
