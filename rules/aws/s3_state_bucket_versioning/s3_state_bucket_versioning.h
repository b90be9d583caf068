// S3StateBucketVersioningRule (FL-AWS-0018, aws-s3-state-bucket-versioning).
//
// An S3 bucket whose name marks it as holding state (`*tfstate*`, `*terraform-state*`, `*backup*`,
// ...) does not have versioning enabled.
//
// The name is the bucket's known `bucket` (or `bucket_prefix`), matched against the
// `state_bucket_patterns` option; versioning comes from the inline block or a linked
// aws_s3_bucket_versioning (rules/common/aws_s3_versioning.h).
#ifndef FAULTLINE_RULES_AWS_S3_STATE_BUCKET_VERSIONING_S3_STATE_BUCKET_VERSIONING_H_
#define FAULTLINE_RULES_AWS_S3_STATE_BUCKET_VERSIONING_S3_STATE_BUCKET_VERSIONING_H_

#include "engine/rule.h"

namespace faultline::rules {

class S3StateBucketVersioningRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_S3_STATE_BUCKET_VERSIONING_S3_STATE_BUCKET_VERSIONING_H_
