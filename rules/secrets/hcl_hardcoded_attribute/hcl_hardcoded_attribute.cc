#include "rules/secrets/hcl_hardcoded_attribute/hcl_hardcoded_attribute.h"

#include <string>

#include "rules/common/literal_secrets.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0069";
  m.name = "secrets-hcl-hardcoded-attribute";
  m.severity = engine::Severity::kHigh;
  m.title = "Secret attribute set to a literal string";
  m.summary =
      "A Terraform resource, data source or module call sets a secret attribute to a literal "
      "string.";
  m.why =
      "The credential is in the repository, in every clone and fork, in CI logs and in the "
      "state file, and it stays in git history after the line changes. Everyone who can read "
      "the code can use it, and rotating it means a code change.";
  m.remediation =
      "Declare a variable with `sensitive = true` and no default, and supply the value at apply "
      "time from a secret manager or a TF_VAR_ environment variable; or generate it with "
      "`random_password` or let the service manage it (for example "
      "`manage_master_user_password = true` on RDS). Then rotate the value that was committed.";
  m.example_fix =
      "variable \"cache_auth_token\" {\n"
      "  type      = string\n"
      "  sensitive = true\n"
      "}\n"
      "\n"
      "resource \"aws_elasticache_replication_group\" \"cache\" {\n"
      "  replication_group_id = \"cache\"\n"
      "  auth_token           = var.cache_auth_token\n"
      "}\n";
  m.references = {
      "https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-"
      "cli-output",
      "https://cwe.mitre.org/data/definitions/798.html",
  };
  m.peers = {{"kics", "a88baa34-e2ad-44ea-ad6f-8cac87bc7c71"}};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData,
                   engine::ResourceKind::kModule};
  return m;
}

}  // namespace

const engine::RuleMetadata& HclHardcodedAttributeRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void HclHardcodedAttributeRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!resource.attributes.is_map()) return;
  const std::string label = resource.kind == engine::ResourceKind::kModule
                                ? "module \"" + resource.name + "\""
                                : ResourceLabel(resource);
  for (const auto& [name, value] : resource.attributes.as_map()) {
    ForEachSecretishString(
        value, name, [&](const std::string& path, std::string_view, const engine::Value& leaf) {
          if (!IsLiteralStringIn(leaf, resource.range)) return;
          const std::string& secret = leaf.as_string();
          if (!IsCredentialLiteral(secret)) return;
          const engine::Value at =
              leaf.WithRange(leaf.origin().valid() ? leaf.origin() : leaf.range());
          sink.Report(path, &at,
                      label + " sets " + path + " to a literal string: " +
                          RedactedFor(secret, metadata().id, resource, path));
        });
  }
}

}  // namespace faultline::rules
