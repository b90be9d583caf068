// OpensearchSingleAzRule (FL-AWS-0010, aws-opensearch-single-az).
//
// An OpenSearch/Elasticsearch domain is not zone-aware, or its data nodes cannot survive the loss
// of a zone (a single node, fewer than 3 nodes without dedicated masters, or a count that does not
// divide evenly over its zones).
//
// One finding per domain, for the first problem found in that order.
#ifndef FAULTLINE_RULES_AWS_OPENSEARCH_SINGLE_AZ_OPENSEARCH_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_OPENSEARCH_SINGLE_AZ_OPENSEARCH_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class OpensearchSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_OPENSEARCH_SINGLE_AZ_OPENSEARCH_SINGLE_AZ_H_
