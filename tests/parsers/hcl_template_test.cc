// Templates: quoted strings with interpolation, directives, strip markers, heredocs, and
// ParseTemplate (bare template files as templatefile() reads them).
#include <gtest/gtest.h>

#include <string>

#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "tests/parsers/parse_helpers.h"

namespace faultline::parsers::hcl {
namespace {

using testing::Attr;
using testing::Expr;
using testing::Hcl;
using testing::Template;
using testing::TextOf;
using PartKind = TemplatePart::Kind;

TEST(HclTemplateTest, InterpolationSplitsLiteralText) {
  auto parsed = Expr("\"arn:aws:s3:::${var.bucket}/*\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  EXPECT_EQ(TextOf(e->range), "\"arn:aws:s3:::${var.bucket}/*\"");
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].kind, PartKind::kLiteral);
  EXPECT_EQ(e->parts[0].text, "arn:aws:s3:::");
  EXPECT_EQ(e->parts[1].kind, PartKind::kInterpolation);
  EXPECT_EQ(TextOf(e->parts[1].range), "${var.bucket}");
  EXPECT_EQ(TextOf(e->parts[1].expression->range), "var.bucket");
  EXPECT_EQ(e->parts[2].text, "/*");
}

TEST(HclTemplateTest, LeadingAndTrailingSpacesAroundInterpolationsAreKept) {
  auto parsed = Expr("\"  ${ a }  b ${b}\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->parts.size(), 4u);
  EXPECT_EQ(e->parts[0].text, "  ");
  EXPECT_EQ(e->parts[2].text, "  b ");
}

TEST(HclTemplateTest, SingleInterpolationIsATemplateWithOnePart) {
  auto parsed = Expr("\"${var.count}\"");
  ASSERT_EQ(parsed.expression->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(parsed.expression->parts.size(), 1u);
  EXPECT_EQ(parsed.expression->parts[0].kind, PartKind::kInterpolation);
}

TEST(HclTemplateTest, EscapesAroundInterpolations) {
  auto parsed = Expr("\"\\\"$${x}\\\" ${y} %%{z}\\n\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].text, "\"${x}\" ");
  EXPECT_EQ(e->parts[2].text, " %{z}\n");
}

TEST(HclTemplateTest, StripMarkersTrimAdjacentLiterals) {
  auto parsed = Expr("\"a   ${~ var.x ~}  b\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].text, "a");
  EXPECT_EQ(e->parts[2].text, "b");
}

TEST(HclTemplateTest, IfElseDirective) {
  auto parsed = Expr("\"%{ if var.on }yes ${a}%{ else }no%{ endif }!\"");
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(e->parts.size(), 2u);
  const TemplatePart& branch = e->parts[0];
  ASSERT_EQ(branch.kind, PartKind::kIf);
  EXPECT_EQ(TextOf(branch.expression->range), "var.on");
  EXPECT_EQ(TextOf(branch.range), "%{ if var.on }yes ${a}%{ else }no%{ endif }");
  ASSERT_EQ(branch.body.size(), 2u);
  EXPECT_EQ(branch.body[0].text, "yes ");
  EXPECT_EQ(branch.body[1].kind, PartKind::kInterpolation);
  ASSERT_EQ(branch.else_body.size(), 1u);
  EXPECT_EQ(branch.else_body[0].text, "no");
  EXPECT_EQ(e->parts[1].text, "!");
}

TEST(HclTemplateTest, ForDirectiveWithKeyAndValue) {
  auto parsed = Expr("\"%{ for k, v in var.tags ~}\n${k}=${v},%{~ endfor }\"");
  // Quoted strings may not contain raw newlines: the `~}` does not make that legal.
  EXPECT_FALSE(parsed.diagnostics.empty());
  auto ok = Expr("\"%{ for k, v in var.tags ~} ${k}=${v}, %{~ endfor }\"");
  ASSERT_TRUE(ok.diagnostics.empty());
  const TemplatePart& loop = ok.expression->parts.at(0);
  ASSERT_EQ(loop.kind, PartKind::kFor);
  EXPECT_EQ(loop.key_var, "k");
  EXPECT_EQ(loop.value_var, "v");
  EXPECT_EQ(TextOf(loop.expression->range), "var.tags");
  ASSERT_EQ(loop.body.size(), 5u);
  EXPECT_EQ(loop.body[0].text, "");  // " " stripped by `~}` (the token stays, as in HCL)
  EXPECT_EQ(loop.body[1].kind, PartKind::kInterpolation);
  EXPECT_EQ(loop.body[2].text, "=");
  EXPECT_EQ(loop.body[4].text, ",");  // ", " stripped by `%{~`
  auto single = Expr("\"%{for x in xs}${x}%{endfor}\"");
  EXPECT_EQ(single.expression->parts.at(0).key_var, "");
  EXPECT_EQ(single.expression->parts.at(0).value_var, "x");
}

TEST(HclTemplateTest, NestedDirectives) {
  auto parsed = Expr("\"%{for x in xs}%{if x > 1}${x}%{endif}%{endfor}\"");
  const TemplatePart& loop = parsed.expression->parts.at(0);
  ASSERT_EQ(loop.body.size(), 1u);
  EXPECT_EQ(loop.body[0].kind, PartKind::kIf);
  EXPECT_EQ(loop.body[0].body.at(0).kind, PartKind::kInterpolation);
}

TEST(HclTemplateTest, HeredocKeepsItsText) {
  auto parsed = Hcl("policy = <<EOF\n{\n  \"a\": \"${var.x}\"\n}\nEOF\nafter = 1\n");
  ASSERT_TRUE(parsed.config.ok());
  const Expression* e = Attr(parsed, "policy");
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].text, "{\n  \"a\": \"");
  EXPECT_EQ(TextOf(e->parts[1].expression->range), "var.x");
  EXPECT_EQ(e->parts[2].text, "\"\n}\n");
  EXPECT_EQ(TextOf(e->range), "<<EOF\n{\n  \"a\": \"${var.x}\"\n}\nEOF");
  EXPECT_NE(parsed.config.body.FindAttribute("after"), nullptr);
}

TEST(HclTemplateTest, PlainHeredocIsALiteral) {
  auto parsed = Hcl("a = <<EOT\n  two spaces\n$${literal}\nEOT\nb = <<EOT\nEOT\n");
  ASSERT_TRUE(parsed.config.ok());
  EXPECT_EQ(Attr(parsed, "a")->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(Attr(parsed, "a")->literal.as_string(), "  two spaces\n${literal}\n");
  EXPECT_EQ(Attr(parsed, "b")->literal.as_string(), "");
}

TEST(HclTemplateTest, IndentedHeredocLosesCommonIndentation) {
  auto parsed =
      Hcl("a = <<-EOT\n"
          "    line one\n"
          "      indented\n"
          "\n"
          "    ${var.x} tail\n"
          "    EOT\n");
  ASSERT_TRUE(parsed.config.ok());
  const Expression* e = Attr(parsed, "a");
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].text, "line one\n  indented\n\n");
  EXPECT_EQ(e->parts[2].text, " tail\n");
}

TEST(HclTemplateTest, IndentedHeredocWithALineStartingWithAnInterpolation) {
  // A line that starts with `${` counts as having no indentation (HCL's rule).
  auto parsed = Hcl("a = <<-EOT\n    x\n${y}\nEOT\n");
  ASSERT_TRUE(parsed.config.ok());
  EXPECT_EQ(Attr(parsed, "a")->parts.at(0).text, "    x\n");
}

TEST(HclTemplateTest, HeredocDirectivesWithStripMarkers) {
  auto parsed =
      Hcl("a = <<EOT\n"
          "%{ for ip in var.ips ~}\n"
          "server ${ip}\n"
          "%{ endfor ~}\n"
          "EOT\n");
  ASSERT_TRUE(parsed.config.ok());
  const Expression* e = Attr(parsed, "a");
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(e->parts.size(), 2u);
  const TemplatePart& loop = e->parts[0];
  ASSERT_EQ(loop.kind, PartKind::kFor);
  ASSERT_EQ(loop.body.size(), 3u);
  EXPECT_EQ(loop.body[0].text, "server ");  // the newline after `~}` is stripped
  EXPECT_EQ(loop.body[2].text, "\n");
  EXPECT_EQ(e->parts[1].text, "");  // the newline after `endfor ~}` is stripped
}

TEST(HclTemplateTest, HeredocStripMarkerOnlyTrimsOneLine) {
  // HCL trims the adjacent literal token, and heredoc tokens are single lines.
  auto parsed = Hcl("a = <<EOT\n${x ~}\n\n  y\nEOT\n");
  ASSERT_TRUE(parsed.config.ok());
  EXPECT_EQ(Attr(parsed, "a")->parts.at(1).text, "\n  y\n");
}

TEST(HclTemplateTest, HeredocInsideAFunctionCallAndIndentedCloser) {
  auto parsed = Hcl("a = jsonencode(<<-EOT\n  {\"k\": 1}\n  EOT\n)\n");
  ASSERT_TRUE(parsed.config.ok());
  const Expression* call = Attr(parsed, "a");
  ASSERT_EQ(call->kind, ExpressionKind::kFunctionCall);
  EXPECT_EQ(call->operands.at(0)->literal.as_string(), "{\"k\": 1}\n");
}

TEST(ParseTemplateTest, BareTemplateFile) {
  auto parsed = Template(
      "#!/bin/bash\n"
      "echo \"Hello ${name}\"\n"
      "%{ for x in items ~}\n"
      "- ${x}\n"
      "%{ endfor ~}\n");
  ASSERT_TRUE(parsed.diagnostics.empty()) << parsed.diagnostics[0].message;
  const Expression* e = parsed.expression.get();
  ASSERT_EQ(e->kind, ExpressionKind::kTemplate);
  EXPECT_EQ(e->range.file, parsed.file.get());
  EXPECT_EQ(e->range.begin, 0u);
  EXPECT_EQ(e->range.end, parsed.file->size());
  ASSERT_GE(e->parts.size(), 4u);
  EXPECT_EQ(e->parts[0].text, "#!/bin/bash\necho \"Hello ");
  EXPECT_EQ(TextOf(e->parts[1].range), "${name}");
  EXPECT_EQ(TextOf(e->parts[1].expression->range), "name");
  EXPECT_EQ(testing::Where(e->parts[1].expression->range), "2:15");
  EXPECT_EQ(e->parts[2].text, "\"\n");
  EXPECT_EQ(e->parts[3].kind, PartKind::kFor);
}

TEST(ParseTemplateTest, PlainTextIsALiteralWithEscapesDecoded) {
  auto parsed = Template("no interpolation, $${kept} and \\n stays\n");
  ASSERT_EQ(parsed.expression->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(parsed.expression->literal.as_string(), "no interpolation, ${kept} and \\n stays\n");
  auto empty = Template("");
  EXPECT_EQ(empty.expression->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(empty.expression->literal.as_string(), "");
}

TEST(ParseTemplateTest, TextThatLooksLikeTheSyntheticMarker) {
  auto parsed = Template("a\nFAULTLINE_TEMPLATE_END\n${b}\n");
  ASSERT_TRUE(parsed.diagnostics.empty());
  ASSERT_EQ(parsed.expression->kind, ExpressionKind::kTemplate);
  EXPECT_EQ(parsed.expression->parts.at(0).text, "a\nFAULTLINE_TEMPLATE_END\n");
}

TEST(ParseTemplateTest, NoTrailingNewlineAndSyntaxErrors) {
  auto parsed = Template("value: ${x}");
  ASSERT_EQ(parsed.expression->kind, ExpressionKind::kTemplate);
  ASSERT_EQ(parsed.expression->parts.size(), 2u);
  auto broken = Template("value: ${x +}\n");
  EXPECT_EQ(broken.expression->kind, ExpressionKind::kInvalid);
  ASSERT_FALSE(broken.diagnostics.empty());
  EXPECT_EQ(broken.diagnostics[0].range.file, broken.file.get());
  EXPECT_LE(broken.diagnostics[0].range.end, broken.file->size());
  auto unbalanced = Template("%{ if x }never closed\n");
  EXPECT_EQ(unbalanced.expression->kind, ExpressionKind::kInvalid);
}

}  // namespace
}  // namespace faultline::parsers::hcl
