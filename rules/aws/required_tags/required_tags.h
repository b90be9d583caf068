// AwsRequiredTagsRule (FL-AWS-0050, aws-required-tags).
//
// A taggable AWS resource lacks one or more of the tags listed in the `required_tags` option (off
// until tags are configured). Tags set by the `default_tags` block of the aws providers of the root
// module count, but only when every such provider sets them; a resource whose `tags`, or a provider
// whose default tags, are Unknown is not reported for tags that might hide there. Taggable means
// one of the common AWS resource types listed in required_tags.cc, each of which has a `tags`
// argument in the AWS provider schema (aws_autoscaling_group, whose tags are `tag` blocks that
// default_tags do not reach, is left out).
#ifndef FAULTLINE_RULES_AWS_REQUIRED_TAGS_REQUIRED_TAGS_H_
#define FAULTLINE_RULES_AWS_REQUIRED_TAGS_REQUIRED_TAGS_H_

#include "engine/rule.h"

namespace faultline::rules {

class AwsRequiredTagsRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_REQUIRED_TAGS_REQUIRED_TAGS_H_
