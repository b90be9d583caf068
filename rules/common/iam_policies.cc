#include "rules/common/iam_policies.h"

#include <cctype>
#include <string_view>

namespace faultline::rules {

namespace {

constexpr std::string_view kPolicyDocumentType = "aws_iam_policy_document";

struct PolicyAttributes {
  std::string_view type;
  std::vector<std::string_view> attributes;
};

const std::vector<PolicyAttributes>& PolicyTypes() {
  static const std::vector<PolicyAttributes> kTypes = {
      {"aws_api_gateway_rest_api", {"policy"}},
      {"aws_api_gateway_rest_api_policy", {"policy"}},
      {"aws_backup_vault_policy", {"policy"}},
      {"aws_cloudwatch_event_bus_policy", {"policy"}},
      {"aws_ecr_repository_policy", {"policy"}},
      {"aws_ecrpublic_repository_policy", {"policy"}},
      {"aws_efs_file_system_policy", {"policy"}},
      {"aws_elasticsearch_domain", {"access_policies"}},
      {"aws_elasticsearch_domain_policy", {"access_policies"}},
      {"aws_glacier_vault", {"access_policy"}},
      {"aws_iam_group_policy", {"policy"}},
      {"aws_iam_policy", {"policy"}},
      {"aws_iam_role", {"assume_role_policy"}},  // and inline_policy blocks
      {"aws_iam_role_policy", {"policy"}},
      {"aws_iam_user_policy", {"policy"}},
      {"aws_kms_key", {"policy"}},
      {"aws_kms_key_policy", {"policy"}},
      {"aws_opensearch_domain", {"access_policies"}},
      {"aws_opensearch_domain_policy", {"access_policies"}},
      {"aws_s3_bucket", {"policy"}},
      {"aws_s3_bucket_policy", {"policy"}},
      {"aws_secretsmanager_secret", {"policy"}},
      {"aws_secretsmanager_secret_policy", {"policy"}},
      {"aws_sns_topic", {"policy"}},
      {"aws_sns_topic_policy", {"policy"}},
      {"aws_sqs_queue", {"policy"}},
      {"aws_sqs_queue_policy", {"policy"}},
      {"aws_ssoadmin_permission_set_inline_policy", {"inline_policy"}},
  };
  return kTypes;
}

void Append(engine::IamPolicy policy, std::vector<engine::IamStatement>* out) {
  for (engine::IamStatement& statement : policy.statements) out->push_back(std::move(statement));
}

}  // namespace

const std::vector<std::string>& IamPolicyResourceTypes() {
  static const std::vector<std::string> kTypes = [] {
    std::vector<std::string> types;
    for (const PolicyAttributes& entry : PolicyTypes()) types.emplace_back(entry.type);
    types.emplace_back(kPolicyDocumentType);
    return types;
  }();
  return kTypes;
}

namespace {

std::vector<engine::IamStatement> ComputeStatementsOf(const engine::Resource& resource) {
  if (resource.type == kPolicyDocumentType) {
    if (resource.kind != engine::ResourceKind::kData) return {};
    return engine::IamPolicyDocumentStatements(resource.attributes);
  }
  std::vector<engine::IamStatement> statements;
  if (resource.kind != engine::ResourceKind::kManaged) return statements;
  for (const PolicyAttributes& entry : PolicyTypes()) {
    if (entry.type != resource.type) continue;
    for (std::string_view attribute : entry.attributes) {
      if (const engine::Value* policy = resource.Get(attribute); policy != nullptr) {
        Append(engine::IamStatementsIn(*policy, attribute), &statements);
      }
    }
  }
  if (resource.type == "aws_iam_role") {
    const engine::Value* inline_policies = resource.Get("inline_policy");
    if (inline_policies != nullptr && inline_policies->is_list()) {
      const engine::ValueList& blocks = inline_policies->as_list();
      for (size_t i = 0; i < blocks.size(); ++i) {
        if (const engine::Value* policy = blocks[i].Get("policy"); policy != nullptr) {
          Append(
              engine::IamStatementsIn(*policy, "inline_policy[" + std::to_string(i) + "].policy"),
              &statements);
        }
      }
    }
  }
  return statements;
}

// The last resource's statements on this thread: the IAM rules run one after another on the
// same resource, and each would otherwise decode its policy JSON again. The entry holds a copy
// of the attributes, so their identity cannot be reused by another resource while cached.
struct StatementsCache {
  const engine::Resource* resource = nullptr;
  engine::Value attributes;
  std::vector<engine::IamStatement> statements;
};

}  // namespace

std::vector<engine::IamStatement> StatementsOf(const engine::Resource& resource) {
  thread_local StatementsCache cache;
  const void* identity = resource.attributes.identity();
  if (identity != nullptr && cache.resource == &resource &&
      cache.attributes.identity() == identity) {
    return cache.statements;
  }
  std::vector<engine::IamStatement> statements = ComputeStatementsOf(resource);
  if (identity != nullptr) {
    cache.resource = &resource;
    cache.attributes = resource.attributes;
    cache.statements = statements;
  }
  return statements;
}

std::string DescribeStatement(const engine::IamStatement& statement) {
  std::string text;
  if (statement.policy_path != "statement") text = statement.policy_path + " ";
  text += "statement " + std::to_string(statement.index + 1);
  if (!statement.sid.empty()) text += " (Sid \"" + statement.sid + "\")";
  return text;
}

void ReportStatement(const engine::IamStatement& statement, std::string message,
                     engine::FindingSink& sink) {
  sink.Report(statement.attribute_path, statement.at, std::move(message));
}

bool IamWildcardMatch(std::string_view pattern, std::string_view text) {
  // Iterative glob match with backtracking on the last `*`.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace faultline::rules
