#include "rules/aws/s3_versioning/s3_versioning.h"

#include <string>
#include <vector>

#include "rules/common/aws_s3_versioning.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0019";
  m.name = "aws-s3-versioning";
  m.severity = engine::Severity::kLow;
  m.title = "S3 bucket without versioning";
  m.summary = "An S3 bucket does not have versioning enabled.";
  m.why =
      "Without versioning, an overwritten or deleted object is gone: a faulty deploy, a sync "
      "with `--delete` or a compromised credential destroys data with no previous version to "
      "restore. Buckets that hold state or backups are reported at high severity by "
      "FL-AWS-0018 instead; this rule covers the rest at low severity, since caches, logs and "
      "build artifacts often do not need versions.";
  m.remediation =
      "Enable versioning with an `aws_s3_bucket_versioning` resource (status `Enabled`), or the "
      "inline `versioning { enabled = true }` block on providers before 4.0. Add a lifecycle "
      "rule that expires noncurrent versions to bound the cost, or disable this rule for "
      "buckets whose contents can be regenerated.";
  m.example_fix =
      "resource \"aws_s3_bucket_versioning\" \"assets\" {\n"
      "  bucket = aws_s3_bucket.assets.id\n"
      "\n"
      "  versioning_configuration {\n"
      "    status = \"Enabled\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "s3_bucket_versioning",
  };
  m.peers = {
      {"checkov", "CKV_AWS_21"},
      {"kics", "568a4d22-3517-44a6-a7ad-6a7eed88722c"},
      {"trivy", "AVD-AWS-0090"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_s3_bucket"};
  return m;
}

}  // namespace

const engine::RuleMetadata& S3VersioningRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void S3VersioningRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& bucket = context.resource;
  // State and backup buckets (default patterns) are FL-AWS-0018's.
  if (std::optional<std::string> name = BucketName(bucket); name.has_value()) {
    static const std::vector<std::string> kStatePatterns =
        SplitPatterns(kDefaultStateBucketPatterns);
    for (const std::string& pattern : kStatePatterns) {
      if (GlobMatch(pattern, *name)) return;
    }
  }
  BucketVersioning versioning = VersioningOf(context.graph, bucket);
  if (versioning.status != BucketVersioning::Status::kNotEnabled) return;
  sink.Report(versioning.path, versioning.at,
              ResourceLabel(bucket) + " is not versioned: " + versioning.reason +
                  ", so overwritten or deleted objects cannot be recovered");
}

}  // namespace faultline::rules
