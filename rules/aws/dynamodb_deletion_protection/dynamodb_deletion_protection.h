// DynamodbDeletionProtectionRule (FL-AWS-0004, aws-dynamodb-deletion-protection).
//
// A DynamoDB table can be deleted by a single API call or `terraform destroy`
// (`deletion_protection_enabled` is false or not set).
#ifndef FAULTLINE_RULES_AWS_DYNAMODB_DELETION_PROTECTION_DYNAMODB_DELETION_PROTECTION_H_
#define FAULTLINE_RULES_AWS_DYNAMODB_DELETION_PROTECTION_DYNAMODB_DELETION_PROTECTION_H_

#include "engine/rule.h"

namespace faultline::rules {

class DynamodbDeletionProtectionRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_DYNAMODB_DELETION_PROTECTION_DYNAMODB_DELETION_PROTECTION_H_
