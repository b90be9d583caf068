// LiveExportKind: which command printed a live-state export file.
//
// A live export is recognised by its shape (its top-level keys), never by its file name, so a
// snapshot directory may name its files freely. The kinds are the outputs of
// `kubectl get <kinds> -A -o json` (a List, or a single object) and of the aws CLI commands that
// faultline maps to Terraform resource types (see docs/live-state.md).
#ifndef FAULTLINE_PARSERS_LIVE_LIVE_EXPORT_KIND_H_
#define FAULTLINE_PARSERS_LIVE_LIVE_EXPORT_KIND_H_

#include <cstdint>
#include <string_view>

namespace faultline::parsers::live {

enum class LiveExportKind : uint8_t {
  kUnknown,                          // not JSON, or a shape faultline does not read
  kKubernetesList,                   // kubectl get ... -o json: a List or a single object
  kAwsRdsDbInstances,                // aws rds describe-db-instances            (DBInstances)
  kAwsRdsDbClusters,                 // aws rds describe-db-clusters             (DBClusters)
  kAwsEc2Instances,                  // aws ec2 describe-instances               (Reservations)
  kAwsEc2SecurityGroups,             // aws ec2 describe-security-groups         (SecurityGroups)
  kAwsEc2Subnets,                    // aws ec2 describe-subnets                 (Subnets)
  kAwsEc2Vpcs,                       // aws ec2 describe-vpcs                    (Vpcs)
  kAwsElastiCacheReplicationGroups,  // aws elasticache describe-replication-groups
  kAwsAutoScalingGroups,             // aws autoscaling describe-auto-scaling-groups
  kAwsEksNodegroup,                  // aws eks describe-nodegroup               (nodegroup)
  kAwsIamAuthorizationDetails,       // aws iam get-account-authorization-details
  kAwsS3Buckets,                     // aws s3api list-buckets                   (Buckets)
};

// The command that prints this kind, e.g. "aws rds describe-db-instances",
// "kubectl get -o json"; "unknown" for kUnknown.
std::string_view LiveExportKindName(LiveExportKind kind);

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_LIVE_EXPORT_KIND_H_
