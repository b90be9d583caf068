// IamWildcardActionRule (FL-IAM-0001, iam-wildcard-action).
//
// An IAM policy statement allows every action (`"Action": "*"`). Policies are read wherever
// Terraform writes them: the policy attributes of IAM, resource-policy and key resources
// (JSON from `jsonencode`, heredocs or `file`), `inline_policy` blocks and
// `assume_role_policy` of aws_iam_role, and the `statement` blocks (plus source and override
// documents) of `data "aws_iam_policy_document"`, which is reported on the data source itself
// because the resources that use its `json` only see an Unknown value.
#ifndef FAULTLINE_RULES_IAM_WILDCARD_ACTION_WILDCARD_ACTION_H_
#define FAULTLINE_RULES_IAM_WILDCARD_ACTION_WILDCARD_ACTION_H_

#include "engine/rule.h"

namespace faultline::rules {

class IamWildcardActionRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_IAM_WILDCARD_ACTION_WILDCARD_ACTION_H_
