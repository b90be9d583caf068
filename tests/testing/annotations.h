// Inline expectations in fixture files.
//
// A fixture is real Terraform (or YAML); what a rule must report is written next to it as a
// comment in the file's own syntax (`#` or `//`):
//
//   resource "aws_db_instance" "bad" {
//     multi_az = false
//     # expect: FL-AWS-0001 "not Multi-AZ"
//   }
//
// `expect: RULE-ID` optionally followed by a double-quoted message substring (`\"` and `\\`
// escape) refers to the nearest line above it that is not itself an expectation, so several
// expectations can stack under one line. A caret before `expect:` pins the column: the caret's
// byte position in the comment line is the expected 1-based column of the finding's start.
//
//   multi_az = false
//   #          ^ expect: FL-AWS-0001
//
// Where the nearest line above cannot hold a comment (inside a heredoc), `expect@-N:` refers to
// the line N lines above the annotation and `expect@+N:` to the line N lines below it:
//
//   # expect@+1: FL-IAM-0001
//   policy = <<EOF
//
// Malformed annotations are errors (never silently ignored).
#ifndef FAULTLINE_TESTS_TESTING_ANNOTATIONS_H_
#define FAULTLINE_TESTS_TESTING_ANNOTATIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::testing {

struct Expectation {
  std::string file;                // the path given to ParseExpectations
  uint32_t line = 0;               // 1-based line the finding must start on
  std::optional<uint32_t> column;  // 1-based byte column (caret form only)
  std::string rule_id;
  std::string message_substring;  // "" matches any message
  uint32_t annotation_line = 0;   // 1-based line of the comment itself
};

struct ParsedExpectations {
  std::vector<Expectation> expectations;
  std::vector<std::string> errors;  // "path:line: reason"
};

ParsedExpectations ParseExpectations(std::string_view path, std::string_view text);

// A finding as the matcher sees it (1-based line and byte column).
struct ActualFinding {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string rule_id;
  std::string message;
};

struct MatchResult {
  std::vector<Expectation> missing;       // expected, not found
  std::vector<ActualFinding> unexpected;  // found, not expected
  bool ok() const { return missing.empty() && unexpected.empty(); }
};

// Pairs expectations with findings one to one: same file, line and rule, the column when the
// expectation pins one, and the message containing the substring. The most specific
// expectations are paired first.
MatchResult MatchFindings(const std::vector<Expectation>& expectations,
                          const std::vector<ActualFinding>& findings);

std::string Describe(const Expectation& expectation);
std::string Describe(const ActualFinding& finding);

}  // namespace faultline::testing

#endif  // FAULTLINE_TESTS_TESTING_ANNOTATIONS_H_
