#include "rules/secrets/provider_credentials/provider_credentials.h"

#include <string>

#include "rules/common/literal_secrets.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0071";
  m.name = "secrets-provider-credentials";
  m.severity = engine::Severity::kCritical;
  m.title = "Provider credentials written in the configuration";
  m.summary = "A Terraform provider block sets a credential to a literal string.";
  m.why =
      "Provider credentials usually carry the broadest permissions in the account (they create "
      "and destroy everything Terraform manages), and a literal in the provider block is "
      "readable by everyone with access to the repository and its history.";
  m.remediation =
      "Remove the credential from the provider block and let the provider read it from its "
      "standard sources: environment variables (AWS_ACCESS_KEY_ID, ARM_CLIENT_SECRET, "
      "GOOGLE_CREDENTIALS, ...), a shared credentials file or profile, or workload identity "
      "(OIDC) in CI. Rotate the committed credential.";
  m.example_fix =
      "provider \"aws\" {\n"
      "  region = \"eu-west-1\"\n"
      "  # credentials come from the environment, a profile or an assumed role\n"
      "  assume_role {\n"
      "    role_arn = \"arn:aws:iam::123456789012:role/terraform\"\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-"
      "configuration",
      "https://cwe.mitre.org/data/definitions/798.html",
  };
  m.peers = {{"checkov", "CKV_AWS_41"}};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kProvider};
  return m;
}

}  // namespace

const engine::RuleMetadata& ProviderCredentialsRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ProviderCredentialsRule::Check(const engine::RuleContext& context,
                                    engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!resource.attributes.is_map()) return;
  const std::string label = "provider \"" + resource.type + "\"";
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
