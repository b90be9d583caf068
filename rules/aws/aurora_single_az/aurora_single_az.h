// AuroraSingleAzRule (FL-AWS-0006, aws-aurora-single-az).
//
// An Aurora cluster has a single instance, or its instances or DB subnet group sit in fewer than
// `min_azs_stateful` (default 2) Availability Zones.
//
// Instances are the aws_rds_cluster_instance resources whose cluster_identifier refers to the
// cluster (through the graph, or by its literal identifier), each count/for_each instance counted.
// The rule stays silent when membership cannot be known: an instance whose cluster_identifier or
// count is Unknown, or a module call that refers to the cluster.
#ifndef FAULTLINE_RULES_AWS_AURORA_SINGLE_AZ_AURORA_SINGLE_AZ_H_
#define FAULTLINE_RULES_AWS_AURORA_SINGLE_AZ_AURORA_SINGLE_AZ_H_

#include "engine/rule.h"

namespace faultline::rules {

class AuroraSingleAzRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_AWS_AURORA_SINGLE_AZ_AURORA_SINGLE_AZ_H_
