#include "rules/aws/dynamodb_pitr/dynamodb_pitr.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/nested_blocks.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0005";
  m.name = "aws-dynamodb-pitr";
  m.severity = engine::Severity::kMedium;
  m.title = "DynamoDB table without point-in-time recovery";
  m.summary =
      "A DynamoDB table has no point-in-time recovery (`point_in_time_recovery { enabled = true "
      "}` is missing or false).";
  m.why =
      "Without point-in-time recovery, a bad deploy or script that overwrites or deletes items "
      "can only be undone from an on-demand backup, if one was taken, losing everything written "
      "since. With it, the table can be restored to any second of the last 35 days.";
  m.remediation =
      "Add a `point_in_time_recovery` block with `enabled = true`. Restores create a new table, "
      "so also plan how clients switch to it.";
  m.example_fix =
      "resource \"aws_dynamodb_table\" \"orders\" {\n"
      "  name         = \"orders\"\n"
      "  billing_mode = \"PAY_PER_REQUEST\"\n"
      "  hash_key     = \"id\"\n"
      "\n"
      "  attribute {\n"
      "    name = \"id\"\n"
      "    type = \"S\"\n"
      "  }\n"
      "\n"
      "  point_in_time_recovery {\n"
      "    enabled = true\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
      "PointInTimeRecovery.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "dynamodb_table#point_in_time_recovery",
  };
  m.peers = {
      {"checkov", "CKV_AWS_28"},
      {"kics", "741f1291-47ac-4a85-a07b-3d32a9d6bd3e"},
      {"trivy", "AVD-AWS-0024"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_dynamodb_table"};
  return m;
}

}  // namespace

const engine::RuleMetadata& DynamodbPitrRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void DynamodbPitrRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (BlocksUnknown(resource.attributes, "point_in_time_recovery")) return;
  const std::string label = ResourceLabel(resource);
  const engine::Value* block = FirstBlock(resource.attributes, "point_in_time_recovery");
  if (block == nullptr) {
    sink.Report("", nullptr,
                label +
                    " has no point-in-time recovery (no point_in_time_recovery block): "
                    "overwritten or deleted items cannot be restored");
    return;
  }
  const engine::Value* enabled = block->Get("enabled");
  if (enabled == nullptr || enabled->is_null()) {
    sink.Report("point_in_time_recovery", block,
                label +
                    " has no point-in-time recovery (point_in_time_recovery.enabled is not set "
                    "and defaults to false): overwritten or deleted items cannot be restored");
    return;
  }
  std::optional<bool> on = KnownBool(enabled);
  if (!on.has_value() || *on) return;
  sink.Report("point_in_time_recovery.enabled", enabled,
              label +
                  " has point-in-time recovery turned off: overwritten or deleted items cannot "
                  "be restored");
}

}  // namespace faultline::rules
