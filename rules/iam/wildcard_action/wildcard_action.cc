#include "rules/iam/wildcard_action/wildcard_action.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/helpers/iam_policy.h"
#include "rules/common/iam_policies.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-IAM-0001";
  m.name = "iam-wildcard-action";
  m.severity = engine::Severity::kCritical;
  m.title = "IAM policy allows every action";
  m.summary = "An IAM policy statement allows every action (`\"Action\": \"*\"`).";
  m.why =
      "`\"Action\": \"*\"` grants every action of every AWS service on the statement's "
      "resources, including actions added to AWS in the future and IAM actions that let the "
      "holder raise its own privileges. One leaked credential or compromised workload then "
      "controls everything the statement covers.";
  m.remediation =
      "List the actions the principal needs (for example `s3:GetObject`, `s3:PutObject`), or "
      "at least restrict the statement to one service (`s3:*`) and the specific resources it "
      "works on. Use IAM Access Analyzer's policy generation to derive the actions from "
      "CloudTrail activity. If full administrative access is truly intended, grant the AWS "
      "managed `AdministratorAccess` policy to a dedicated, tightly controlled role instead of "
      "writing a wildcard statement.";
  m.example_fix =
      "data \"aws_iam_policy_document\" \"app\" {\n"
      "  statement {\n"
      "    effect    = \"Allow\"\n"
      "    actions   = [\"s3:GetObject\", \"s3:PutObject\"]\n"
      "    resources = [\"${aws_s3_bucket.uploads.arn}/*\"]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/"
      "iam_policy_document",
  };
  m.peers = {
      {"checkov", "CKV_AWS_49"},
      {"checkov", "CKV_AWS_63"},
      {"trivy", "AVD-AWS-0057"},
      {"trivy", "AVD-AWS-0097"},
      {"kics", "IAM Policies With Full Privileges (2f37c4a3-58b9-4afe-8a87-d7f1d2286f84)"},
      {"kics", "IAM Policy Grants Full Permissions (575a2155-6af1-4026-b1af-d5bc8fe2a904)"},
      {"kics", "IAM Role With Full Privileges (b1ffa705-19a3-4b73-b9d0-0c97d0663842)"},
      {"kics", "SQS Policy Allows All Actions (816ea8cf-d589-442d-a917-2dd0ce0e45e3)"},
      {"kics", "SSO Policy with full privileges (132a8c31-9837-4203-9fd1-15ca210c7b73)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  m.scope.types = IamPolicyResourceTypes();
  return m;
}

std::string StatementList(const std::vector<const engine::IamStatement*>& statements) {
  if (statements.size() == 1) {
    std::string name = "statement " + std::to_string(statements[0]->index + 1);
    if (!statements[0]->sid.empty()) name += " (Sid \"" + statements[0]->sid + "\")";
    return name;
  }
  std::string names = "statements ";
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) names += i + 1 == statements.size() ? " and " : ", ";
    names += std::to_string(statements[i]->index + 1);
  }
  return names;
}

// Reports the Allow statements whose actions include "*": one finding per place, i.e. per JSON
// document (its statements share the policy attribute) or per `actions` attribute of a
// statement block. Messages name the attribute holding a JSON document ("in assume_role_policy
// statement 1"); statement blocks are named by position ("in statement 2").
void ReportWildcards(const std::vector<engine::IamStatement>& statements, const std::string& label,
                     engine::FindingSink& sink) {
  std::vector<std::vector<const engine::IamStatement*>> groups;
  std::unordered_map<const engine::Value*, size_t> group_of;  // place -> index in groups
  for (const engine::IamStatement& statement : statements) {
    if (statement.effect != engine::IamEffect::kAllow) continue;
    if (!statement.actions.Contains("*")) continue;
    auto [it, inserted] = group_of.emplace(statement.actions.at, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(&statement);
  }
  for (const auto& group : groups) {
    const engine::IamStatement& first = *group.front();
    // JSON documents report on the policy attribute; statement blocks on their actions.
    bool json = first.actions.at == first.at;
    std::string message = label + " allows every action (\"*\") in ";
    if (json) message += first.policy_path + " ";
    message += StatementList(group);
    sink.Report(json ? first.policy_path : first.actions.attribute_path, first.actions.at,
                std::move(message));
  }
}

}  // namespace

const engine::RuleMetadata& IamWildcardActionRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void IamWildcardActionRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  ReportWildcards(StatementsOf(context.resource), ResourceLabel(context.resource), sink);
}

}  // namespace faultline::rules
