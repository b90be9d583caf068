// ParseTfJson / ParseTfvarsJson: Terraform's JSON syntax into the same model as native HCL.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "tests/parsers/parse_helpers.h"

namespace faultline::parsers::hcl {
namespace {

using testing::Parsed;
using testing::ParseWith;
using testing::TextOf;
using testing::Where;

Parsed TfJson(std::string text, const ParseLimits& limits = {}) {
  return ParseWith(&ParseTfJson, std::move(text), limits, "main.tf.json");
}

Parsed TfvarsJson(std::string text) {
  return ParseWith(&ParseTfvarsJson, std::move(text), {}, "terraform.tfvars.json");
}

TEST(JsonParserTest, ResourcesWithTwoLabelsAndRanges) {
  auto parsed = TfJson(R"json({
  "//": "generated",
  "resource": {
    "aws_instance": {
      "web": {"ami": "ami-1", "count": 2, "monitoring": true, "//": "comment"},
      "db": [{"ami": "ami-2"}]
    }
  }
})json");
  ASSERT_TRUE(parsed.config.ok()) << parsed.config.diagnostics[0].message;
  EXPECT_TRUE(parsed.config.from_json);
  const auto& blocks = parsed.config.body.blocks;
  ASSERT_EQ(blocks.size(), 2u);
  const Block& web = blocks[0];
  EXPECT_EQ(web.type, "resource");
  EXPECT_EQ(web.labels, (std::vector<std::string>{"aws_instance", "web"}));
  EXPECT_EQ(TextOf(web.type_range), "\"resource\"");
  EXPECT_EQ(TextOf(web.label_ranges[0]), "\"aws_instance\"");
  EXPECT_EQ(TextOf(web.label_ranges[1]), "\"web\"");
  EXPECT_EQ(Where(web.label_ranges[1]), "5:7");
  EXPECT_EQ(web.body.attributes.size(), 3u);  // "//" is a comment
  const Attribute* ami = web.body.FindAttribute("ami");
  ASSERT_NE(ami, nullptr);
  EXPECT_EQ(TextOf(ami->name_range), "\"ami\"");
  EXPECT_EQ(TextOf(ami->range), "\"ami\": \"ami-1\"");
  EXPECT_EQ(ami->value->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(ami->value->literal.as_string(), "ami-1");
  EXPECT_EQ(web.body.FindAttribute("count")->value->literal.as_number(), 2);
  EXPECT_TRUE(web.body.FindAttribute("monitoring")->value->literal.as_bool());
  EXPECT_EQ(blocks[1].labels[1], "db");
  EXPECT_EQ(blocks[1].body.FindAttribute("ami")->value->literal.as_string(), "ami-2");
}

TEST(JsonParserTest, StringsAreTemplatesWithRangesInsideTheJsonString) {
  auto parsed = TfJson(R"json({"output": {"arn": {"value": "arn:${aws_s3_bucket.b.arn}/*"}}})json");
  ASSERT_TRUE(parsed.config.ok());
  const Block& output = parsed.config.body.blocks.at(0);
  EXPECT_EQ(output.labels, (std::vector<std::string>{"arn"}));
  const Expression* value = output.body.FindAttribute("value")->value.get();
  ASSERT_EQ(value->kind, ExpressionKind::kTemplate);
  EXPECT_EQ(TextOf(value->range), "\"arn:${aws_s3_bucket.b.arn}/*\"");
  ASSERT_EQ(value->parts.size(), 3u);
  EXPECT_EQ(value->parts[0].text, "arn:");
  EXPECT_EQ(TextOf(value->parts[1].expression->range), "aws_s3_bucket.b.arn");
  EXPECT_EQ(value->parts[1].expression->kind, ExpressionKind::kGetAttr);
}

TEST(JsonParserTest, JsonEscapesBeforeAnInterpolationKeepRangesExact) {
  auto parsed = TfJson(R"json({"locals": {"a": "q\"\u00e9\n${var.x}"}})json");
  ASSERT_TRUE(parsed.config.ok());
  const Block& locals = parsed.config.body.blocks.at(0);
  EXPECT_EQ(locals.type, "locals");
  const Expression* a = locals.body.FindAttribute("a")->value.get();
  ASSERT_EQ(a->kind, ExpressionKind::kTemplate);
  EXPECT_EQ(a->parts.at(0).text, "q\"\xC3\xA9\n");
  EXPECT_EQ(TextOf(a->parts.at(1).expression->range), "var.x");
}

TEST(JsonParserTest, TemplateDirectivesAndEscapedInterpolation) {
  auto parsed = TfJson(
      R"json({"locals": {"d": "%{if var.on}on%{else}off%{endif}", "e": "$${literal}"}})json");
  ASSERT_TRUE(parsed.config.ok());
  const Body& body = parsed.config.body.blocks.at(0).body;
  EXPECT_EQ(body.FindAttribute("d")->value->parts.at(0).kind, TemplatePart::Kind::kIf);
  const Expression* e = body.FindAttribute("e")->value.get();
  ASSERT_EQ(e->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(e->literal.as_string(), "${literal}");
}

TEST(JsonParserTest, VariablesOutputsModulesProviders) {
  auto parsed = TfJson(R"json({
  "variable": {"region": {"type": "list(string)", "default": "${not-a-template}",
                           "description": "a ${b}", "validation": {"condition": "${true}"}}},
  "module": {"net": {"source": "./net", "depends_on": ["aws_vpc.main"]}},
  "provider": {"aws": [{"region": "us-east-1"}, {"alias": "west", "region": "us-west-2"}]},
  "terraform": {"required_version": ">= 1.0", "backend": {"s3": {"bucket": "b"}},
                "required_providers": {"aws": {"source": "hashicorp/aws"}}}
})json");
  ASSERT_TRUE(parsed.config.ok()) << parsed.config.diagnostics[0].message;
  const auto& blocks = parsed.config.body.blocks;
  ASSERT_EQ(blocks.size(), 5u);
  const Block& variable = blocks[0];
  const Expression* type = variable.body.FindAttribute("type")->value.get();
  ASSERT_EQ(type->kind, ExpressionKind::kFunctionCall);  // an expression, not a template
  EXPECT_EQ(type->name, "list");
  EXPECT_EQ(TextOf(type->range), "list(string)");
  const Expression* default_value = variable.body.FindAttribute("default")->value.get();
  ASSERT_EQ(default_value->kind, ExpressionKind::kLiteral);  // defaults are literal
  EXPECT_EQ(default_value->literal.as_string(), "${not-a-template}");
  EXPECT_EQ(variable.body.FindAttribute("description")->value->literal.as_string(), "a ${b}");
  ASSERT_NE(variable.body.FindBlock("validation"), nullptr);

  const Block& module = blocks[1];
  EXPECT_EQ(module.labels[0], "net");
  const Expression* depends = module.body.FindAttribute("depends_on")->value.get();
  ASSERT_EQ(depends->kind, ExpressionKind::kTuple);
  EXPECT_EQ(depends->operands.at(0)->kind, ExpressionKind::kGetAttr);

  EXPECT_EQ(blocks[2].labels[0], "aws");
  EXPECT_EQ(blocks[3].labels[0], "aws");
  EXPECT_EQ(blocks[3].body.FindAttribute("alias")->value->literal.as_string(), "west");

  const Block& terraform = blocks[4];
  EXPECT_TRUE(terraform.labels.empty());
  const Block* backend = terraform.body.FindBlock("backend");
  ASSERT_NE(backend, nullptr);
  EXPECT_EQ(backend->labels, (std::vector<std::string>{"s3"}));
  const Block* required = terraform.body.FindBlock("required_providers");
  ASSERT_NE(required, nullptr);
  EXPECT_EQ(required->body.FindAttribute("aws")->value->kind, ExpressionKind::kObject);
}

TEST(JsonParserTest, MetaBlocksAndNestedObjectsInResources) {
  auto parsed = TfJson(R"json({"resource": {"aws_security_group": {"sg": {
    "provider": "aws.west",
    "ingress": [{"from_port": 22, "cidr_blocks": ["0.0.0.0/0"]}],
    "tags": {"Name": "${var.name}"},
    "lifecycle": {"ignore_changes": ["tags"]},
    "dynamic": {"egress": {"for_each": "${var.rules}", "content": {"port": "${egress.value}"}}},
    "provisioner": [{"local-exec": {"command": "echo hi"}}]
  }}}})json");
  ASSERT_TRUE(parsed.config.ok()) << parsed.config.diagnostics[0].message;
  const Body& body = parsed.config.body.blocks.at(0).body;
  EXPECT_EQ(body.FindAttribute("provider")->value->kind, ExpressionKind::kGetAttr);
  const Expression* ingress = body.FindAttribute("ingress")->value.get();
  ASSERT_EQ(ingress->kind, ExpressionKind::kTuple);
  ASSERT_EQ(ingress->operands.at(0)->kind, ExpressionKind::kObject);
  EXPECT_EQ(ingress->operands[0]->items.at(0).key->literal.as_string(), "from_port");
  const Expression* tags = body.FindAttribute("tags")->value.get();
  EXPECT_EQ(tags->items.at(0).value->kind, ExpressionKind::kTemplate);
  const Block* lifecycle = body.FindBlock("lifecycle");
  ASSERT_NE(lifecycle, nullptr);
  EXPECT_EQ(lifecycle->body.FindAttribute("ignore_changes")->value->operands.at(0)->kind,
            ExpressionKind::kVariable);
  const Block* dynamic = body.FindBlock("dynamic");
  ASSERT_NE(dynamic, nullptr);
  EXPECT_EQ(dynamic->labels, (std::vector<std::string>{"egress"}));
  EXPECT_NE(dynamic->body.FindBlock("content"), nullptr);
  const Block* provisioner = body.FindBlock("provisioner");
  ASSERT_NE(provisioner, nullptr);
  EXPECT_EQ(provisioner->labels, (std::vector<std::string>{"local-exec"}));
}

TEST(JsonParserTest, MalformedJsonReportsLineAndColumn) {
  auto parsed = TfJson("{\n  \"resource\": {\n    \"a\": 1\n    \"b\": 2\n  }\n}\n");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_EQ(Where(parsed.config.diagnostics[0].range), "4:5");
  EXPECT_EQ(parsed.config.diagnostics[0].message,
            "invalid JSON: unexpected '\"', expected ',' or '}'");
  EXPECT_TRUE(parsed.config.body.blocks.empty());

  EXPECT_EQ(TfJson("").config.diagnostics.at(0).message,
            "invalid JSON: unexpected end of input, expected a JSON value");
  EXPECT_FALSE(TfJson("{\"a\": tru}").config.ok());
  EXPECT_FALSE(TfJson("{\"a\": \"unterminated}").config.ok());
  EXPECT_FALSE(TfJson("{\"a\": 01}").config.ok());
  EXPECT_FALSE(TfJson("{} extra").config.ok());
  EXPECT_FALSE(TfJson("{\"a\": \"bad \\q escape\"}").config.ok());
  EXPECT_FALSE(TfJson("{\"a\": \"\xFF\"}").config.ok());
}

TEST(JsonParserTest, DeepNestingIsADiagnostic) {
  auto parsed =
      TfJson("{\"locals\": {\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}}");
  ASSERT_FALSE(parsed.config.ok());
  EXPECT_NE(parsed.config.diagnostics[0].message.find("nesting exceeds"), std::string::npos);
}

TEST(JsonParserTest, StructuralProblemsAreDiagnostics) {
  auto parsed = TfJson(R"json({"resources": {}, "resource": {"a": "not an object"},
                          "locals": {"x": 1, "x": 2}})json");
  ASSERT_EQ(parsed.config.diagnostics.size(), 3u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "unsupported top-level key \"resources\"");
  EXPECT_EQ(parsed.config.diagnostics[1].message,
            "expected a JSON object for the \"resource\" block");
  EXPECT_EQ(parsed.config.diagnostics[2].message, "attribute \"x\" redefined");
  EXPECT_FALSE(TfJson("[1, 2]").config.ok());
}

TEST(JsonParserTest, TemplateErrorsInsideStringsPointIntoTheString) {
  auto parsed = TfJson(R"json({"locals": {"bad": "${var.x +}"}})json");
  ASSERT_FALSE(parsed.config.ok());
  const ParseDiagnostic& diagnostic = parsed.config.diagnostics[0];
  EXPECT_GE(diagnostic.range.begin, 20u);
  EXPECT_LE(diagnostic.range.end, 31u);
  EXPECT_EQ(parsed.config.body.blocks.at(0).body.FindAttribute("bad")->value->kind,
            ExpressionKind::kInvalid);
}

TEST(JsonParserTest, LargeTfvarsWithADuplicateStayFast) {
  std::string text = "{";
  for (int i = 0; i < 50000; ++i) text.append("\"v").append(std::to_string(i)).append("\": 1,");
  text += "\"v7\": 2}";
  auto start = std::chrono::steady_clock::now();
  auto parsed = TfvarsJson(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(parsed.config.diagnostics.size(), 1u);
  EXPECT_EQ(parsed.config.diagnostics[0].message, "attribute \"v7\" redefined");
  EXPECT_EQ(parsed.config.body.attributes.size(), 50000u);
}

TEST(JsonParserTest, TfvarsValuesAreLiterals) {
  auto parsed = TfvarsJson(R"json({
  "region": "us-east-1",
  "template_looking": "${not.evaluated}",
  "count": 3,
  "tags": {"Env": "prod", "Team": null},
  "zones": ["a", "b"]
})json");
  ASSERT_TRUE(parsed.config.ok());
  const Body& body = parsed.config.body;
  ASSERT_EQ(body.attributes.size(), 5u);
  const Expression* templated = body.FindAttribute("template_looking")->value.get();
  ASSERT_EQ(templated->kind, ExpressionKind::kLiteral);
  EXPECT_EQ(templated->literal.as_string(), "${not.evaluated}");
  EXPECT_EQ(body.FindAttribute("count")->value->literal.as_number(), 3);
  const engine::Value& tags = body.FindAttribute("tags")->value->literal;
  ASSERT_TRUE(tags.is_map());
  EXPECT_EQ(tags.Get("Env")->as_string(), "prod");
  EXPECT_TRUE(tags.Get("Team")->is_null());
  EXPECT_EQ(TextOf(tags.Get("Env")->range()), "\"prod\"");
  const engine::Value& zones = body.FindAttribute("zones")->value->literal;
  ASSERT_TRUE(zones.is_list());
  EXPECT_EQ(zones.At(1)->as_string(), "b");
  EXPECT_EQ(TextOf(body.FindAttribute("region")->range), "\"region\": \"us-east-1\"");
  EXPECT_FALSE(TfvarsJson("[]").config.ok());
  EXPECT_FALSE(TfvarsJson("{\"a\": }").config.ok());
}

}  // namespace
}  // namespace faultline::parsers::hcl
