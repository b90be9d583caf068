// IamWildcardResourceRule (FL-IAM-0002, iam-wildcard-resource).
//
// An identity policy statement allows write or permission-management actions on every resource
// (`"Resource": "*"`). Write actions are those whose name starts with Put, Delete, Update,
// Modify, Attach, Detach, Remove, Replace, Set, Terminate, Revoke, Authorize, Add, Write,
// Upload, Disable or Reset; permission-management actions are every IAM, Organizations and SSO
// action that does not read (Get, List, Describe, Generate, Simulate), plus kms:CreateGrant.
// Service wildcards (`s3:*`) and patterns that can match such an action (`s3:Put*`, `s3:*Object`)
// count; read-only actions (Describe*, Get*, List*), Create actions outside IAM, and the few
// write actions AWS only grants on "*" (cloudwatch:PutMetricData, xray:PutTraceSegments,
// xray:PutTelemetryRecords) do not. The bare `*` action is FL-IAM-0001's. Only identity
// policies are read (aws_iam_policy, role/user/group policies, inline role policies, SSO
// permission sets, and aws_iam_policy_document statements without principals): in resource
// policies "*" means the resource the policy is attached to.
#ifndef FAULTLINE_RULES_IAM_WILDCARD_RESOURCE_WILDCARD_RESOURCE_H_
#define FAULTLINE_RULES_IAM_WILDCARD_RESOURCE_WILDCARD_RESOURCE_H_

#include "engine/rule.h"

namespace faultline::rules {

class IamWildcardResourceRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_IAM_WILDCARD_RESOURCE_WILDCARD_RESOURCE_H_
