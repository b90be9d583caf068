#include "parsers/live/aws_export.h"

#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;

namespace {

struct Shape {
  const char* key;  // the top-level key that identifies the command's output
  LiveExportKind kind;
};

// In the order they are tried. get-account-authorization-details is recognised by its detail
// lists, not by "Policies" alone (which `aws iam list-policies` also prints, without documents).
constexpr Shape kShapes[] = {
    {"DBInstances", LiveExportKind::kAwsRdsDbInstances},
    {"DBClusters", LiveExportKind::kAwsRdsDbClusters},
    {"Reservations", LiveExportKind::kAwsEc2Instances},
    {"SecurityGroups", LiveExportKind::kAwsEc2SecurityGroups},
    {"Subnets", LiveExportKind::kAwsEc2Subnets},
    {"Vpcs", LiveExportKind::kAwsEc2Vpcs},
    {"ReplicationGroups", LiveExportKind::kAwsElastiCacheReplicationGroups},
    {"AutoScalingGroups", LiveExportKind::kAwsAutoScalingGroups},
    {"nodegroup", LiveExportKind::kAwsEksNodegroup},
    {"UserDetailList", LiveExportKind::kAwsIamAuthorizationDetails},
    {"GroupDetailList", LiveExportKind::kAwsIamAuthorizationDetails},
    {"RoleDetailList", LiveExportKind::kAwsIamAuthorizationDetails},
    {"Buckets", LiveExportKind::kAwsS3Buckets},
};

}  // namespace

LiveExportKind DetectAwsExport(const Value& root) {
  if (!root.is_map()) return LiveExportKind::kUnknown;
  for (const Shape& shape : kShapes) {
    if (root.Get(shape.key) != nullptr) return shape.kind;
  }
  return LiveExportKind::kUnknown;
}

bool IsAwsExportKey(std::string_view key) {
  for (const Shape& shape : kShapes) {
    if (key == shape.key) return true;
  }
  return false;
}

void MapAwsExport(const Value& root, AwsMapContext& ctx) {
  switch (ctx.kind) {
    case LiveExportKind::kAwsRdsDbInstances:
      return MapRdsDbInstances(root, ctx);
    case LiveExportKind::kAwsRdsDbClusters:
      return MapRdsDbClusters(root, ctx);
    case LiveExportKind::kAwsEc2Instances:
      return MapEc2Instances(root, ctx);
    case LiveExportKind::kAwsEc2SecurityGroups:
      return MapEc2SecurityGroups(root, ctx);
    case LiveExportKind::kAwsEc2Subnets:
      return MapEc2Subnets(root, ctx);
    case LiveExportKind::kAwsEc2Vpcs:
      return MapEc2Vpcs(root, ctx);
    case LiveExportKind::kAwsElastiCacheReplicationGroups:
      return MapElastiCacheReplicationGroups(root, ctx);
    case LiveExportKind::kAwsAutoScalingGroups:
      return MapAutoScalingGroups(root, ctx);
    case LiveExportKind::kAwsEksNodegroup:
      return MapEksNodegroup(root, ctx);
    case LiveExportKind::kAwsIamAuthorizationDetails:
      return MapIamAuthorizationDetails(root, ctx);
    case LiveExportKind::kAwsS3Buckets:
      return MapS3Buckets(root, ctx);
    case LiveExportKind::kUnknown:
    case LiveExportKind::kKubernetesList:
      return;
  }
}

}  // namespace faultline::parsers::live
