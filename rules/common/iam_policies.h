// Where AWS IAM policies live in Terraform, for the FL-IAM rules.
//
// A policy is a JSON attribute of an IAM, resource-policy or key resource (`policy`,
// `assume_role_policy`, `access_policies`, `inline_policy[i].policy` of aws_iam_role, ...) or
// the statement blocks and source/override documents of `data "aws_iam_policy_document"`, which
// rules report on the data source itself because resources using its `json` only see an Unknown
// value. StatementsOf returns the statements of every policy a resource holds (see
// engine/helpers/iam_policy.h for the statement model and its Unknown handling). Pure and
// thread-safe; the statements point into the resource, which must outlive them.
#ifndef FAULTLINE_RULES_COMMON_IAM_POLICIES_H_
#define FAULTLINE_RULES_COMMON_IAM_POLICIES_H_

#include <string>
#include <vector>

#include "engine/helpers/iam_policy.h"
#include "engine/resource.h"
#include "engine/rule.h"

namespace faultline::rules {

// The resource types holding AWS policies, data "aws_iam_policy_document" included.
const std::vector<std::string>& IamPolicyResourceTypes();

// The statements of every policy the resource holds; empty for other types.
std::vector<engine::IamStatement> StatementsOf(const engine::Resource& resource);

// "policy statement 2 (Sid \"Admin\")" for a JSON document, "statement 2" for a statement block.
std::string DescribeStatement(const engine::IamStatement& statement);

// Reports on the statement: a JSON document's policy attribute (path "policy.Statement[1]"), or
// the statement block ("statement[1]").
void ReportStatement(const engine::IamStatement& statement, std::string message,
                     engine::FindingSink& sink);

// True when `pattern` (an IAM action or resource pattern with `*` and `?`) matches `text`,
// ignoring case.
bool IamWildcardMatch(std::string_view pattern, std::string_view text);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_IAM_POLICIES_H_
