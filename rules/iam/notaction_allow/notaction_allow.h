// IamNotactionAllowRule (FL-IAM-0004, iam-notaction-allow).
//
// A policy statement combines `"Effect": "Allow"` with `NotAction` or `NotResource`, allowing
// everything except what it lists. Policies are read wherever Terraform writes them (see
// rules/common/iam_policies.h), `not_actions`/`not_resources` of aws_iam_policy_document
// included. Statements whose effect is Unknown decide nothing.
#ifndef FAULTLINE_RULES_IAM_NOTACTION_ALLOW_NOTACTION_ALLOW_H_
#define FAULTLINE_RULES_IAM_NOTACTION_ALLOW_NOTACTION_ALLOW_H_

#include "engine/rule.h"

namespace faultline::rules {

class IamNotactionAllowRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_IAM_NOTACTION_ALLOW_NOTACTION_ALLOW_H_
