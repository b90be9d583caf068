#include "rules/secrets/state_file/state_file.h"

#include <string>

#include "rules/common/literal_secrets.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0074";
  m.name = "secrets-state-file";
  m.severity = engine::Severity::kHigh;
  m.title = "Terraform state with secrets in the repository";
  m.summary =
      "A Terraform state file in the scanned tree holds a resource's secrets in clear text.";
  m.why =
      "Terraform records every attribute of every resource in state, sensitive or not: database "
      "passwords, generated keys, access key secrets. A state file committed to a repository "
      "hands them to everyone who can read it, and git history keeps them after the file is "
      "deleted.";
  m.remediation =
      "Delete the state file from the repository and from its history, add `*.tfstate` and "
      "`*.tfstate.*` to .gitignore, and keep state in a remote backend with encryption and "
      "access control (S3 with a KMS key, GCS, azurerm, Terraform Cloud). Rotate every secret "
      "the file held.";
  m.example_fix =
      "terraform {\n"
      "  backend \"s3\" {\n"
      "    bucket       = \"acme-terraform-state\"\n"
      "    key          = \"prod/network.tfstate\"\n"
      "    region       = \"eu-west-1\"\n"
      "    encrypt      = true\n"
      "    use_lockfile = true\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://developer.hashicorp.com/terraform/language/state/sensitive-data",
      "https://developer.hashicorp.com/terraform/language/backend",
  };
  m.scope.origins = {engine::Origin::kState};
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  return m;
}

}  // namespace

const engine::RuleMetadata& StateFileRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void StateFileRule::Check(const engine::RuleContext& context, engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!resource.attributes.is_map()) return;
  std::string first_path;
  const engine::Value* first = nullptr;
  size_t count = 0;
  for (const auto& [name, value] : resource.attributes.as_map()) {
    ForEachSecretishString(
        value, name, [&](const std::string& path, std::string_view, const engine::Value& leaf) {
          if (!IsCredentialLiteral(leaf.as_string()) || !leaf.range().valid()) return;
          if (first == nullptr) {
            first = &leaf;
            first_path = path;
          }
          ++count;
        });
  }
  if (first == nullptr) return;
  std::string message =
      "terraform state holds " + first_path + " of " + resource.address +
      " in clear text: " + RedactedFor(first->as_string(), metadata().id, resource, first_path);
  if (count > 1) message += " (and " + std::to_string(count - 1) + " more secret attributes)";
  sink.Report(first_path, first, std::move(message));
}

}  // namespace faultline::rules
