// Versioning of an `aws_s3_bucket`, from its inline `versioning` block (provider < 4) or from an
// `aws_s3_bucket_versioning` resource linked to it through the graph.
//
// A versioning resource belongs to a bucket when its `bucket` refers to that bucket resource
// (`aws_s3_bucket.b.id`, `aws_s3_bucket.this[each.key].id`), when it holds the bucket's known
// name, or when both take the name from the same reference (`var.bucket_name`). A versioning
// resource whose bucket cannot be attributed (an unknown name that no bucket of the module
// shares) might belong to any bucket of its module: the answer is then kUnknown. Thread-safe.
#ifndef FAULTLINE_RULES_COMMON_AWS_S3_VERSIONING_H_
#define FAULTLINE_RULES_COMMON_AWS_S3_VERSIONING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "engine/value.h"

namespace faultline::rules {

struct BucketVersioning {
  enum class Status { kEnabled, kNotEnabled, kUnknown };
  Status status = Status::kUnknown;
  // kNotEnabled: where to report (the `enabled = false` or `status = "Suspended"` value, which
  // may sit in the aws_s3_bucket_versioning resource; nullptr for the bucket header), the
  // attribute path, and a phrase saying why ("versioning is suspended").
  const engine::Value* at = nullptr;
  std::string path;
  std::string reason;
};

BucketVersioning VersioningOf(const engine::ResourceGraph& graph, const engine::Resource& bucket);

// The bucket's known name (`bucket`, else `bucket_prefix`); nullopt when unknown or generated.
std::optional<std::string> BucketName(const engine::Resource& bucket);

// Case-insensitive glob match with `*` (any run of characters) and `?` (one character).
bool GlobMatch(std::string_view pattern, std::string_view text);

// Names of buckets that hold state: Terraform state and backups.
inline constexpr char kDefaultStateBucketPatterns[] =
    "*tfstate*,*tf-state*,*tf_state*,*terraform-state*,*terraform_state*,*terraformstate*,"
    "*backup*";

// The patterns of a comma-separated list (as RuleOptions::StringList returns them).
std::vector<std::string> SplitPatterns(std::string_view list);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_AWS_S3_VERSIONING_H_
