#include "rules/iam/wildcard_principal/wildcard_principal.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "rules/common/iam_policies.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

// Condition keys that say nothing about who the caller is.
constexpr std::string_view kNonIdentityKeys[] = {
    "aws:securetransport",    "aws:currenttime", "aws:epochtime", "aws:requestedregion",
    "aws:useragent",          "aws:referer",     "aws:tagkeys",   "aws:multifactorauthpresent",
    "aws:multifactorauthage", "s3:prefix",       "s3:delimiter",  "s3:max-keys",
    "s3:signatureversion",    "s3:authtype",     "s3:tlsversion", "s3:signatureage",
};
constexpr std::string_view kNonIdentityKeyPrefixes[] = {"s3:x-amz-", "aws:requesttag/",
                                                        "aws:resourcetag/"};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The account field of an ARN ("arn:aws:iam::123456789012:root" -> "123456789012"); nullopt
// when `text` is not an ARN.
std::optional<std::string_view> ArnAccount(std::string_view text) {
  if (!text.starts_with("arn:")) return std::nullopt;
  size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    start = text.find(':', start);
    if (start == std::string_view::npos) return std::string_view();
    ++start;
  }
  size_t end = text.find(':', start);
  return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

bool AccountIsWildcard(std::string_view account) {
  return account.empty() || account.find_first_of("*?") != std::string_view::npos;
}

// True when an AWS principal identifier stands for every AWS principal: "*", or an IAM ARN
// that names no account (its account field is empty or a wildcard, as in
// "arn:aws:iam::*:role/reader", or missing, as in "arn:aws:iam::root").
bool IsAnyAwsPrincipal(std::string_view identifier) {
  if (identifier == "*") return true;
  std::optional<std::string_view> account = ArnAccount(identifier);
  if (!account.has_value() || identifier.find(":iam:") == std::string_view::npos) return false;
  size_t fields = static_cast<size_t>(std::count(identifier.begin(), identifier.end(), ':')) + 1;
  return fields < 6 || AccountIsWildcard(*account);
}

// The principal identifier that makes the statement public; "" when none is known.
std::string WildcardPrincipal(const engine::IamPrincipalList& principals) {
  for (const engine::IamPrincipal& principal : principals.entries) {
    bool any_type = principal.type == "*";
    bool aws_type = Lower(principal.type) == "aws";
    if (!any_type && !aws_type) continue;
    for (const std::string& identifier : principal.identifiers.values) {
      if ((any_type && identifier == "*") || (aws_type && IsAnyAwsPrincipal(identifier))) {
        return identifier;
      }
    }
  }
  return "";
}

bool RestrictsCaller(const engine::IamCondition& condition) {
  if (condition.values.has_unknown) return true;  // cannot tell: assume it restricts
  std::string op = Lower(condition.op);
  if (op.starts_with("forallvalues:")) return false;  // true when the key is absent
  if (size_t colon = op.find(':'); colon != std::string::npos) op = op.substr(colon + 1);
  if (op.ends_with("ifexists")) return false;
  if (op.find("not") != std::string::npos || op == "null") return false;
  std::string key = Lower(condition.key);
  for (std::string_view ignored : kNonIdentityKeys) {
    if (key == ignored) return false;
  }
  for (std::string_view prefix : kNonIdentityKeyPrefixes) {
    if (key.starts_with(prefix)) return false;
  }
  if (condition.values.values.empty()) return false;
  bool arn_key = key.ends_with("arn");
  for (const std::string& value : condition.values.values) {
    if (value.empty() || value.find_first_not_of("*?") == std::string::npos) return false;
    if (arn_key) {
      std::optional<std::string_view> account = ArnAccount(value);
      if (account.has_value() && AccountIsWildcard(*account)) return false;
    }
  }
  return true;
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-IAM-0003";
  m.name = "iam-wildcard-principal";
  m.severity = engine::Severity::kCritical;
  m.title = "Policy allows any principal";
  m.summary =
      "A resource or trust policy allows any principal (`\"Principal\": \"*\"` or `{\"AWS\": "
      "\"*\"}`) without a condition that restricts who the caller is.";
  m.why =
      "`*` as principal means every AWS account and, for most services, anonymous callers: the "
      "bucket, queue, topic, key or repository is public, and a trust policy with `*` lets "
      "anyone assume the role. Data leaks and takeovers of this kind are found by scanners "
      "that enumerate public resources.";
  m.remediation =
      "Name the principals (account root ARNs, roles, or service principals such as "
      "`cloudfront.amazonaws.com`), or keep `*` and add a condition that pins the caller: "
      "`aws:PrincipalOrgID` for your organization, `aws:SourceArn`/`aws:SourceAccount` for a "
      "service, or `aws:SourceVpce` for a VPC endpoint. Negated conditions (`ArnNotEquals`) and "
      "`ForAllValues` tests do not restrict anonymous callers.";
  m.example_fix =
      "data \"aws_iam_policy_document\" \"bucket\" {\n"
      "  statement {\n"
      "    actions   = [\"s3:GetObject\"]\n"
      "    resources = [\"${aws_s3_bucket.assets.arn}/*\"]\n"
      "    principals {\n"
      "      type        = \"Service\"\n"
      "      identifiers = [\"cloudfront.amazonaws.com\"]\n"
      "    }\n"
      "    condition {\n"
      "      test     = \"StringEquals\"\n"
      "      variable = \"AWS:SourceArn\"\n"
      "      values   = [aws_cloudfront_distribution.assets.arn]\n"
      "    }\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
      "reference_policies_condition-single-vs-multi-valued-context-keys.html",
  };
  m.peers = {
      {"checkov", "CKV_AWS_70"},
      {"checkov", "CKV_AWS_60"},
      {"checkov", "CKV_AWS_32"},
      {"checkov", "CKV_AWS_167"},
      {"checkov", "CKV_AWS_169"},
      {"trivy", "AVD-AWS-0032"},
      {"kics", "S3 Bucket Access to Any Principal (7af43613-6bb9-4a0e-8c4d-1314b799425e)"},
      {"kics", "IAM Role Allows All Principals To Assume (12b7e704-37f0-4d1e-911a-44bf60c48c21)"},
      {"kics", "ECR Repository Is Publicly Accessible (e86e26fc-489e-44f0-9bcd-97305e4ba69a)"},
      {"kics", "SQS Policy With Public Access (730675f9-52ed-49b6-8ead-0acb5dd7df7f)"},
      {"kics", "Lambda Permission Principal Is Wildcard (e08ed7eb-f3ef-494d-9d22-2e3db756a347)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  m.scope.types = IamPolicyResourceTypes();
  m.scope.types.emplace_back("aws_lambda_permission");
  return m;
}

void CheckLambdaPermission(const engine::Resource& resource, engine::FindingSink& sink) {
  const engine::Value* principal = resource.Get("principal");
  std::optional<std::string> name = KnownString(principal);
  if (!name.has_value() || *name != "*") return;
  for (const char* restriction : {"source_arn", "source_account", "principal_org_id"}) {
    if (IsSet(resource.Get(restriction))) return;  // Unknown counts as set
  }
  sink.Report("principal", principal,
              ResourceLabel(resource) +
                  " lets any principal (\"*\") invoke the function: set source_arn, "
                  "source_account or principal_org_id");
}

}  // namespace

const engine::RuleMetadata& IamWildcardPrincipalRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void IamWildcardPrincipalRule::Check(const engine::RuleContext& context,
                                     engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (resource.type == "aws_lambda_permission") {
    CheckLambdaPermission(resource, sink);
    return;
  }
  const std::string label = ResourceLabel(resource);
  for (const engine::IamStatement& statement : StatementsOf(resource)) {
    if (statement.effect != engine::IamEffect::kAllow) continue;
    std::string principal = WildcardPrincipal(statement.principals);
    if (principal.empty()) continue;
    if (statement.conditions_unknown) continue;
    if (std::any_of(statement.conditions.begin(), statement.conditions.end(), RestrictsCaller)) {
      continue;
    }
    ReportStatement(statement,
                    label + " allows any principal (\"" + principal + "\") in " +
                        DescribeStatement(statement) +
                        (statement.has_condition ? " with no condition restricting the caller"
                                                 : " without a condition"),
                    sink);
  }
}

}  // namespace faultline::rules
