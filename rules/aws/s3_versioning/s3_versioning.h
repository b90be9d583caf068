// S3VersioningRule (FL-AWS-0019, aws-s3-versioning).
//
// An S3 bucket does not have versioning enabled.
//
// Buckets whose names match the default state patterns (see rules/common/aws_s3_versioning.h) are
// left to FL-AWS-0018, which reports them at high severity.
#ifndef FAULTLINE_RULES_AWS_S3_VERSIONING_S3_VERSIONING_H_
#define FAULTLINE_RULES_AWS_S3_VERSIONING_S3_VERSIONING_H_

#include "engine/rule.h"

namespace faultline::rules {

class S3VersioningRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_S3_VERSIONING_S3_VERSIONING_H_
