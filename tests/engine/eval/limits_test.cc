// Hostile input: every runaway expression ends quickly in a limit diagnostic and an Unknown,
// never in a hang, a crash or unbounded memory. Malformed syntax trees give Unknown, not crashes.
#include <gtest/gtest.h>

#include <chrono>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

using parsers::hcl::Expression;
using parsers::hcl::ExpressionKind;
using parsers::hcl::ExpressionPtr;
using parsers::hcl::Operator;

class LimitsTest : public EvalTest {
 protected:
  // Evaluates and returns the elapsed wall time in seconds.
  double Timed(const std::string& text, Value* out) {
    auto start = std::chrono::steady_clock::now();
    *out = Eval(text);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  size_t LimitDiagnostics() const {
    size_t n = 0;
    for (const EvalDiagnostic& d : diagnostics_) n += d.limit_exceeded ? 1 : 0;
    return n;
  }
};

TEST_F(LimitsTest, HugeRangeEndsWithALimitDiagnostic) {
  Value v;
  double seconds = Timed("range(1000000000)", &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  EXPECT_LT(seconds, 1.0);
  seconds = Timed("length(range(0, 1000000000000, 0.5))", &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  EXPECT_LT(seconds, 1.0);
}

TEST_F(LimitsTest, StepLimitStopsNestedLoopsAndIsReportedOnce) {
  limits_.max_eval_steps = 20'000;
  Value v;
  double seconds = Timed("[for i in range(1000) : [for j in range(1000) : i * j]]", &v);
  EXPECT_LT(seconds, 2.0);
  EXPECT_EQ(LimitDiagnostics(), 1u);
  EXPECT_GT(context_.steps, limits_.max_eval_steps);
  // The outer list may be partially built, but nothing past the limit is known.
  EXPECT_TRUE(v.is_unknown() || !v.IsWhollyKnown());
}

TEST_F(LimitsTest, StepLimitCrossedInsideFunctionArgumentsIsReportedOnce) {
  limits_.max_eval_steps = 3'000;
  Value v;
  Timed("[for i in range(100) : join(\",\", [for j in range(100) : upper(\"x\")])]", &v);
  EXPECT_EQ(LimitDiagnostics(), 1u);
  EXPECT_FALSE(v.IsWhollyKnown());
}

TEST_F(LimitsTest, StepLimitAppliesToTemplateLoops) {
  limits_.max_eval_steps = 5'000;
  Value v;
  Timed("\"%{for i in range(1000)}%{for j in range(1000)}${i}%{endfor}%{endfor}\"", &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_EQ(LimitDiagnostics(), 1u);
}

TEST_F(LimitsTest, StringDoublingIsBounded) {
  limits_.max_string_bytes = 1 << 20;
  // Each level binds the previous string to x and doubles it: 1 KiB * 2^40 unbounded.
  std::string expr = "\"" + std::string(1024, 'a') + "\"";
  for (int i = 0; i < 40; ++i) {
    expr = "[for x in [" + expr + "] : join(\"\", [x, x])][0]";
  }
  Value v;
  double seconds = Timed(expr, &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  EXPECT_LT(seconds, 2.0);
}

TEST_F(LimitsTest, OtherStringGrowthIsBounded) {
  limits_.max_string_bytes = 1 << 16;
  std::string big = "[for x in [\"" + std::string(1000, 'a') + "\"] : ";
  Value v;
  Timed(big +
            "replace(x, \"a\", "
            "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")][0]",
        &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  Timed("indent(100000, \"a\\nb\")", &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  std::string verbs, args;
  for (int i = 0; i < 100; ++i) {
    verbs += "%s";
    args += ", x";
  }
  Timed(big + "format(\"" + verbs + "\"" + args + ")][0]", &v);  // 100 KB > 64 KB
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  Timed(big + "format(\"%s%s\", x, x)][0]", &v);  // 2 KB is fine
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.as_string().size(), 2000u);
}

TEST_F(LimitsTest, CollectionExplosionIsBounded) {
  limits_.max_collection_elements = 10'000;
  Value v;
  double seconds = Timed("setproduct(range(1000), range(1000), range(1000))", &v);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  EXPECT_LT(seconds, 1.0);
  Timed("formatlist(\"%s\", range(1000))", &v);
  EXPECT_TRUE(v.is_list());
}

TEST_F(LimitsTest, DeepNestingHitsTheDepthLimit) {
  limits_.max_expression_depth = 40;
  std::string expr = "1";
  for (int i = 0; i < 60; ++i) expr = "[" + expr + "]";
  Value v = Eval(expr);
  EXPECT_TRUE(HasLimitDiagnostic());
  EXPECT_FALSE(v.IsWhollyKnown());
  EXPECT_EQ(LimitDiagnostics(), 1u);
}

TEST_F(LimitsTest, HandBuiltDeepTreeDoesNotOverflowTheStack) {
  // 100,000 nested negations: far deeper than any parser would produce.
  ExpressionPtr root = std::make_unique<Expression>();
  root->kind = ExpressionKind::kLiteral;
  root->literal = Value::Number(1);
  for (int i = 0; i < 100'000; ++i) {
    auto parent = std::make_unique<Expression>();
    parent->kind = ExpressionKind::kUnary;
    parent->op = Operator::kNegate;
    parent->operands.push_back(std::move(root));
    root = std::move(parent);
  }
  Value v = EvaluateExpression(*root, context_);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
  // Tear the chain down iteratively so the test itself does not recurse 100,000 deep.
  while (root != nullptr && !root->operands.empty()) {
    ExpressionPtr child = std::move(root->operands[0]);
    root = std::move(child);
  }
}

TEST_F(LimitsTest, DeepJsonAndYamlAreBounded) {
  std::string deep_json(100'000, '[');
  Value v = Eval("jsondecode(\"" + deep_json + "\")");
  EXPECT_TRUE(v.is_unknown());
  EXPECT_FALSE(diagnostics_.empty());
  std::string deep_yaml(5'000, '[');
  v = Eval("yamldecode(\"" + deep_yaml + "\")");
  EXPECT_TRUE(v.is_unknown());
  EXPECT_FALSE(diagnostics_.empty());
}

TEST_F(LimitsTest, DeeplyNestedValuesAreHandledConservatively) {
  // Values can nest deeper than expressions (e.g. through chains of locals).
  Value deep = Value::String("leaf");
  for (int i = 0; i < 2000; ++i) deep = Value::List({deep});
  resolver_.locals["deep"] = deep;
  EXPECT_FALSE(Eval("jsonencode(local.deep)").IsWhollyKnown());
  EXPECT_TRUE(Eval("local.deep == local.deep").is_unknown());
  EXPECT_TRUE(Eval("toset([local.deep, local.deep])").is_unknown());
  EXPECT_EQ(Render(Eval("length(local.deep)")), "1");
}

TEST_F(LimitsTest, MalformedTreesGiveUnknownNotCrashes) {
  const ExpressionKind kinds[] = {
      ExpressionKind::kLiteral,     ExpressionKind::kTemplate,     ExpressionKind::kVariable,
      ExpressionKind::kGetAttr,     ExpressionKind::kIndex,        ExpressionKind::kSplat,
      ExpressionKind::kSplatAnchor, ExpressionKind::kFunctionCall, ExpressionKind::kConditional,
      ExpressionKind::kBinary,      ExpressionKind::kUnary,        ExpressionKind::kTuple,
      ExpressionKind::kObject,      ExpressionKind::kFor,          ExpressionKind::kInvalid};
  for (ExpressionKind kind : kinds) {
    Expression e;
    e.kind = kind;  // no operands, no parts, no name
    Value v = EvaluateExpression(e, context_);
    (void)v;
    CollectReferences(e);
  }
  Expression invalid;
  invalid.kind = ExpressionKind::kInvalid;
  invalid.set_error("unexpected token");
  Value v = EvaluateExpression(invalid, context_);
  ASSERT_TRUE(v.is_unknown());
  EXPECT_NE(v.unknown().reason.find("unexpected token"), std::string::npos);
}

}  // namespace
}  // namespace faultline::engine::eval::testing
