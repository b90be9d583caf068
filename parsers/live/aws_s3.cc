// aws s3api list-buckets -> aws_s3_bucket.
#include <string>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"

namespace faultline::parsers::live {

using engine::Value;

void MapS3Buckets(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "Buckets", [&](const Value& item, const std::string& path) {
    const Value* name = item.Get("Name");
    AttributeBuilder b(item);
    b.Copy("id", "Name")
        .Copy("bucket", "Name")
        .Copy("arn", "BucketArn")
        .Copy("region", "BucketRegion");
    AddResource(ctx, "aws_s3_bucket", item, path, "Name", StringOf(name), name,
                std::move(b).Build());
  });
}

}  // namespace faultline::parsers::live
