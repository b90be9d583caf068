#include "rules/aws/dynamodb_deletion_protection/dynamodb_deletion_protection.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0004";
  m.name = "aws-dynamodb-deletion-protection";
  m.severity = engine::Severity::kMedium;
  m.title = "DynamoDB table without deletion protection";
  m.summary =
      "A DynamoDB table can be deleted by a single API call or `terraform destroy` "
      "(`deletion_protection_enabled` is false or not set).";
  m.why =
      "Deleting a table deletes its items and its point-in-time recovery window with it; only "
      "on-demand backups taken beforehand survive. A mistaken destroy, a rename that plans a "
      "replacement or a script aimed at the wrong account is enough, because "
      "`deletion_protection_enabled` defaults to false.";
  m.remediation =
      "Set `deletion_protection_enabled = true` so that deleting the table first needs a "
      "deliberate change that turns protection off.";
  m.example_fix =
      "resource \"aws_dynamodb_table\" \"orders\" {\n"
      "  name                        = \"orders\"\n"
      "  billing_mode                = \"PAY_PER_REQUEST\"\n"
      "  hash_key                    = \"id\"\n"
      "  deletion_protection_enabled = true\n"
      "\n"
      "  attribute {\n"
      "    name = \"id\"\n"
      "    type = \"S\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
      "WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "dynamodb_table#deletion_protection_enabled",
  };
  m.peers = {{"aws-securityhub", "DynamoDB.6"}};
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_dynamodb_table"};
  return m;
}

}  // namespace

const engine::RuleMetadata& DynamodbDeletionProtectionRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void DynamodbDeletionProtectionRule::Check(const engine::RuleContext& context,
                                           engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  const engine::Value* protection = resource.Get("deletion_protection_enabled");
  if (protection == nullptr || protection->is_null()) {
    sink.Report(protection == nullptr ? "" : "deletion_protection_enabled", protection,
                label +
                    " has no deletion protection (deletion_protection_enabled is not set and "
                    "defaults to false): one destroy deletes the table and its items");
    return;
  }
  std::optional<bool> enabled = KnownBool(protection);
  if (!enabled.has_value() || *enabled) return;
  sink.Report("deletion_protection_enabled", protection,
              label +
                  " has deletion protection turned off: one destroy deletes the table and its "
                  "items");
}

}  // namespace faultline::rules
