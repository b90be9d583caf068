#include "parsers/live/live_export_kind.h"

namespace faultline::parsers::live {

std::string_view LiveExportKindName(LiveExportKind kind) {
  switch (kind) {
    case LiveExportKind::kUnknown:
      return "unknown";
    case LiveExportKind::kKubernetesList:
      return "kubectl get -o json";
    case LiveExportKind::kAwsRdsDbInstances:
      return "aws rds describe-db-instances";
    case LiveExportKind::kAwsRdsDbClusters:
      return "aws rds describe-db-clusters";
    case LiveExportKind::kAwsEc2Instances:
      return "aws ec2 describe-instances";
    case LiveExportKind::kAwsEc2SecurityGroups:
      return "aws ec2 describe-security-groups";
    case LiveExportKind::kAwsEc2Subnets:
      return "aws ec2 describe-subnets";
    case LiveExportKind::kAwsEc2Vpcs:
      return "aws ec2 describe-vpcs";
    case LiveExportKind::kAwsElastiCacheReplicationGroups:
      return "aws elasticache describe-replication-groups";
    case LiveExportKind::kAwsAutoScalingGroups:
      return "aws autoscaling describe-auto-scaling-groups";
    case LiveExportKind::kAwsEksNodegroup:
      return "aws eks describe-nodegroup";
    case LiveExportKind::kAwsIamAuthorizationDetails:
      return "aws iam get-account-authorization-details";
    case LiveExportKind::kAwsS3Buckets:
      return "aws s3api list-buckets";
  }
  return "unknown";
}

}  // namespace faultline::parsers::live
