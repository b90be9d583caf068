// Small rules for the project-configuration tests: they report what the tests need, so the
// tests do not depend on the rule pack.
#ifndef FAULTLINE_TESTS_ENGINE_PROJECT_TEST_RULES_H_
#define FAULTLINE_TESTS_ENGINE_PROJECT_TEST_RULES_H_

#include <memory>
#include <string>

#include "engine/rule.h"

namespace faultline::engine::testing {

// TEST-0001 test-header: every aws_thing / ConfigMap, at its header.
class HeaderRule : public Rule {
 public:
  HeaderRule() {
    meta_.id = "TEST-0001";
    meta_.name = "test-header";
    meta_.severity = Severity::kHigh;
    meta_.scope.kinds = {ResourceKind::kManaged, ResourceKind::kObject};
  }
  const RuleMetadata& metadata() const override { return meta_; }
  void Check(const RuleContext& context, FindingSink& sink) const override {
    const Resource& r = context.resource;
    if (r.type != "aws_thing" && r.type != "v1/ConfigMap") return;
    sink.Report("", nullptr, "header of " + r.address);
  }

 private:
  RuleMetadata meta_;
};

// TEST-0002 test-flag: attribute `flag` (TF) or `data.flag` (K8s) when present.
class FlagRule : public Rule {
 public:
  FlagRule() {
    meta_.id = "TEST-0002";
    meta_.name = "test-flag";
    meta_.severity = Severity::kMedium;
    meta_.scope.kinds = {ResourceKind::kManaged, ResourceKind::kObject};
  }
  const RuleMetadata& metadata() const override { return meta_; }
  void Check(const RuleContext& context, FindingSink& sink) const override {
    const Resource& r = context.resource;
    const Value* flag = r.Get("flag");
    if (flag == nullptr) flag = r.Find({"data", "flag"});
    if (flag != nullptr) sink.Report("flag", flag, "flag of " + r.address);
  }

 private:
  RuleMetadata meta_;
};

// TEST-0003 test-options: declares options and reports their values on every aws_thing.
class OptionsRule : public Rule {
 public:
  OptionsRule() {
    meta_.id = "TEST-0003";
    meta_.name = "test-options";
    meta_.severity = Severity::kLow;
    meta_.scope.types = {"aws_thing"};
    meta_.options = {
        {"min_azs_stateful", RuleOptionType::kInt, "2", "stateful minimum"},
        {"min_azs_stateless", RuleOptionType::kInt, "3", "stateless minimum"},
        {"required_tags", RuleOptionType::kStringList, "", "tags"},
        {"strict", RuleOptionType::kBool, "false", "strict mode"},
    };
  }
  const RuleMetadata& metadata() const override { return meta_; }
  void Check(const RuleContext& context, FindingSink& sink) const override {
    std::string tags;
    for (const std::string& tag : context.options.StringList("required_tags")) tags += tag + ";";
    sink.Report("", nullptr,
                "stateful=" + std::to_string(context.options.Int("min_azs_stateful")) +
                    " stateless=" + std::to_string(context.options.Int("min_azs_stateless")) +
                    " tags=" + tags +
                    " strict=" + (context.options.Bool("strict") ? "true" : "false"));
  }

 private:
  RuleMetadata meta_;
};

inline RuleList TestRules() {
  RuleList rules;
  rules.push_back(std::make_unique<HeaderRule>());
  rules.push_back(std::make_unique<FlagRule>());
  rules.push_back(std::make_unique<OptionsRule>());
  return rules;
}

}  // namespace faultline::engine::testing

#endif  // FAULTLINE_TESTS_ENGINE_PROJECT_TEST_RULES_H_
