#include "rules/aws/required_tags/required_tags.h"

#include <set>
#include <string>
#include <vector>

#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

// The tag keys of a tags map into `keys`; false when the map, or a key, may be Unknown.
bool AddKeys(const engine::Value* tags, std::set<std::string>* keys) {
  if (tags == nullptr || tags->is_null()) return true;
  if (!tags->is_map()) return false;  // Unknown (or not a map): any key may be there
  for (const auto& [key, value] : tags->as_map()) keys->insert(key);
  return true;
}

// Keys every aws provider of the resource's root module sets in default_tags; false when a
// provider's default tags are Unknown.
bool DefaultTagKeys(const engine::ResourceGraph& graph, const engine::Resource& resource,
                    std::set<std::string>* keys) {
  bool first = true;
  for (engine::ResourceId id : graph.OfTypeIn(resource.module_dir, "aws")) {
    const engine::Resource& provider = graph.resource(id);
    if (provider.kind != engine::ResourceKind::kProvider) continue;
    if (provider.module_dir != resource.module_dir) continue;
    if (!resource.module_address.starts_with(provider.module_address)) continue;
    std::set<std::string> own;
    const engine::Value* blocks = provider.Get("default_tags");
    if (blocks != nullptr && !blocks->is_null()) {
      if (!blocks->is_list()) return false;
      for (const engine::Value& block : blocks->as_list()) {
        if (!block.is_map()) return false;
        if (!AddKeys(block.Get("tags"), &own)) return false;
      }
    }
    if (first) {
      *keys = std::move(own);
      first = false;
    } else {
      std::erase_if(*keys, [&](const std::string& key) { return !own.count(key); });
    }
  }
  return true;
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0050";
  m.name = "aws-required-tags";
  m.severity = engine::Severity::kLow;
  m.title = "AWS resource lacks required tags";
  m.summary =
      "A taggable AWS resource lacks one or more of the tags listed in the "
      "`required_tags` option (off until tags are configured).";
  m.why =
      "Untagged resources cannot be attributed to an owner, a cost centre or an "
      "environment: incidents reach no one, cost reports show unallocated spend, and "
      "cleanup and tag-based access policies (ABAC) skip them.";
  m.remediation =
      "Add the missing tags to the `tags` of the resource, or better, once for every "
      "resource through the `default_tags` of the provider block. Configure the list in "
      "`.faultline.yaml` under `rules: {FL-AWS-0050: {options: {required_tags: "
      "\"owner,environment\"}}}`.";
  m.example_fix =
      "provider \"aws\" {\n"
      "  region = \"eu-west-1\"\n"
      "  default_tags {\n"
      "    tags = {\n"
      "      owner       = \"payments-team\"\n"
      "      environment = \"prod\"\n"
      "    }\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging",
  };
  m.peers = {
      {"checkov", "CKV_TF_1 (custom tag policies)"},
      {"kics", "Resource Not Using Tags (e38a8e0a-b88b-4902-b3fe-b0fcb17d5c10)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_acm_certificate",
                   "aws_ami",
                   "aws_api_gateway_rest_api",
                   "aws_apigatewayv2_api",
                   "aws_cloudfront_distribution",
                   "aws_cloudtrail",
                   "aws_cloudwatch_log_group",
                   "aws_cloudwatch_metric_alarm",
                   "aws_db_cluster_snapshot",
                   "aws_db_instance",
                   "aws_db_parameter_group",
                   "aws_db_subnet_group",
                   "aws_docdb_cluster",
                   "aws_dynamodb_table",
                   "aws_ebs_volume",
                   "aws_ec2_transit_gateway",
                   "aws_ecr_repository",
                   "aws_ecs_cluster",
                   "aws_ecs_service",
                   "aws_ecs_task_definition",
                   "aws_efs_file_system",
                   "aws_eip",
                   "aws_eks_cluster",
                   "aws_eks_node_group",
                   "aws_elasticache_cluster",
                   "aws_elasticache_replication_group",
                   "aws_elasticsearch_domain",
                   "aws_iam_policy",
                   "aws_iam_role",
                   "aws_iam_user",
                   "aws_instance",
                   "aws_internet_gateway",
                   "aws_kinesis_stream",
                   "aws_kms_key",
                   "aws_lambda_function",
                   "aws_launch_template",
                   "aws_lb",
                   "aws_lb_target_group",
                   "aws_mq_broker",
                   "aws_msk_cluster",
                   "aws_nat_gateway",
                   "aws_network_acl",
                   "aws_network_interface",
                   "aws_opensearch_domain",
                   "aws_rds_cluster",
                   "aws_rds_cluster_instance",
                   "aws_redshift_cluster",
                   "aws_route53_zone",
                   "aws_route_table",
                   "aws_s3_bucket",
                   "aws_sagemaker_endpoint",
                   "aws_secretsmanager_secret",
                   "aws_security_group",
                   "aws_sfn_state_machine",
                   "aws_sns_topic",
                   "aws_sqs_queue",
                   "aws_ssm_parameter",
                   "aws_subnet",
                   "aws_vpc",
                   "aws_vpc_endpoint",
                   "aws_wafv2_web_acl"};
  m.options.push_back(
      {"required_tags", engine::RuleOptionType::kStringList, "",
       "Tag keys every taggable AWS resource must carry (comma-separated); empty turns "
       "the rule off."});
  return m;
}

}  // namespace

const engine::RuleMetadata& AwsRequiredTagsRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void AwsRequiredTagsRule::Check(const engine::RuleContext& context,
                                engine::FindingSink& sink) const {
  std::vector<std::string> required = context.options.StringList("required_tags");
  if (required.empty()) return;
  const engine::Resource& resource = context.resource;
  const engine::Value* tags = resource.Get("tags");
  std::set<std::string> present;
  if (!AddKeys(tags, &present)) return;
  std::vector<std::string> missing;
  for (const std::string& key : required) {
    if (!key.empty() && !present.count(key)) missing.push_back(key);
  }
  if (missing.empty()) return;
  std::set<std::string> defaults;
  if (!DefaultTagKeys(context.graph, resource, &defaults)) return;
  std::erase_if(missing, [&](const std::string& key) { return defaults.count(key) > 0; });
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) list += ", ";
    list += "\"" + missing[i] + "\"";
  }
  std::string message = ResourceLabel(resource) + " lacks the required tag" +
                        (missing.size() > 1 ? "s " : " ") + list;
  if (tags != nullptr && !tags->is_null()) {
    sink.Report("tags", tags, std::move(message));
  } else {
    sink.Report("", nullptr, std::move(message));
  }
}

}  // namespace faultline::rules
