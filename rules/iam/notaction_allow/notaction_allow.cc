#include "rules/iam/notaction_allow/notaction_allow.h"

#include <string>

#include "rules/common/iam_policies.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-IAM-0004";
  m.name = "iam-notaction-allow";
  m.severity = engine::Severity::kHigh;
  m.title = "Allow statement with NotAction or NotResource";
  m.summary =
      "A policy statement combines `\"Effect\": \"Allow\"` with `NotAction` or `NotResource`, "
      "allowing everything except what it lists.";
  m.why =
      "An Allow with `NotAction` grants every action of every service except the listed ones, "
      "including actions AWS adds later, and an Allow with `NotResource` grants the actions on "
      "every resource but the listed ones. Such statements almost always grant far more than "
      "intended, often IAM actions that allow privilege escalation.";
  m.remediation =
      "Rewrite the statement as an Allow that lists the actions and resources the principal "
      "needs. If the intent is \"everything but X\", keep a narrow Allow and add a separate Deny "
      "statement for X.";
  m.example_fix =
      "data \"aws_iam_policy_document\" \"app\" {\n"
      "  statement {\n"
      "    actions   = [\"sns:Publish\"]\n"
      "    resources = [aws_sns_topic.events.arn]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
      "reference_policies_elements_notresource.html",
  };
  m.peers = {
      {"kics",
       "SNS Topic Publicity Has Allow and NotAction Simultaneously "
       "(5ea624e4-c8b1-4bb3-87a4-4235a776adcc)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  m.scope.types = IamPolicyResourceTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& IamNotactionAllowRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void IamNotactionAllowRule::Check(const engine::RuleContext& context,
                                  engine::FindingSink& sink) const {
  const std::string label = ResourceLabel(context.resource);
  for (const engine::IamStatement& statement : StatementsOf(context.resource)) {
    if (statement.effect != engine::IamEffect::kAllow) continue;
    const char* element = statement.not_actions.present     ? "NotAction"
                          : statement.not_resources.present ? "NotResource"
                                                            : nullptr;
    if (element == nullptr) continue;
    if (statement.not_actions.present && statement.not_resources.present) {
      element = "NotAction and NotResource";
    }
    ReportStatement(statement,
                    label + " allows with " + element + " in " + DescribeStatement(statement) +
                        ": everything not listed is allowed",
                    sink);
  }
}

}  // namespace faultline::rules
