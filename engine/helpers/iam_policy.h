// IAM policy statements, normalised from wherever Terraform writes them.
//
// A policy reaches the graph in one of three shapes: a JSON string (`jsonencode({...})`, a
// heredoc, `file("policy.json")`), a map shaped like the JSON document (`jsondecode(...)`,
// a local holding the object), or the `statement` blocks of a `data "aws_iam_policy_document"`
// (a list of maps with `effect`, `actions`, `principals { type identifiers }`, ...). The helpers
// here turn each into the same IamStatement list, so every IAM rule (wildcard actions,
// NotAction with Allow, Resource "*", Principal "*") reads one model.
//
// Unknown is kept, never guessed: an element that is Unknown sets `has_unknown` on its list
// and an Unknown effect is IamEffect::kUnknown; rules decide with the known elements only and
// report nothing that depends on an Unknown. JSON is parsed without exceptions; text that is not
// a JSON object (or is nested deeper than kMaxIamJsonDepth) yields IamPolicyStatus::kNotAPolicy;
// trailing commas before `]` or `}` (a common heredoc slip) are tolerated.
//
// Every statement, and every list present in it, points (`at`, `attribute_path`) at the Value a
// finding about it is reported against: for JSON policies the policy attribute itself, with a
// path into the document ("policy.Statement[0].Action"); for policy documents the statement
// block or its attribute ("statement[0].actions"). Pointers refer into the Value passed in,
// which must outlive the result. All functions are pure and thread-safe.
#ifndef FAULTLINE_ENGINE_HELPERS_IAM_POLICY_H_
#define FAULTLINE_ENGINE_HELPERS_IAM_POLICY_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/value.h"

namespace faultline::engine {

inline constexpr int kMaxIamJsonDepth = 64;

enum class IamEffect : uint8_t { kAllow, kDeny, kUnknown };

// A list of strings as IAM writes it ("Action": "s3:GetObject" or [...]; `actions = [...]`).
struct IamStringList {
  bool present = false;             // the key or attribute is written (and not null)
  bool has_unknown = false;         // the list itself, or at least one element, is Unknown
  std::vector<std::string> values;  // the known string elements, in order
  const Value* at = nullptr;        // where to report (set when present)
  std::string attribute_path;       // "statement[0].actions", "policy.Statement[0].Action"

  // True when a known element equals `text` exactly.
  bool Contains(std::string_view text) const;
};

// One principal entry: type "AWS", "Service", "Federated", "CanonicalUser", or "*" for the
// bare `"Principal": "*"`.
struct IamPrincipal {
  std::string type;
  bool type_unknown = false;
  IamStringList identifiers;
};

struct IamPrincipalList {
  bool present = false;
  bool has_unknown = false;  // the list, an entry, a type or an identifier is Unknown
  std::vector<IamPrincipal> entries;
  const Value* at = nullptr;
  std::string attribute_path;
};

// One condition test: the operator ("StringEquals", "ForAnyValue:StringLike"), the key
// ("aws:PrincipalOrgID") and its values. JSON `Condition` maps and document `condition` blocks
// (test, variable, values) both become a list of these.
struct IamCondition {
  std::string op;
  std::string key;
  IamStringList values;
};

struct IamStatement {
  size_t index = 0;  // 0-based position in its policy
  std::string sid;   // "" when absent or Unknown
  bool sid_unknown = false;
  IamEffect effect = IamEffect::kAllow;  // an absent Effect / effect counts as Allow
  IamStringList actions;
  IamStringList not_actions;
  IamStringList resources;
  IamStringList not_resources;
  IamPrincipalList principals;
  IamPrincipalList not_principals;
  bool has_condition = false;            // a non-empty Condition / condition block (Unknown counts)
  std::vector<IamCondition> conditions;  // the known condition tests, in order
  bool conditions_unknown = false;       // the Condition, an operator or a key is Unknown
  // Where a finding about the whole statement is reported, and its attribute path
  // ("policy.Statement[0]", "inline_policy[0].policy.Statement[1]", "statement[1]").
  const Value* at = nullptr;
  std::string attribute_path;
  // The attribute holding the statement's policy: the JSON document ("policy",
  // "inline_policy[0].policy", "source_policy_documents[1]") or the statement blocks
  // ("statement"). Statements of one JSON document share it (and `at`).
  std::string policy_path;
};

enum class IamPolicyStatus : uint8_t {
  kOk,          // statements parsed (the list may still be empty)
  kUnknown,     // the policy (or its statement list) is Unknown
  kNotAPolicy,  // not JSON, not an object, no usable Statement, or null/absent
};

struct IamPolicy {
  IamPolicyStatus status = IamPolicyStatus::kNotAPolicy;
  std::vector<IamStatement> statements;
};

// Statements of a JSON policy held in `policy`: a string holding JSON, or a map shaped like the
// JSON document (`Statement` key). Every statement reports at `policy`; paths start with
// `attribute_path` (the attribute holding the policy).
IamPolicy IamStatementsIn(const Value& policy, std::string_view attribute_path = "policy");

// Statements of `statement` blocks as an aws_iam_policy_document data source holds them: a list
// of maps with sid, effect, actions, not_actions, resources, not_resources, principals,
// not_principals (lists of maps with type and identifiers) and condition. `attribute_path` is the
// list's path ("statement"); statements get "statement[i]", their lists "statement[i].actions".
IamPolicy IamDocumentStatementsIn(const Value& statements,
                                  std::string_view attribute_path = "statement");

// The effective statements of a whole aws_iam_policy_document data source (its attributes map):
// `source_policy_documents` (JSON strings), then its `statement` blocks, then
// `override_policy_documents`, where a later statement with the same non-empty Sid replaces an
// earlier one (as the AWS provider merges them). A statement that a statement with an Unknown
// Sid might replace is left out, as are documents that are Unknown or not JSON.
std::vector<IamStatement> IamPolicyDocumentStatements(const Value& attributes);

// A GCP IAM binding granting a role to a member: from the JSON `policy_data` of a
// google_*_iam_policy resource ({"bindings": [{"role": ..., "members": [...]}]}).
struct GcpBindingMember {
  std::string role;
  std::string member;
};

// The (role, member) pairs of a known JSON GCP policy, in order; empty when the text is Unknown,
// not JSON, or holds no bindings. Unknown roles or members are left out.
std::vector<GcpBindingMember> GcpPolicyMembers(const Value& policy_data);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_HELPERS_IAM_POLICY_H_
