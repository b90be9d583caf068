// One mapper per supported aws CLI command (internal to parsers/live; see aws_export.h).
// Each reads the command's whole JSON output `root` and appends to ctx.resources.
#ifndef FAULTLINE_PARSERS_LIVE_AWS_MAPPERS_H_
#define FAULTLINE_PARSERS_LIVE_AWS_MAPPERS_H_

#include "engine/value.h"
#include "parsers/live/aws_attributes.h"

namespace faultline::parsers::live {

void MapRdsDbInstances(const engine::Value& root, AwsMapContext& ctx);     // aws_rds.cc
void MapRdsDbClusters(const engine::Value& root, AwsMapContext& ctx);      // aws_rds.cc
void MapEc2Instances(const engine::Value& root, AwsMapContext& ctx);       // aws_ec2.cc
void MapEc2SecurityGroups(const engine::Value& root, AwsMapContext& ctx);  // aws_ec2.cc
void MapEc2Subnets(const engine::Value& root, AwsMapContext& ctx);         // aws_ec2.cc
void MapEc2Vpcs(const engine::Value& root, AwsMapContext& ctx);            // aws_ec2.cc
void MapElastiCacheReplicationGroups(const engine::Value& root, AwsMapContext& ctx);
void MapAutoScalingGroups(const engine::Value& root, AwsMapContext& ctx);        // aws_asg.cc
void MapEksNodegroup(const engine::Value& root, AwsMapContext& ctx);             // aws_eks.cc
void MapIamAuthorizationDetails(const engine::Value& root, AwsMapContext& ctx);  // aws_iam.cc
void MapS3Buckets(const engine::Value& root, AwsMapContext& ctx);                // aws_s3.cc

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_AWS_MAPPERS_H_
