// Evaluator semantics: operators, traversals, splats, templates, for expressions, try/can,
// Unknown propagation, locations and provenance, and static reference collection.
#include "engine/eval/evaluator.h"

#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class EvaluatorTest : public EvalTest {
 protected:
  EvaluatorTest() {
    resolver_.vars["name"] = Value::String("web");
    resolver_.vars["count"] = Value::Number(3);
    resolver_.vars["enabled"] = Value::Bool(true);
    resolver_.vars["nothing"] = Value::Null();
    resolver_.vars["unknown"] =
        Value::Unknown("computed attribute aws_subnet.a.id", {}, "aws_subnet.a", "id");
    resolver_.locals["list"] = Value::List({Value::Number(10), Value::Number(20)});
    resolver_.locals["map"] = Value::Map({{"a", Value::Number(1)}, {"k", Value::String("v")}});
    resolver_.locals["people"] =
        Value::List({Value::Map({{"name", Value::String("ann")}, {"age", Value::Number(30)}}),
                     Value::Map({{"name", Value::String("bob")}, {"age", Value::Number(40)}})});
    resolver_.resources["aws_instance.web"] =
        Value::Map({{"ami", Value::String("ami-123")}}, {}, "aws_instance.web");
    resolver_.locals["instances"] =
        Value::List({Value::Map({{"ami", Value::String("a")}}, {}, "aws_instance.many[0]"),
                     Value::Map({{"ami", Value::String("b")}}, {}, "aws_instance.many[1]")});
    resolver_.locals["partly_unknown"] =
        Value::List({Value::Number(1), Value::Unknown("computed attribute x.y.z")});
  }
};

TEST_F(EvaluatorTest, Literals) {
  EXPECT_EQ(Ok("42"), "42");
  EXPECT_EQ(Ok("1.5"), "1.5");
  EXPECT_EQ(Ok("\"hello\""), "\"hello\"");
  EXPECT_EQ(Ok("true"), "true");
  EXPECT_EQ(Ok("null"), "null");
  EXPECT_EQ(Ok("[1, \"a\", false]"), "[1,\"a\",false]");
  EXPECT_EQ(Ok("{ b = 2, a = 1 }"), "{a=1,b=2}");
}

TEST_F(EvaluatorTest, LiteralsAreExplicitAndLocated) {
  Value v = Eval("  \"0.0.0.0/0\"");
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.provenance(), Value::Provenance::kExplicit);
  ASSERT_TRUE(v.range().valid());
  EXPECT_EQ(v.range().begin, 2u);
  EXPECT_EQ(v.range().end, 13u);
  Value list = Eval("[\"a\", 1]");
  ASSERT_TRUE(list.is_list());
  EXPECT_EQ(list.as_list()[1].range().begin, 6u);
}

TEST_F(EvaluatorTest, ComputedValuesAreDerivedAndLocatedAtTheExpression) {
  Value v = Eval("1 + 2");
  EXPECT_EQ(v.provenance(), Value::Provenance::kDerived);
  EXPECT_EQ(v.range().begin, 0u);
  EXPECT_EQ(v.range().end, 5u);
  Value call = Eval("upper(\"a\")");
  EXPECT_EQ(call.provenance(), Value::Provenance::kDerived);
  EXPECT_EQ(call.range().end, 10u);
  Value text = Eval("\"x-${var.name}\"");
  EXPECT_EQ(text.provenance(), Value::Provenance::kDerived);
}

TEST_F(EvaluatorTest, ResolverValuesKeepTheirOwnLocation) {
  SourceFile defaults("variables.tf", "variable \"ha\" { default = false }");
  SourceRange where{&defaults, 27, 32};
  resolver_.vars["ha"] = Value::Bool(false, where).WithProvenance(Value::Provenance::kDefaulted);
  Value v = Eval("var.ha");
  EXPECT_EQ(v.range(), where);
  EXPECT_EQ(v.provenance(), Value::Provenance::kDefaulted);
  // Selecting a branch keeps the selected value's location too.
  Value chosen = Eval("true ? var.ha : true");
  EXPECT_EQ(chosen.range(), where);
}

TEST_F(EvaluatorTest, Arithmetic) {
  EXPECT_EQ(Ok("1 + 2 * 3"), "7");
  EXPECT_EQ(Ok("(1 + 2) * 3"), "9");
  EXPECT_EQ(Ok("10 / 4"), "2.5");
  EXPECT_EQ(Ok("7 % 3"), "1");
  EXPECT_EQ(Ok("-7 % 3"), "-1");
  EXPECT_EQ(Ok("-(3)"), "-3");
  EXPECT_EQ(Ok("\"5\" + 1"), "6");
  EXPECT_EQ(Ok("var.count * 2"), "6");
  EXPECT_NE(Err("1 / 0").find("division by zero"), std::string::npos);
  EXPECT_NE(Err("1 % 0").find("by zero"), std::string::npos);
  EXPECT_NE(Err("true + 1").find("number is required"), std::string::npos);
  EXPECT_NE(Err("\"abc\" * 2").find("cannot convert"), std::string::npos);
  EXPECT_NE(Err("null + 1").find("null"), std::string::npos);
}

TEST_F(EvaluatorTest, Comparisons) {
  EXPECT_EQ(Ok("1 < 2"), "true");
  EXPECT_EQ(Ok("2 <= 2"), "true");
  EXPECT_EQ(Ok("3 > 4"), "false");
  EXPECT_EQ(Ok("\"10\" >= 9"), "true");
  EXPECT_EQ(Ok("1 == 1"), "true");
  EXPECT_EQ(Ok("1 == \"1\""), "false");
  EXPECT_EQ(Ok("\"a\" != \"b\""), "true");
  EXPECT_EQ(Ok("[1, 2] == [1, 2]"), "true");
  EXPECT_EQ(Ok("{ a = [1] } == { a = [1] }"), "true");
  EXPECT_EQ(Ok("{ a = 1 } == { a = 2 }"), "false");
  EXPECT_EQ(Ok("var.nothing == null"), "true");
  EXPECT_EQ(Ok("local.map != null"), "true");
}

TEST_F(EvaluatorTest, EqualityWithUnknowns) {
  EXPECT_FALSE(Unk("var.unknown == \"x\"").empty());
  EXPECT_FALSE(Unk("var.unknown != null").empty());
  // Structurally different regardless of the unknown part.
  EXPECT_EQ(Ok("local.partly_unknown == [1]"), "false");
  EXPECT_EQ(Ok("local.partly_unknown == [2, 3]"), "false");
  EXPECT_FALSE(Unk("local.partly_unknown == [1, 2]").empty());
}

TEST_F(EvaluatorTest, LogicalOperators) {
  EXPECT_EQ(Ok("true && false"), "false");
  EXPECT_EQ(Ok("false || true"), "true");
  EXPECT_EQ(Ok("!true"), "false");
  EXPECT_EQ(Ok("\"true\" && true"), "true");
  EXPECT_EQ(Ok("false && var.unknown"), "false");
  EXPECT_EQ(Ok("var.unknown && false"), "false");
  EXPECT_EQ(Ok("true || var.unknown"), "true");
  EXPECT_EQ(Ok("var.unknown || true"), "true");
  EXPECT_FALSE(Unk("true && var.unknown").empty());
  EXPECT_FALSE(Unk("var.unknown || false").empty());
  EXPECT_FALSE(Unk("!var.unknown").empty());
  // The left operand decides, so the right one is not evaluated (no error for null.attr).
  EXPECT_EQ(Ok("var.nothing != null && var.nothing.x == 1"), "false");
  EXPECT_NE(Err("1 && true").find("bool"), std::string::npos);
}

TEST_F(EvaluatorTest, Conditionals) {
  EXPECT_EQ(Ok("true ? \"a\" : \"b\""), "\"a\"");
  EXPECT_EQ(Ok("var.count > 2 ? 1 : 2"), "1");
  // Only the selected branch is evaluated.
  EXPECT_EQ(Ok("var.nothing == null ? \"none\" : var.nothing.name"), "\"none\"");
  std::string reason = Unk("var.unknown == \"x\" ? 1 : 2");
  EXPECT_NE(reason.find("condition is unknown"), std::string::npos) << reason;
  EXPECT_NE(reason.find("aws_subnet.a.id"), std::string::npos) << reason;
  EXPECT_NE(Err("\"maybe\" ? 1 : 2").find("bool"), std::string::npos);
  EXPECT_NE(Err("null ? 1 : 2").find("null"), std::string::npos);
}

TEST_F(EvaluatorTest, Traversals) {
  EXPECT_EQ(Ok("var.name"), "\"web\"");
  EXPECT_EQ(Ok("local.map.a"), "1");
  EXPECT_EQ(Ok("local.map[\"k\"]"), "\"v\"");
  EXPECT_EQ(Ok("local.list[1]"), "20");
  EXPECT_EQ(Ok("local.list[\"0\"]"), "10");
  EXPECT_EQ(Ok("local.list.0"), "10");
  EXPECT_EQ(Ok("local.people[1].name"), "\"bob\"");
  EXPECT_EQ(Ok("[\"a\", \"b\"][var.count - 2]"), "\"b\"");
  EXPECT_EQ(Ok("{ x = { y = 5 } }.x.y"), "5");
  EXPECT_NE(Err("local.list[2]").find("out of range"), std::string::npos);
  EXPECT_NE(Err("local.list[-1]").find("out of range"), std::string::npos);
  EXPECT_NE(Err("local.list[0.5]").find("whole number"), std::string::npos);
  EXPECT_NE(Err("local.map.missing").find("missing"), std::string::npos);
  EXPECT_NE(Err("local.map[\"missing\"]").find("missing"), std::string::npos);
  EXPECT_NE(Err("var.nothing.x").find("null"), std::string::npos);
  EXPECT_NE(Err("var.name.x").find("string"), std::string::npos);
  EXPECT_NE(Err("local.people.name").find("splat"), std::string::npos);
  EXPECT_NE(Err("local.list[null]").find("null"), std::string::npos);
}

TEST_F(EvaluatorTest, TraversalKeysAreEvaluatedOnceAndLongChainsWork) {
  // A failing key is evaluated once: one diagnostic, whether the resolver or the index uses it.
  Value v = Eval("local.list[local.map.missing]");
  EXPECT_TRUE(v.is_unknown());
  EXPECT_EQ(diagnostics_.size(), 1u);
  Eval("local.list[local.map.missing][local.map.gone]");
  EXPECT_EQ(diagnostics_.size(), 2u);
  // Chains longer than the inline step buffer, with a variable root and with an object root.
  Value deep = Value::Map({{"leaf", Value::Number(7)}});
  for (int i = 0; i < 11; ++i) deep = Value::Map({{"a", deep}});
  resolver_.locals["deep"] = deep;
  EXPECT_EQ(Ok("local.deep.a.a.a.a.a.a.a.a.a.a.a.leaf"), "7");
  EXPECT_EQ(Ok("local.deep.a.a.a[\"a\"].a.a.a.a.a[\"a\"].a[\"leaf\"]"), "7");
  EXPECT_EQ(Ok("{ a = { a = { a = { a = { a = { a = { a = { a = { a = { b = 1 } } } } } } } } } }"
               ".a.a.a.a.a.a.a.a.a.b"),
            "1");
}

TEST_F(EvaluatorTest, ResolverSeesStaticTraversalsWithEvaluatedKeys) {
  resolver_.seen.clear();
  Eval("aws_instance.web[var.count - 1].id");
  bool found = false;
  for (const std::string& s : resolver_.seen) found |= s == "aws_instance.web[2].id";
  EXPECT_TRUE(found) << ::testing::PrintToString(resolver_.seen);
}

TEST_F(EvaluatorTest, UnresolvedReferencesAreUnknownWithoutDiagnostics) {
  std::string reason = Unk("aws_vpc.main.id");
  EXPECT_NE(reason.find("aws_vpc.main"), std::string::npos);
  EXPECT_FALSE(Unk("data.aws_ami.x.id").empty());
  EXPECT_FALSE(Unk("module.net.subnet_ids[0]").empty());
}

TEST_F(EvaluatorTest, OpenMapMissingAttributeIsComputed) {
  EXPECT_EQ(Ok("aws_instance.web.ami"), "\"ami-123\"");
  Value v = Eval("aws_instance.web.id");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_TRUE(diagnostics_.empty());
  EXPECT_EQ(v.unknown().reason, "computed attribute aws_instance.web.id");
  EXPECT_EQ(v.unknown().address, "aws_instance.web");
  EXPECT_EQ(v.unknown().attribute, "id");
  EXPECT_EQ(v.range().begin, 0u);
  EXPECT_EQ(v.range().end, 19u);
  // Index syntax too.
  Value w = Eval("aws_instance.web[\"arn\"]");
  ASSERT_TRUE(w.is_unknown());
  EXPECT_EQ(w.unknown().attribute, "arn");
  // Operations on it stay Unknown and keep the identity.
  Value x = Eval("\"${aws_instance.web.id}-suffix\"");
  ASSERT_TRUE(x.is_unknown());
  EXPECT_EQ(x.unknown().address, "aws_instance.web");
}

TEST_F(EvaluatorTest, Splats) {
  EXPECT_EQ(Ok("local.people[*].name"), "[\"ann\",\"bob\"]");
  EXPECT_EQ(Ok("local.people.*.age"), "[30,40]");
  EXPECT_EQ(Ok("local.list[*]"), "[10,20]");
  EXPECT_EQ(Ok("var.nothing[*]"), "[]");
  EXPECT_EQ(Ok("var.name[*]"), "[\"web\"]");
  EXPECT_EQ(Ok("local.map[*].a"), "[1]");
  EXPECT_EQ(Ok("length(local.people[*].name)"), "2");
  EXPECT_FALSE(Unk("var.unknown[*].id").empty());
}

TEST_F(EvaluatorTest, SplatOverOpenMapsGivesComputedAttributes) {
  Value v = Eval("local.instances[*].id");
  ASSERT_TRUE(v.is_list());
  ASSERT_EQ(v.as_list().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Value& e = v.as_list()[i];
    ASSERT_TRUE(e.is_unknown());
    EXPECT_EQ(e.unknown().address, "aws_instance.many[" + std::to_string(i) + "]");
    EXPECT_EQ(e.unknown().attribute, "id");
    EXPECT_EQ(e.unknown().reason,
              "computed attribute aws_instance.many[" + std::to_string(i) + "].id");
  }
  EXPECT_EQ(Ok("local.instances[*].ami"), "[\"a\",\"b\"]");
  Value single = Eval("aws_instance.web[*].id");
  ASSERT_TRUE(single.is_list());
  ASSERT_EQ(single.as_list().size(), 1u);
  EXPECT_EQ(single.as_list()[0].unknown().attribute, "id");
}

TEST_F(EvaluatorTest, Templates) {
  EXPECT_EQ(Ok("\"a-${var.name}-b\""), "\"a-web-b\"");
  EXPECT_EQ(Ok("\"n=${1.5} c=${var.count} b=${true}\""), "\"n=1.5 c=3 b=true\"");
  EXPECT_EQ(Ok("\"$${literal}\""), "\"${literal}\"");
  EXPECT_EQ(Ok("\"${local.list}\"").substr(0, 1), "[");  // a lone interpolation is unconverted
  Value lone = Eval("\"${local.list}\"");
  EXPECT_TRUE(lone.is_list());
  EXPECT_NE(Err("\"x${var.nothing}\"").find("null"), std::string::npos);
  EXPECT_NE(Err("\"x${local.list}\"").find("list"), std::string::npos);
  EXPECT_FALSE(Unk("\"prefix-${var.unknown}\"").empty());
  Value unknown = Eval("\"prefix-${var.unknown}\"");
  EXPECT_EQ(unknown.unknown().address, "aws_subnet.a");
}

TEST_F(EvaluatorTest, TemplateDirectives) {
  EXPECT_EQ(Ok("\"%{if var.enabled}on%{else}off%{endif}\""), "\"on\"");
  EXPECT_EQ(Ok("\"%{if !var.enabled}on%{else}off%{endif}\""), "\"off\"");
  EXPECT_EQ(Ok("\"%{for x in local.list}<${x}>%{endfor}\""), "\"<10><20>\"");
  EXPECT_EQ(Ok("\"%{for i, p in local.people}${i}:${p.name};%{endfor}\""), "\"0:ann;1:bob;\"");
  EXPECT_EQ(Ok("\"%{for k, v in local.map}${k}=${v} %{endfor}\""), "\"a=1 k=v \"");
  EXPECT_EQ(Ok("\"%{ for x in local.list ~} ${x} %{~ endfor }\""), "\"1020\"");
  EXPECT_FALSE(Unk("\"%{if var.unknown == 1}a%{endif}\"").empty());
  EXPECT_FALSE(Unk("\"%{for x in var.unknown}a%{endfor}\"").empty());
  EXPECT_NE(Err("\"%{for x in 5}a%{endfor}\"").find("number"), std::string::npos);
}

TEST_F(EvaluatorTest, Heredocs) {
  EXPECT_EQ(Ok("<<EOT\nhello ${var.name}\nEOT\n"), "\"hello web\n\"");
  EXPECT_EQ(Ok("<<-EOT\n    a\n      b\n    EOT\n"), "\"a\n  b\n\"");
  Value plain = Eval("<<EOT\n{\"Action\": \"*\"}\nEOT\n");
  EXPECT_EQ(plain.provenance(), Value::Provenance::kExplicit);
}

TEST_F(EvaluatorTest, ObjectsAndKeys) {
  EXPECT_EQ(Ok("{ (var.name) = 1 }"), "{web=1}");
  EXPECT_EQ(Ok("{ \"quoted key\" = true }"), "{quoted key=true}");
  EXPECT_EQ(Ok("{ (var.count) = \"n\" }"), "{3=\"n\"}");
  EXPECT_EQ(Ok("{ a = { b = [1, { c = 2 }] } }"), "{a={b=[1,{c=2}]}}");
  EXPECT_EQ(Ok("{ a = 1, b = 0, a = 2 }"), "{a=2,b=0}");  // HCL: the last one wins
  EXPECT_NE(Err("{ (var.nothing) = 1 }").find("null"), std::string::npos);
  EXPECT_NE(Err("{ (local.list) = 1 }").find("string"), std::string::npos);
  EXPECT_FALSE(Unk("{ (var.unknown) = 1 }").empty());
  // Unknown values inside an object stay local to their attribute.
  Value v = Eval("{ a = var.unknown, b = 2 }");
  ASSERT_TRUE(v.is_map());
  EXPECT_TRUE(v.Get("a")->is_unknown());
  EXPECT_EQ(Render(*v.Get("b")), "2");
}

TEST_F(EvaluatorTest, ForExpressions) {
  EXPECT_EQ(Ok("[for x in local.list : x * 2]"), "[20,40]");
  EXPECT_EQ(Ok("[for i, x in local.list : i]"), "[0,1]");
  EXPECT_EQ(Ok("[for x in local.list : x if x > 15]"), "[20]");
  EXPECT_EQ(Ok("[for k, v in local.map : k]"), "[\"a\",\"k\"]");
  EXPECT_EQ(Ok("[for v in local.map : v]"), "[1,\"v\"]");
  EXPECT_EQ(Ok("{for p in local.people : p.name => p.age}"), "{ann=30,bob=40}");
  EXPECT_EQ(Ok("{for i, x in local.list : x => i}"), "{10=0,20=1}");
  EXPECT_EQ(Ok("{for s in [\"a\", \"bb\", \"cc\"] : length(s) => s...}"),
            "{1=[\"a\"],2=[\"bb\",\"cc\"]}");
  EXPECT_EQ(Ok("[for x in [1, 2] : [for x in [3] : x]]"), "[[3],[3]]");
  EXPECT_EQ(Ok("[for x in [] : x]"), "[]");
  EXPECT_NE(Err("{for s in [\"a\", \"a\"] : s => 1}").find("duplicate"), std::string::npos);
  EXPECT_NE(Err("[for x in 5 : x]").find("number"), std::string::npos);
  EXPECT_NE(Err("[for x in var.nothing : x]").find("null"), std::string::npos);
  EXPECT_NE(Err("[for x in local.list : x if 1]").find("bool"), std::string::npos);
  EXPECT_FALSE(Unk("[for x in var.unknown : x]").empty());
  EXPECT_FALSE(Unk("[for x in local.list : x if x == var.unknown]").empty());
  EXPECT_FALSE(Unk("{for x in local.list : var.unknown => x}").empty());
  // Unknown elements stay element-wise Unknown.
  Value v = Eval("[for x in local.partly_unknown : x]");
  ASSERT_TRUE(v.is_list());
  EXPECT_EQ(Render(v), "[1,?]");
}

TEST_F(EvaluatorTest, ForNamesShadowResolverNames) {
  resolver_.seen.clear();
  EXPECT_EQ(Ok("[for local in [1, 2] : local + 1]"), "[2,3]");
  EXPECT_TRUE(resolver_.seen.empty());
}

TEST_F(EvaluatorTest, TryAndCan) {
  EXPECT_EQ(Ok("try(local.map.missing, \"fallback\")"), "\"fallback\"");
  EXPECT_EQ(Ok("try(local.map.a, \"fallback\")"), "1");
  EXPECT_EQ(Ok("try(local.list[5], local.list[0])"), "10");
  EXPECT_EQ(Ok("try(tonumber(\"x\"), 0)"), "0");
  EXPECT_EQ(Ok("try(try(local.map.nope, local.map.nope2), 7)"), "7");
  EXPECT_EQ(Ok("can(local.map.a)"), "true");
  EXPECT_EQ(Ok("can(local.map.missing)"), "false");
  EXPECT_EQ(Ok("can(regex(\"^a\", \"abc\"))"), "true");
  EXPECT_EQ(Ok("can(regex(\"^z\", \"abc\"))"), "false");
  // Unknown arguments make the result Unknown: we cannot know whether they would fail.
  EXPECT_FALSE(Unk("try(aws_instance.web.id, \"x\")").empty());
  EXPECT_FALSE(Unk("can(var.unknown)").empty());
  std::string message = Err("try(local.map.x, local.map.y)");
  EXPECT_NE(message.find("no expression"), std::string::npos) << message;
  // try's swallowed errors do not leak.
  Eval("try(local.map.missing, 1)");
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(EvaluatorTest, FunctionCalls) {
  EXPECT_EQ(Ok("max(1, 5, 3)"), "5");
  EXPECT_EQ(Ok("max(local.list...)"), "20");
  EXPECT_EQ(Ok("core::length(local.list)"), "2");
  std::string reason = Unk("no_such_function(1)");
  EXPECT_EQ(reason, "unsupported function no_such_function");
  EXPECT_FALSE(Unk("provider::aws::arn_parse(\"x\")").empty());
  EXPECT_NE(Err("max(var.name...)").find("list"), std::string::npos);
  EXPECT_NE(Err("upper()").find("expects 1 argument"), std::string::npos);
  EXPECT_FALSE(Unk("max(var.unknown...)").empty());
  EXPECT_TRUE(IsKnownFunction("jsonencode"));
  EXPECT_TRUE(IsKnownFunction("try"));
  EXPECT_TRUE(IsKnownFunction("core::join"));
  EXPECT_FALSE(IsKnownFunction("provider::aws::arn_parse"));
  EXPECT_FALSE(IsKnownFunction("nope"));
}

TEST_F(EvaluatorTest, ErrorsAreReportedAtTheFailingExpression) {
  Value v = Eval("[1, local.map.missing]");
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].range.begin, 4u);
  EXPECT_FALSE(diagnostics_[0].limit_exceeded);
  ASSERT_TRUE(v.is_list());
  EXPECT_TRUE(v.as_list()[1].is_unknown());
}

TEST_F(EvaluatorTest, NoResolverMeansUnknownReferences) {
  context_.resolver = nullptr;
  EXPECT_FALSE(Unk("var.name").empty());
  EXPECT_EQ(Ok("[for x in [1] : x]"), "[1]");
}

std::vector<std::string> RefStrings(const std::vector<Traversal>& refs) {
  std::vector<std::string> out;
  for (const Traversal& t : refs) {
    std::string s = t.root;
    for (const TraversalStep& step : t.steps) {
      s += step.is_index ? "[" + step.key.ToDisplayString() + "]" : "." + step.attribute;
    }
    out.push_back(s);
  }
  return out;
}

TEST_F(EvaluatorTest, CollectReferencesOfLongChains) {
  // Longer than the inline step buffer; a computed key ends the static part.
  EXPECT_EQ(RefStrings(CollectReferences(Parse("local.deep.a.a.a.a.a.a.a.a.a.a.a.leaf"))),
            std::vector<std::string>{"local.deep.a.a.a.a.a.a.a.a.a.a.a.leaf"});
  EXPECT_EQ(RefStrings(CollectReferences(Parse("local.d.a.a.a.a.a.a.a.a.a[var.k].a.b"))),
            (std::vector<std::string>{"local.d.a.a.a.a.a.a.a.a.a", "var.k"}));
}

TEST_F(EvaluatorTest, CollectReferences) {
  auto refs = [&](const std::string& text) { return RefStrings(CollectReferences(Parse(text))); };
  EXPECT_EQ(refs("aws_subnet.a.id"), std::vector<std::string>{"aws_subnet.a.id"});
  EXPECT_EQ(refs("aws_instance.web[0].private_ip"),
            std::vector<std::string>{"aws_instance.web[0].private_ip"});
  EXPECT_EQ(refs("aws_instance.web[\"k\"].id"),
            std::vector<std::string>{"aws_instance.web[\"k\"].id"});
  EXPECT_EQ(refs("aws_instance.web[count.index].id"),
            (std::vector<std::string>{"aws_instance.web", "count.index"}));
  EXPECT_EQ(refs("\"${var.a}-${local.b.c}\""), (std::vector<std::string>{"var.a", "local.b.c"}));
  EXPECT_EQ(refs("[for s in aws_subnet.all : s.id if s.az == var.az]"),
            (std::vector<std::string>{"aws_subnet.all", "var.az"}));
  EXPECT_EQ(refs("{for k, v in var.m : k => v}"), std::vector<std::string>{"var.m"});
  EXPECT_EQ(refs("aws_subnet.all[*].id"), std::vector<std::string>{"aws_subnet.all"});
  EXPECT_EQ(refs("merge(local.tags, { Name = var.name })"),
            (std::vector<std::string>{"local.tags", "var.name"}));
  EXPECT_EQ(refs("var.on ? module.a.out : data.aws_ami.x.id"),
            (std::vector<std::string>{"var.on", "module.a.out", "data.aws_ami.x.id"}));
  EXPECT_EQ(refs("\"%{for x in var.xs}${x}${each.key}%{endfor}\""),
            (std::vector<std::string>{"var.xs", "each.key"}));
  EXPECT_EQ(refs("{ (var.k) = path.module }"), (std::vector<std::string>{"var.k", "path.module"}));
  EXPECT_TRUE(refs("[1, \"a\", upper(\"b\")]").empty());
}

}  // namespace
}  // namespace faultline::engine::eval::testing
