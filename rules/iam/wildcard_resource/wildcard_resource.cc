#include "rules/iam/wildcard_resource/wildcard_resource.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "rules/common/iam_policies.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr std::string_view kWriteVerbs[] = {
    "Put",       "Delete", "Update",    "Modify", "Attach", "Detach", "Remove",  "Replace", "Set",
    "Terminate", "Revoke", "Authorize", "Add",    "Write",  "Upload", "Disable", "Reset",
};
constexpr std::string_view kReadVerbs[] = {"Get", "List", "Describe", "Generate", "Simulate"};
// Services whose every non-read action manages permissions.
constexpr std::string_view kPermissionServices[] = {"iam", "organizations", "sso", "sso-directory",
                                                    "identitystore"};
// Actions that grant or change permissions outside those services.
constexpr std::string_view kPermissionActions[] = {"kms:CreateGrant"};
// Write actions that support no resource-level permissions: "*" is the only possible Resource.
constexpr std::string_view kUnrestrictable[] = {"cloudwatch:PutMetricData", "xray:PutTraceSegments",
                                                "xray:PutTelemetryRecords"};

const std::vector<std::string> kIdentityTypes = {
    "aws_iam_group_policy",
    "aws_iam_policy",
    "aws_iam_policy_document",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "aws_ssoadmin_permission_set_inline_policy",
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

template <size_t N>
bool AnyStartsWith(std::string_view name, const std::string_view (&verbs)[N]) {
  return std::any_of(std::begin(verbs), std::end(verbs),
                     [&](std::string_view verb) { return StartsWithIgnoreCase(name, verb); });
}

template <size_t N>
bool AnyEquals(std::string_view action, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view entry) { return EqualsIgnoreCase(action, entry); });
}

// True when an action pattern ("s3:PutObject", "s3:Put*", "iam:*") can name a write or
// permission-management action.
bool IsWriteAction(std::string_view action) {
  size_t colon = action.find(':');
  if (colon == std::string_view::npos) return false;  // "*" is FL-IAM-0001's
  std::string_view service = action.substr(0, colon);
  std::string_view name = action.substr(colon + 1);
  bool permission_service = AnyEquals(service, kPermissionServices);
  size_t wildcard = name.find_first_of("*?");
  if (wildcard != std::string_view::npos) {
    std::string_view prefix = name.substr(0, wildcard);
    if (prefix.empty()) return true;  // "s3:*", "s3:*Object"
    if (permission_service) return !AnyStartsWith(prefix, kReadVerbs);
    return std::any_of(std::begin(kWriteVerbs), std::end(kWriteVerbs), [&](std::string_view verb) {
      return StartsWithIgnoreCase(prefix, verb) || StartsWithIgnoreCase(verb, prefix);
    });
  }
  if (AnyEquals(action, kUnrestrictable)) return false;
  if (permission_service) return !AnyStartsWith(name, kReadVerbs);
  return AnyEquals(action, kPermissionActions) || AnyStartsWith(name, kWriteVerbs);
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-IAM-0002";
  m.name = "iam-wildcard-resource";
  m.severity = engine::Severity::kHigh;
  m.title = "IAM policy allows write actions on every resource";
  m.summary =
      "An identity policy statement allows write or permission-management actions on every "
      "resource (`\"Resource\": \"*\"`).";
  m.why =
      "A write action on `*` reaches every existing and future resource of the service in the "
      "account: one compromised workload can then delete every bucket or table, and an IAM "
      "write (`iam:PassRole`, `iam:PutRolePolicy`, `iam:*`) on `*` lets it grant itself any "
      "permission.";
  m.remediation =
      "Name the resources the statement writes to (the ARNs, or an ARN pattern such as "
      "`arn:aws:s3:::uploads-bucket/*`), and keep `\"Resource\": \"*\"` for read-only actions "
      "and for the few actions that support no resource-level permissions. For `iam:PassRole`, "
      "list the roles that may be passed and add an `iam:PassedToService` condition.";
  m.example_fix =
      "data \"aws_iam_policy_document\" \"deploy\" {\n"
      "  statement {\n"
      "    actions   = [\"s3:PutObject\", \"s3:DeleteObject\"]\n"
      "    resources = [\"${aws_s3_bucket.artifacts.arn}/*\"]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
      "https://docs.aws.amazon.com/service-authorization/latest/reference/"
      "reference_policies_actions-resources-contextkeys.html",
  };
  m.peers = {
      {"checkov", "CKV_AWS_290"},
      {"checkov", "CKV_AWS_289"},
      {"checkov", "CKV_AWS_288"},
      {"checkov", "CKV_AWS_355"},
      {"checkov", "CKV_AWS_109"},
      {"checkov", "CKV_AWS_110"},
      {"kics", "IAM Role Policy passRole Allows All (e39bee8c-fe54-4a3f-824d-e5e2d1cca40a)"},
      {"trivy", "AVD-AWS-0057"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  m.scope.types = kIdentityTypes;
  return m;
}

}  // namespace

const engine::RuleMetadata& IamWildcardResourceRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void IamWildcardResourceRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  for (const engine::IamStatement& statement : StatementsOf(resource)) {
    if (statement.effect != engine::IamEffect::kAllow) continue;
    if (statement.principals.present || statement.not_principals.present) continue;
    // A trust policy's resource is the role itself.
    if (statement.policy_path == "assume_role_policy") continue;
    if (!statement.resources.Contains("*")) continue;
    std::vector<std::string> writes;
    for (const std::string& action : statement.actions.values) {
      if (IsWriteAction(action)) writes.push_back(action);
    }
    if (writes.empty()) continue;
    std::string listed;
    for (size_t i = 0; i < writes.size() && i < 3; ++i) {
      if (i > 0) listed += ", ";
      listed += writes[i];
    }
    if (writes.size() > 3) listed += ", ...";
    ReportStatement(statement,
                    label + " allows write actions (" + listed + ") on every resource (\"*\") in " +
                        DescribeStatement(statement),
                    sink);
  }
}

}  // namespace faultline::rules
