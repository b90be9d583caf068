// DynamodbPitrRule (FL-AWS-0005, aws-dynamodb-pitr).
//
// A DynamoDB table has no point-in-time recovery (`point_in_time_recovery { enabled = true }` is
// missing or false).
#ifndef FAULTLINE_RULES_AWS_DYNAMODB_PITR_DYNAMODB_PITR_H_
#define FAULTLINE_RULES_AWS_DYNAMODB_PITR_DYNAMODB_PITR_H_

#include "engine/rule.h"

namespace faultline::rules {

class DynamodbPitrRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_DYNAMODB_PITR_DYNAMODB_PITR_H_
