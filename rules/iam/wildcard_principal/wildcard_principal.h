// IamWildcardPrincipalRule (FL-IAM-0003, iam-wildcard-principal).
//
// A resource or trust policy allows any principal (`"Principal": "*"` or `{"AWS": "*"}`) without
// a condition that restricts who the caller is. Policies are read wherever Terraform writes
// them (bucket, KMS, SQS, SNS, ECR, Glacier, Secrets Manager, OpenSearch and other resource
// policies, `assume_role_policy`, aws_iam_policy_document `principals` blocks), plus
// aws_lambda_permission with `principal = "*"` and no source_arn, source_account or
// principal_org_id. An IAM principal ARN that names no account (empty or wildcard account, or
// none at all: `arn:aws:iam::*:root`, `arn:aws:iam::root`) counts as any principal. A condition restricts the caller when it
// tests an identity or origin key (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceVpce,
// aws:SourceIp, ...) with a positive operator and specific values; negated operators
// (ArnNotEquals), ForAllValues and ...IfExists (both true when the key is absent, as for an
// anonymous caller), Null, wildcard values and keys that do not identify the caller
// (aws:SecureTransport, s3:x-amz-acl, ...) do not. Unknown principals or conditions decide
// nothing.
#ifndef FAULTLINE_RULES_IAM_WILDCARD_PRINCIPAL_WILDCARD_PRINCIPAL_H_
#define FAULTLINE_RULES_IAM_WILDCARD_PRINCIPAL_WILDCARD_PRINCIPAL_H_

#include "engine/rule.h"

namespace faultline::rules {

class IamWildcardPrincipalRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_IAM_WILDCARD_PRINCIPAL_WILDCARD_PRINCIPAL_H_
