// ParseHcl / ParseExpression: blocks, attributes, every expression form, errors and limits.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "tests/parsers/parse_helpers.h"

namespace faultline::parsers::hcl {
namespace {

using testing::Attr;
using testing::Expr;
using testing::Hcl;
using testing::TextOf;
using testing::Where;

TEST(HclParserTest, BlockWithQuotedLabelsAndRanges) {
  auto parsed = Hcl("# header\nresource \"aws_instance\" \"web\" {\n  ami = \"ami-1\"\n}\n");
  ASSERT_TRUE(parsed.config.ok());
  ASSERT_EQ(parsed.config.body.blocks.size(), 1u);
  const Block& block = parsed.config.body.blocks[0];
  EXPECT_EQ(block.type, "resource");
  EXPECT_EQ(block.labels, (std::vector<std::string>{"aws_instance", "web"}));
  ASSERT_EQ(block.label_ranges.size(), 2u);
  EXPECT_EQ(TextOf(block.label_ranges[0]), "\"aws_instance\"");
  EXPECT_EQ(TextOf(block.label_ranges[1]), "\"web\"");
  EXPECT_EQ(TextOf(block.type_range), "resource");
  EXPECT_EQ(TextOf(block.header_range), "resource \"aws_instance\" \"web\"");
  EXPECT_EQ(TextOf(block.range), "resource \"aws_instance\" \"web\" {\n  ami = \"ami-1\"\n}");
  EXPECT_EQ(TextOf(block.body.range), "\n  ami = \"ami-1\"\n");
  EXPECT_EQ(Where(block.range), "2:1");
  ASSERT_EQ(block.body.attributes.size(), 1u);
  const Attribute& ami = block.body.attributes[0];
  EXPECT_EQ(ami.name, "ami");
  EXPECT_EQ(TextOf(ami.name_range), "ami");
  EXPECT_EQ(TextOf(ami.range), "ami = \"ami-1\"");
  EXPECT_EQ(Where(ami.range), "3:3");
  ASSERT_EQ(ami.value->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(ami.value->literal.as_string(), "ami-1");
  EXPECT_EQ(TextOf(ami.value->range), "\"ami-1\"");
}

TEST(HclParserTest, IdentifierLabelsEscapedLabelsAndNestedBlocks) {
  auto parsed =
      Hcl("variable region {}\n"
          "resource \"a\\\"b\" \"c\" {\n"
          "  lifecycle { create_before_destroy = true }\n"
          "  ingress { from_port = 22 }\n"
          "  ingress { from_port = 443 }\n"
          "  dynamic \"setting\" {\n"
          "    for_each = var.settings\n"
          "    content { name = setting.key }\n"
          "  }\n"
          "}\n");
  ASSERT_TRUE(parsed.config.ok()) << parsed.config.diagnostics[0].message;
  const auto& blocks = parsed.config.body.blocks;
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].labels, (std::vector<std::string>{"region"}));
  EXPECT_EQ(TextOf(blocks[0].header_range), "variable region");
  EXPECT_EQ(blocks[1].labels[0], "a\"b");
  const Body& body = blocks[1].body;
  ASSERT_EQ(body.blocks.size(), 4u);
  EXPECT_EQ(body.blocks[1].type, "ingress");
  EXPECT_EQ(body.blocks[2].body.FindAttribute("from_port")->value->literal.as_number(), 443);
  EXPECT_EQ(body.FindBlock("ingress"), &body.blocks[1]);
  EXPECT_EQ(body.FindBlock("missing"), nullptr);
  const Block* dynamic = body.FindBlock("dynamic");
  ASSERT_NE(dynamic, nullptr);
  EXPECT_EQ(dynamic->labels[0], "setting");
  ASSERT_NE(dynamic->body.FindBlock("content"), nullptr);
  EXPECT_EQ(dynamic->body.FindAttribute("for_each")->value->kind, ExpressionKind::kGetAttr);
  EXPECT_TRUE(body.FindBlock("lifecycle")
                  ->body.FindAttribute("create_before_destroy")
                  ->value->literal.as_bool());
}

TEST(HclParserTest, AttributesAndCommentsInSourceOrder) {
  auto parsed =
      Hcl("a = 1 # one\n"
          "// two\n"
          "b = [1, /* inline */ 2, # trailing\n 3]\n"
          "/* block\n comment */\n"
          "c = { x = 1 # note\n }\n");
  ASSERT_TRUE(parsed.config.ok());
  const auto& attributes = parsed.config.body.attributes;
  ASSERT_EQ(attributes.size(), 3u);
  EXPECT_EQ(attributes[0].name, "a");
  EXPECT_EQ(attributes[1].name, "b");
  EXPECT_EQ(attributes[1].value->operands.size(), 3u);
  EXPECT_EQ(attributes[2].value->items.size(), 1u);
  EXPECT_EQ(parsed.config.body.FindAttribute("c"), &attributes[2]);
  EXPECT_EQ(parsed.config.body.FindAttribute("d"), nullptr);
}

TEST(HclParserTest, EmptyFileIsAnEmptyBody) {
  auto parsed = Hcl("");
  EXPECT_TRUE(parsed.config.ok());
  EXPECT_TRUE(parsed.config.body.blocks.empty());
  EXPECT_TRUE(parsed.config.body.attributes.empty());
  EXPECT_EQ(parsed.config.file, parsed.file.get());
  EXPECT_FALSE(parsed.config.from_json);
}

TEST(HclParserTest, Literals) {
  auto parsed =
      Hcl("i = 42\nf = 1.5\ne = 1.5e3\nn = 2.5E-2\nt = true\nfa = false\nnu = null\n"
          "s = \"text\"\nempty = \"\"\nspaces = \"  \"\n");
  ASSERT_TRUE(parsed.config.ok());
  EXPECT_EQ(Attr(parsed, "i")->literal.as_number(), 42);
  EXPECT_EQ(Attr(parsed, "f")->literal.as_number(), 1.5);
  EXPECT_EQ(Attr(parsed, "e")->literal.as_number(), 1500);
  EXPECT_EQ(Attr(parsed, "n")->literal.as_number(), 0.025);
  EXPECT_TRUE(Attr(parsed, "t")->literal.as_bool());
  EXPECT_FALSE(Attr(parsed, "fa")->literal.as_bool());
  EXPECT_TRUE(Attr(parsed, "nu")->literal.is_null());
  EXPECT_EQ(Attr(parsed, "nu")->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(Attr(parsed, "s")->literal.as_string(), "text");
  EXPECT_EQ(Attr(parsed, "empty")->literal.as_string(), "");
  EXPECT_EQ(Attr(parsed, "spaces")->literal.as_string(), "  ");
  EXPECT_EQ(TextOf(Attr(parsed, "i")->literal.range()), "42");
}

TEST(HclParserTest, ExponentWithoutFractionIsANumber) {
  // The grammar only knows `1.0e3`; HCL also accepts `1e3`.
  auto parsed = Hcl(
      "a = 1e3\nb = [2E+5, -4e-2]\nc = \"1e3 ${5e1}\"\n# 3e4 in a comment\nd = <<EOT\n6e7\nEOT\n");
  ASSERT_TRUE(parsed.config.ok()) << parsed.config.diagnostics[0].message;
  EXPECT_EQ(Attr(parsed, "a")->literal.as_number(), 1000);
  EXPECT_EQ(TextOf(Attr(parsed, "a")->range), "1e3");
  EXPECT_EQ(TextOf(parsed.config.body.FindAttribute("a")->range), "a = 1e3");
  const Expression* b = Attr(parsed, "b");
  EXPECT_EQ(b->operands[0]->literal.as_number(), 200000);
  EXPECT_EQ(TextOf(b->operands[1]->range), "-4e-2");
  const Expression* c = Attr(parsed, "c");
  EXPECT_EQ(c->parts[0].text, "1e3 ");
  EXPECT_EQ(c->parts[1].expression->literal.as_number(), 50);
  EXPECT_EQ(Attr(parsed, "d")->literal.as_string(), "6e7\n");
  EXPECT_EQ(testing::Where(parsed.config.body.FindAttribute("d")->range), "5:1");
  // Other errors in the same file are still reported, at their original position.
  auto broken = Hcl("a = 1e3\nb = \"1e3\" +\n");
  ASSERT_FALSE(broken.config.ok());
  EXPECT_EQ(testing::Where(broken.config.diagnostics[0].range), "3:1");
  EXPECT_EQ(Attr(broken, "a")->literal.as_number(), 1000);
}

TEST(HclParserTest, QuotedStringEscapes) {
  auto parsed =
      Hcl("a = \"tab\\tnl\\nq\\\"bs\\\\cr\\r\"\n"
          "b = \"\\u00e9\\U0001F600\"\n"
          "c = \"$${not} %%{directive}\"\n"
          "d = \"a $ b % c $$ d\"\n");
  ASSERT_TRUE(parsed.config.ok());
  EXPECT_EQ(Attr(parsed, "a")->literal.as_string(), "tab\tnl\nq\"bs\\cr\r");
  EXPECT_EQ(Attr(parsed, "b")->literal.as_string(), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(Attr(parsed, "c")->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(Attr(parsed, "c")->literal.as_string(), "${not} %{directive}");
  EXPECT_EQ(Attr(parsed, "d")->literal.as_string(), "a $ b % c $$ d");
}

TEST(HclParserTest, TraversalsAndLegacyIndex) {
  auto parsed = Expr("var.a.b[0].c.1");
  ASSERT_TRUE(parsed.diagnostics.empty());
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kIndex);  // legacy `.1`
  EXPECT_EQ(TextOf(e->range), "var.a.b[0].c.1");
  EXPECT_EQ(e->operands[1]->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(e->operands[1]->literal.as_number(), 1);
  EXPECT_EQ(TextOf(e->operands[1]->range), "1");
  const Expression* c = e->operands[0].get();
  ASSERT_EQ(c->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(c->name, "c");
  const Expression* index = c->operands[0].get();
  ASSERT_EQ(index->kind, ExpressionKind::kIndex);
  EXPECT_EQ(TextOf(index->range), "var.a.b[0]");
  EXPECT_EQ(index->operands[1]->literal.as_number(), 0);
  const Expression* b = index->operands[0].get();
  EXPECT_EQ(b->name, "b");
  const Expression* a = b->operands[0].get();
  EXPECT_EQ(a->name, "a");
  const Expression* root = a->operands[0].get();
  ASSERT_EQ(root->kind, ExpressionKind::kVariable);
  EXPECT_EQ(root->name, "var");
  EXPECT_EQ(TextOf(root->range), "var");
}

TEST(HclParserTest, IndexWithExpressionKey) {
  auto parsed = Expr("local.map[var.key]");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kIndex);
  EXPECT_EQ(e->operands[1]->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(TextOf(e->operands[1]->range), "var.key");
}

TEST(HclParserTest, FullSplatIsRootedAtAnAnchor) {
  auto parsed = Expr("a[*].b.c");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kSplat);
  EXPECT_TRUE(e->flag);
  EXPECT_EQ(TextOf(e->range), "a[*].b.c");
  ASSERT_EQ(e->operands.size(), 2u);
  EXPECT_EQ(e->operands[0]->kind, ExpressionKind::kVariable);
  const Expression* each = e->operands[1].get();
  ASSERT_EQ(each->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(each->name, "c");
  ASSERT_EQ(each->operands[0]->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(each->operands[0]->name, "b");
  const Expression* anchor = each->operands[0]->operands[0].get();
  EXPECT_EQ(anchor->kind, ExpressionKind::kSplatAnchor);
  EXPECT_EQ(TextOf(anchor->range), "[*]");
}

TEST(HclParserTest, FullSplatKeepsIndexesInsideEachElement) {
  auto parsed = Expr("a[*].b[0]");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kSplat);
  EXPECT_EQ(e->operands[1]->kind, ExpressionKind::kIndex);
}

TEST(HclParserTest, AttributeSplatStopsAtABracketIndex) {
  auto parsed = Expr("aws_instance.web.*.id[0]");
  const Expression* e = parsed.expression.get();
  // HCL: the attribute-only splat takes `.id`; `[0]` indexes the resulting list.
  ASSERT_EQ(e->kind, ExpressionKind::kIndex);
  const Expression* splat = e->operands[0].get();
  ASSERT_EQ(splat->kind, ExpressionKind::kSplat);
  EXPECT_FALSE(splat->flag);
  EXPECT_EQ(TextOf(splat->range), "aws_instance.web.*.id");
  EXPECT_EQ(splat->operands[0]->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(splat->operands[1]->name, "id");
  EXPECT_EQ(splat->operands[1]->operands[0]->kind, ExpressionKind::kSplatAnchor);
}

TEST(HclParserTest, ChainedSplats) {
  auto parsed = Expr("a[*].b[*].c");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kSplat);
  EXPECT_EQ(e->operands[0]->kind, ExpressionKind::kSplat);
  EXPECT_EQ(e->operands[1]->name, "c");
}

TEST(HclParserTest, FunctionCalls) {
  auto plain = Expr("lookup(var.m, \"k\", null)");
  ASSERT_EQ(plain.expression->kind, ExpressionKind::kFunctionCall);
  EXPECT_EQ(plain.expression->name, "lookup");
  EXPECT_EQ(plain.expression->operands.size(), 3u);
  EXPECT_FALSE(plain.expression->flag);
  auto expanded = Expr("max(var.list...)");
  EXPECT_EQ(expanded.expression->name, "max");
  EXPECT_EQ(expanded.expression->operands.size(), 1u);
  EXPECT_TRUE(expanded.expression->flag);
  auto provider = Expr("provider::aws::arn_parse(var.arn)");
  EXPECT_EQ(provider.expression->name, "provider::aws::arn_parse");
  auto none = Expr("timestamp()");
  EXPECT_EQ(none.expression->operands.size(), 0u);
  auto trailing = Expr("concat(a, b,)");
  EXPECT_EQ(trailing.expression->operands.size(), 2u);
}

TEST(HclParserTest, ConditionalAndOperatorPrecedence) {
  auto parsed = Expr("var.a ? 1 + 2 * 3 : -x");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kConditional);
  ASSERT_EQ(e->operands.size(), 3u);
  const Expression* sum = e->operands[1].get();
  ASSERT_EQ(sum->kind, ExpressionKind::kBinary);
  EXPECT_EQ(sum->op, Operator::kAdd);
  EXPECT_EQ(sum->operands[1]->op, Operator::kMultiply);
  EXPECT_EQ(TextOf(sum->operands[1]->range), "2 * 3");
  EXPECT_EQ(e->operands[2]->kind, ExpressionKind::kUnary);
  EXPECT_EQ(e->operands[2]->op, Operator::kNegate);

  auto logic = Expr("a || b && !c == d");
  const Expression* l = logic.expression.get();
  ASSERT_EQ(l->op, Operator::kOr);
  const Expression* conjunction = l->operands[1].get();
  ASSERT_EQ(conjunction->op, Operator::kAnd);
  const Expression* equality = conjunction->operands[1].get();
  ASSERT_EQ(equality->op, Operator::kEqual);
  EXPECT_EQ(equality->operands[0]->kind, ExpressionKind::kUnary);
  EXPECT_EQ(equality->operands[0]->op, Operator::kNot);

  auto left = Expr("10 - 4 - 3");  // left associative
  EXPECT_EQ(TextOf(left.expression->operands[0]->range), "10 - 4");

  struct Case {
    const char* text;
    Operator op;
  };
  for (const Case& c :
       {Case{"a - b", Operator::kSubtract}, Case{"a / b", Operator::kDivide},
        Case{"a % b", Operator::kModulo}, Case{"a != b", Operator::kNotEqual},
        Case{"a < b", Operator::kLess}, Case{"a <= b", Operator::kLessEqual},
        Case{"a > b", Operator::kGreater}, Case{"a >= b", Operator::kGreaterEqual}}) {
    auto parsed_case = Expr(c.text);
    EXPECT_EQ(parsed_case.expression->kind, ExpressionKind::kBinary) << c.text;
    EXPECT_EQ(parsed_case.expression->op, c.op) << c.text;
  }
}

TEST(HclParserTest, ChainedConditionalsGroupToTheRight) {
  auto parsed = Expr("a ? \"x\" : b ? \"y\" : c ? \"z\" : \"w\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kConditional);
  EXPECT_EQ(TextOf(e->range), "a ? \"x\" : b ? \"y\" : c ? \"z\" : \"w\"");
  EXPECT_EQ(TextOf(e->operands[0]->range), "a");
  EXPECT_EQ(e->operands[1]->literal.as_string(), "x");
  const Expression* second = e->operands[2].get();
  ASSERT_EQ(second->kind, ExpressionKind::kConditional);
  EXPECT_EQ(TextOf(second->range), "b ? \"y\" : c ? \"z\" : \"w\"");
  EXPECT_EQ(TextOf(second->operands[0]->range), "b");
  const Expression* third = second->operands[2].get();
  ASSERT_EQ(third->kind, ExpressionKind::kConditional);
  EXPECT_EQ(TextOf(third->operands[0]->range), "c");
  EXPECT_EQ(third->operands[2]->literal.as_string(), "w");

  auto nested_then = Expr("a ? b ? 1 : 2 : 3");
  EXPECT_EQ(nested_then.expression->operands[1]->kind, ExpressionKind::kConditional);
  EXPECT_EQ(nested_then.expression->operands[2]->literal.as_number(), 3);

  auto parenthesized = Expr("(a ? b : c) ? d : e");
  ASSERT_EQ(parenthesized.expression->operands[0]->kind, ExpressionKind::kConditional);
  EXPECT_EQ(TextOf(parenthesized.expression->operands[0]->range), "(a ? b : c)");
  EXPECT_EQ(TextOf(parenthesized.expression->operands[2]->range), "e");
}

TEST(HclParserTest, ParenthesesKeepTheirRangeButHaveNoNode) {
  auto parsed = Expr("(1 + 2) * 3");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->op, Operator::kMultiply);
  EXPECT_EQ(e->operands[0]->op, Operator::kAdd);
  EXPECT_EQ(TextOf(e->operands[0]->range), "(1 + 2)");
  auto literal = Expr("(\"x\")");
  EXPECT_EQ(literal.expression->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(TextOf(literal.expression->range), "(\"x\")");
  auto traversal = Expr("(var.a).b");
  EXPECT_EQ(traversal.expression->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(TextOf(traversal.expression->range), "(var.a).b");
}

TEST(HclParserTest, TuplesAndObjects) {
  auto parsed = Expr(
      "{\n  bare = 1\n  \"quoted\" = [1, \"two\", var.three,]\n  (var.k) = 3\n"
      "  colon: 4,\n  a.b = 5\n  \"${x}\" = 6\n}");
  ASSERT_TRUE(parsed.diagnostics.empty()) << parsed.diagnostics[0].message;
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kObject);
  ASSERT_EQ(e->items.size(), 6u);
  EXPECT_EQ(e->items[0].key->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(e->items[0].key->literal.as_string(), "bare");
  EXPECT_EQ(TextOf(e->items[0].key->range), "bare");
  EXPECT_EQ(TextOf(e->items[0].range), "bare = 1");
  EXPECT_EQ(e->items[1].key->literal.as_string(), "quoted");
  const Expression* tuple = e->items[1].value.get();
  ASSERT_EQ(tuple->kind, ExpressionKind::kTuple);
  ASSERT_EQ(tuple->operands.size(), 3u);
  EXPECT_EQ(tuple->operands[1]->literal.as_string(), "two");
  EXPECT_EQ(e->items[2].key->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(TextOf(e->items[2].key->range), "(var.k)");
  EXPECT_EQ(e->items[3].key->literal.as_string(), "colon");
  EXPECT_EQ(e->items[4].key->kind, ExpressionKind::kGetAttr);
  EXPECT_EQ(e->items[5].key->kind, ExpressionKind::kTemplate);
  auto empty = Expr("[]");
  EXPECT_EQ(empty.expression->kind, ExpressionKind::kTuple);
  EXPECT_TRUE(empty.expression->operands.empty());
  auto empty_object = Expr("{}");
  EXPECT_EQ(empty_object.expression->kind, ExpressionKind::kObject);
}

TEST(HclParserTest, ForExpressions) {
  auto tuple = Expr("[for i, v in var.list : upper(v) if v != \"\"]");
  const Expression* t = tuple.expression.get();
  ASSERT_EQ(t->kind, ExpressionKind::kFor);
  EXPECT_FALSE(t->for_object);
  EXPECT_EQ(t->key_var(), "i");
  EXPECT_EQ(t->value_var(), "v");
  ASSERT_EQ(t->operands.size(), 4u);
  EXPECT_EQ(TextOf(t->operands[0]->range), "var.list");
  EXPECT_EQ(t->operands[1], nullptr);
  EXPECT_EQ(t->operands[2]->kind, ExpressionKind::kFunctionCall);
  ASSERT_NE(t->operands[3], nullptr);
  EXPECT_EQ(t->operands[3]->op, Operator::kNotEqual);

  auto object = Expr("{for s in var.subnets : s.az => s.id...}");
  const Expression* o = object.expression.get();
  ASSERT_EQ(o->kind, ExpressionKind::kFor);
  EXPECT_TRUE(o->for_object);
  EXPECT_TRUE(o->flag);
  EXPECT_EQ(o->key_var(), "");
  EXPECT_EQ(o->value_var(), "s");
  EXPECT_EQ(TextOf(o->operands[1]->range), "s.az");
  EXPECT_EQ(TextOf(o->operands[2]->range), "s.id");
  EXPECT_EQ(o->operands[3], nullptr);

  auto plain = Expr("{for k, v in m : k => v if v}");
  EXPECT_FALSE(plain.expression->flag);
  EXPECT_NE(plain.expression->operands[3], nullptr);
}

TEST(HclParserTest, OnlyForAndInvalidExpressionsCarryDetail) {
  // Loop variables and error texts live out of line; every other node leaves them unset.
  auto parsed =
      Hcl("a = var.x.y[0]\nb = upper(\"s\")\nc = 1 + local.n\nd = { k = \"v\" }\n"
          "e = \"${var.x}-%{for s in var.l}${s}%{endfor}\"\nf = [for k, v in var.m : v]\n"
          "g = {for v in var.l : v => v}\n");
  ASSERT_TRUE(parsed.config.ok());
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    const Expression* e = Attr(parsed, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->detail, nullptr) << name;
    EXPECT_EQ(e->key_var(), "") << name;
    EXPECT_EQ(e->value_var(), "") << name;
    EXPECT_EQ(e->error(), "") << name;
  }
  EXPECT_EQ(Attr(parsed, "a")->operands[0]->detail, nullptr);
  ASSERT_NE(Attr(parsed, "f")->detail, nullptr);
  EXPECT_EQ(Attr(parsed, "f")->key_var(), "k");
  EXPECT_EQ(Attr(parsed, "f")->value_var(), "v");
  EXPECT_EQ(Attr(parsed, "f")->error(), "");
  EXPECT_EQ(Attr(parsed, "g")->key_var(), "");
  EXPECT_EQ(Attr(parsed, "g")->value_var(), "v");

  auto invalid = Expr("1 +");
  ASSERT_EQ(invalid.expression->kind, ExpressionKind::kInvalid);
  ASSERT_NE(invalid.expression->detail, nullptr);
  EXPECT_FALSE(invalid.expression->error().empty());
  EXPECT_EQ(invalid.expression->key_var(), "");
}

TEST(HclParserTest, SyntaxErrorPointsAtTheFirstProblem) {
  auto parsed = Hcl("a = 1\nb = \nresource \"x\" \"y\" {\n}\n");
  ASSERT_FALSE(parsed.config.ok());
  const ParseDiagnostic& diagnostic = parsed.config.diagnostics[0];
  EXPECT_EQ(diagnostic.range.file, parsed.file.get());
  EXPECT_NE(diagnostic.message.find("syntax error"), std::string::npos) << diagnostic.message;
  EXPECT_GE(diagnostic.range.start().line, 1u);
  ASSERT_NE(parsed.config.body.FindAttribute("a"), nullptr);
  EXPECT_EQ(parsed.config.body.FindAttribute("b"), nullptr);
}

TEST(HclParserTest, MissingClosingBraceIsReported) {
  auto parsed = Hcl("resource \"a\" \"b\" {\n  x = 1\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_EQ(parsed.config.diagnostics[0].message, "syntax error: missing \"}\"");
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "3:1");
  EXPECT_TRUE(parsed.config.body.blocks.empty());
}

TEST(HclParserTest, SyntaxErrorMessages) {
  struct Case {
    const char* text;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"bad file:\n\nafdas\n", "1:9", "syntax error: unexpected \":\""},
      {"a = 1\n}\nb = 2\n", "2:1", "syntax error: unexpected \"}\""},
      {"a = {\n  b = 1\n  c = \n}\n", "4:1", "syntax error: unexpected \"}\""},
      {"resource \"a\" {\n  x = foo(1,\n}\n", "3:1", "syntax error: unexpected \"}\""},
      {"a = 1 +\n", "2:1", "syntax error: missing expression"},
      {"a = \"unterminated\nb = 1\n", "1:5", "syntax error: unterminated string"},
      {"resource \"a\" \"b\n{}\n", "1:14", "syntax error: unterminated string"},
      {"a = \"${var.x\"\n", "1:13", "syntax error: unexpected '\"'"},
      {"x {\n  a = [1, 2\n}\n", "3:1", "syntax error: missing \"]\""},
      {"a = [for x in y x]\n", "1:17", "syntax error: missing \":\""},
      {"v {\n  d = <<EOF\nno end\n", "4:1", "syntax error: missing heredoc end marker"},
  };
  for (const Case& c : cases) {
    auto parsed = Hcl(c.text);
    ASSERT_FALSE(parsed.config.ok()) << c.text;
    EXPECT_EQ(parsed.config.diagnostics[0].message, c.message) << c.text;
    EXPECT_EQ(Where(parsed.config.diagnostics[0].range), c.where) << c.text;
  }
}

TEST(HclParserTest, BrokenBlockFollowedByAGoodOneStillYieldsTheGoodOne) {
  auto parsed =
      Hcl("resource \"aws_s3_bucket\" \"broken\" {\n"
          "  bucket = \"x\" +\n"
          "}\n"
          "\n"
          "resource \"aws_db_instance\" \"good\" {\n"
          "  multi_az = false\n"
          "}\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "2:16");
  EXPECT_EQ(parsed.config.diagnostics[0].message, "syntax error: unexpected \"+\"");
  const Block* good = nullptr;
  for (const Block& block : parsed.config.body.blocks) {
    EXPECT_NE(block.labels.at(1), "broken");
    if (block.labels.at(1) == "good") good = &block;
  }
  ASSERT_NE(good, nullptr);
  EXPECT_FALSE(good->body.FindAttribute("multi_az")->value->literal.as_bool());
}

TEST(HclParserTest, DuplicateAttributeIsADiagnosticAndTheFirstIsKept) {
  auto parsed = Hcl("a = 1\nb = 2\na = 3\n");
  ASSERT_EQ(parsed.config.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "attribute \"a\" redefined");
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "3:1");
  EXPECT_EQ(parsed.config.body.attributes.size(), 2u);
  EXPECT_EQ(Attr(parsed, "a")->literal.as_number(), 1);
}

TEST(HclParserTest, ManyAttributesWithADuplicateStayFast) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text.append("a").append(std::to_string(i)).append(" = 1\n");
  text += "a17 = 2\n";
  auto start = std::chrono::steady_clock::now();
  auto parsed = Hcl(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(parsed.config.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "attribute \"a17\" redefined");
  EXPECT_EQ(parsed.config.body.attributes.size(), 30000u);
}

TEST(HclParserTest, ItemsOnOneLineAreADiagnostic) {
  auto parsed = Hcl("a = 1 b = 2\nx { y = 1 }\nz { w = 1 } v {}\n");
  ASSERT_EQ(parsed.config.diagnostics.size(), 2u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "syntax error: missing newline after attribute");
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "1:7");
  EXPECT_EQ(parsed.config.diagnostics[1].message, "syntax error: missing newline after block");
  EXPECT_EQ(Where(parsed.config.diagnostics[1].range), "3:13");
  EXPECT_TRUE(
      Hcl("a = 1 # comment\nb = 2 /* c */\nx { y = 1 } // single-line block\n").config.ok());
}

TEST(HclParserTest, MultiLineQuotedStringIsADiagnostic) {
  auto parsed = Hcl("a = \"line one\nline two\"\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_NE(parsed.config.diagnostics[0].message.find("multiple lines"), std::string::npos);
}

TEST(HclParserTest, TopLevelObjectIsRejected) {
  auto parsed = Hcl("{ \"a\" = 1 }\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_TRUE(parsed.config.body.attributes.empty());
}

TEST(HclParserTest, HexNumbersAreRejectedAsHclDoes) {
  auto parsed = Hcl("a = 0x1F\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_NE(parsed.config.diagnostics[0].message.find("invalid number"), std::string::npos);
}

TEST(HclParserTest, InvalidUtf8IsADiagnosticNotACrash) {
  auto parsed = Hcl("a = \"caf\xE9\"\nb = \"\xFF\xFE\"\nc = 1\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_EQ(parsed.config.diagnostics[0].message, "invalid UTF-8 byte in input");
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "1:9");
  EXPECT_NE(parsed.config.body.FindAttribute("c"), nullptr);
}

TEST(HclParserTest, BinaryGarbageDoesNotCrash) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  auto parsed = Hcl(garbage);
  EXPECT_FALSE(parsed.config.ok());
}

TEST(HclParserTest, DeepNestingBeyondTheLimitIsADiagnostic) {
  std::string deep = "a = " + std::string(300, '[') + std::string(300, ']') + "\n";
  auto parsed = Hcl(deep);
  ASSERT_EQ(parsed.config.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "nesting exceeds the limit of 256 levels");
  ASSERT_NE(Attr(parsed, "a"), nullptr);  // the attribute stays, its deep part is kInvalid

  std::string shallow = "a = " + std::string(100, '[') + std::string(100, ']') + "\n";
  EXPECT_TRUE(Hcl(shallow).config.ok());

  ParseLimits tight;
  tight.max_nesting_depth = 8;
  auto limited = Hcl("a = [[[[[[[[[[1]]]]]]]]]]\n", tight);
  ASSERT_FALSE(limited.config.ok());
  EXPECT_EQ(limited.config.diagnostics[0].message, "nesting exceeds the limit of 8 levels");
}

TEST(HclParserTest, HundredThousandOpenBracketsDoNotOverflowTheStack) {
  auto start = std::chrono::steady_clock::now();
  auto parsed = Hcl("a = " + std::string(100000, '['));
  EXPECT_FALSE(parsed.config.ok());
  auto closed = Hcl("a = " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  EXPECT_FALSE(closed.config.ok());
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "b {\n";
  for (int i = 0; i < 20000; ++i) nested += "}\n";
  auto blocks = Hcl(nested);
  ASSERT_FALSE(blocks.config.ok());
  EXPECT_EQ(blocks.config.diagnostics[0].message, "nesting exceeds the limit of 256 levels");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(HclParserTest, DeepTemplateDirectiveNestingIsBounded) {
  std::string text = "a = \"";
  for (int i = 0; i < 400; ++i) text += "%{if x}";
  for (int i = 0; i < 400; ++i) text += "%{endif}";
  text += "\"\n";
  auto parsed = Hcl(text);
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_NE(parsed.config.diagnostics[0].message.find("nesting exceeds"), std::string::npos);
}

TEST(HclParserTest, TimeoutIsADiagnostic) {
  std::string big;
  for (int i = 0; i < 20000; ++i)
    big.append("a").append(std::to_string(i)).append(" = [1, 2, \"three\"]\n");
  ParseLimits limits;
  limits.timeout_micros = 1;
  auto parsed = Hcl(big, limits);
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_NE(parsed.config.diagnostics[0].message.find("longer than the limit"), std::string::npos);
  EXPECT_TRUE(parsed.config.body.attributes.empty());
  // The thread's parser is usable again afterwards.
  EXPECT_TRUE(Hcl("a = 1\n").config.ok());
}

TEST(ParseExpressionTest, ValidAndInvalid) {
  auto ok = Expr("  1 + 2  ");
  EXPECT_TRUE(ok.diagnostics.empty());
  EXPECT_EQ(ok.expression->kind, ExpressionKind::kBinary);
  EXPECT_EQ(TextOf(ok.expression->range), "1 + 2");
  EXPECT_EQ(ok.expression->range.file, ok.file.get());

  auto bad = Expr("1 +");
  EXPECT_EQ(bad.expression->kind, ExpressionKind::kInvalid);
  ASSERT_FALSE(bad.diagnostics.empty());
  EXPECT_NE(bad.expression->error().find("syntax error"), std::string::npos);

  auto two = Expr("a b");
  EXPECT_EQ(two.expression->kind, ExpressionKind::kInvalid);
  EXPECT_FALSE(two.diagnostics.empty());

  auto empty = Expr("");
  EXPECT_EQ(empty.expression->kind, ExpressionKind::kInvalid);

  engine::SourceFile file("e", "[1, 2");
  EXPECT_EQ(ParseExpression(file)->kind, ExpressionKind::kInvalid);
}

}  // namespace
}  // namespace faultline::parsers::hcl
