#include "rules/aws/s3_state_bucket_versioning/s3_state_bucket_versioning.h"

#include <string>
#include <vector>

#include "rules/common/aws_s3_versioning.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr char kPatterns[] = "state_bucket_patterns";

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0018";
  m.name = "aws-s3-state-bucket-versioning";
  m.severity = engine::Severity::kHigh;
  m.title = "S3 bucket holding Terraform state or backups without versioning";
  m.summary =
      "An S3 bucket whose name marks it as holding state (`*tfstate*`, `*terraform-state*`, "
      "`*backup*`, ...) does not have versioning enabled.";
  m.why =
      "Terraform state and backups are the copies you restore from. Without versioning, one bad "
      "`terraform apply` that writes a truncated state, a `terraform state rm` by mistake, or a "
      "ransomware-style overwrite replaces the only copy, and there is no previous version to "
      "go back to.";
  m.remediation =
      "Enable versioning with an `aws_s3_bucket_versioning` resource (status `Enabled`), or the "
      "inline `versioning { enabled = true }` block on providers before 4.0, and add a lifecycle "
      "rule that expires old noncurrent versions.";
  m.example_fix =
      "resource \"aws_s3_bucket_versioning\" \"state\" {\n"
      "  bucket = aws_s3_bucket.state.id\n"
      "\n"
      "  versioning_configuration {\n"
      "    status = \"Enabled\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://developer.hashicorp.com/terraform/language/backend/s3",
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
  };
  m.peers = {
      {"checkov", "CKV_AWS_21"},
      {"kics", "568a4d22-3517-44a6-a7ad-6a7eed88722c"},
      {"trivy", "AVD-AWS-0090"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_s3_bucket"};
  m.options = {{kPatterns, engine::RuleOptionType::kStringList, kDefaultStateBucketPatterns,
                "Bucket name patterns (globs with * and ?, case-insensitive) of buckets that "
                "hold state."}};
  return m;
}

}  // namespace

const engine::RuleMetadata& S3StateBucketVersioningRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void S3StateBucketVersioningRule::Check(const engine::RuleContext& context,
                                        engine::FindingSink& sink) const {
  const engine::Resource& bucket = context.resource;
  std::optional<std::string> name = BucketName(bucket);
  if (!name.has_value()) return;
  std::vector<std::string> patterns = context.options.StringList(kPatterns);
  bool holds_state = false;
  for (const std::string& pattern : patterns) {
    if (GlobMatch(pattern, *name)) holds_state = true;
  }
  if (!holds_state) return;
  BucketVersioning versioning = VersioningOf(context.graph, bucket);
  if (versioning.status != BucketVersioning::Status::kNotEnabled) return;
  sink.Report(versioning.path, versioning.at,
              ResourceLabel(bucket) + " holds state (\"" + *name + "\") but is not versioned: " +
                  versioning.reason + ", so an overwrite or deletion loses the only copy");
}

}  // namespace faultline::rules
