#include "rules/secrets/variable_default/variable_default.h"

#include <string>

#include "engine/secrets/secret_heuristics.h"
#include "rules/common/literal_secrets.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-SEC-0070";
  m.name = "secrets-variable-default";
  m.severity = engine::Severity::kHigh;
  m.title = "Secret-named variable with a literal default";
  m.summary = "A Terraform variable whose name means a secret has a literal default.";
  m.why =
      "A default is used whenever nobody supplies the value, so the committed credential is what "
      "gets deployed, and it is readable by everyone with access to the repository, its clones "
      "and its history.";
  m.remediation =
      "Remove the default so the value must be supplied at apply time (from a secret store, a "
      "TF_VAR_ environment variable or an untracked .tfvars file), mark the variable "
      "`sensitive = true`, and rotate the value that was committed.";
  m.example_fix =
      "variable \"db_master_password\" {\n"
      "  type      = string\n"
      "  sensitive = true\n"
      "  # no default: supplied as TF_VAR_db_master_password by the pipeline's secret store\n"
      "}\n";
  m.references = {
      "https://developer.hashicorp.com/terraform/language/values/variables",
      "https://cwe.mitre.org/data/definitions/798.html",
  };
  m.peers = {{"kics", "a88baa34-e2ad-44ea-ad6f-8cac87bc7c71"}};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kVariable};
  m.aliases = {"FL-SEC-0067", "secret-terraform-variable-default"};
  return m;
}

}  // namespace

const engine::RuleMetadata& VariableDefaultRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void VariableDefaultRule::Check(const engine::RuleContext& context,
                                engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (!engine::secrets::IsSecretishName(resource.name)) return;
  const engine::Value* value = resource.Get("value");
  if (value == nullptr || !IsLiteralStringIn(*value, resource.range)) return;
  const std::string& secret = value->as_string();
  if (!IsCredentialLiteral(secret)) return;
  const engine::Value at =
      value->WithRange(value->origin().valid() ? value->origin() : value->range());
  sink.Report("default", &at,
              "variable \"" + resource.name + "\" has a literal default: " +
                  RedactedFor(secret, metadata().id, resource, "default"));
}

}  // namespace faultline::rules
