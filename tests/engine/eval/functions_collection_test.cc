// Collection, conversion and numeric-aggregate functions, with Unknown handling.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class CollectionFunctionsTest : public EvalTest {
 protected:
  CollectionFunctionsTest() {
    resolver_.vars["unknown"] =
        Value::Unknown("computed attribute aws_vpc.main.id", {}, "aws_vpc.main", "id");
    resolver_.vars["half"] =
        Value::List({Value::String("a"), Value::Unknown("computed attribute x.y.id")});
    resolver_.resources["aws_instance.web"] =
        Value::Map({{"ami", Value::String("ami-1")}}, {}, "aws_instance.web");
  }
};

TEST_F(CollectionFunctionsTest, Length) {
  EXPECT_EQ(Ok("length([1, 2, 3])"), "3");
  EXPECT_EQ(Ok("length({ a = 1 })"), "1");
  EXPECT_EQ(Ok("length([])"), "0");
  EXPECT_EQ(Ok("length(var.half)"), "2");  // known length despite an unknown element
  EXPECT_FALSE(Unk("length(var.unknown)").empty());
  EXPECT_FALSE(Unk("length(aws_instance.web)").empty());
  EXPECT_NE(Err("length(null)").find("null"), std::string::npos);
  EXPECT_NE(Err("length(5)").find("number"), std::string::npos);
}

TEST_F(CollectionFunctionsTest, Lookup) {
  EXPECT_EQ(Ok("lookup({ a = \"ay\", b = \"bee\" }, \"a\", \"what?\")"), "\"ay\"");
  EXPECT_EQ(Ok("lookup({ a = \"ay\", b = \"bee\" }, \"c\", \"what?\")"), "\"what?\"");
  EXPECT_EQ(Ok("lookup({ a = 1 }, \"a\")"), "1");
  EXPECT_NE(Err("lookup({ a = 1 }, \"b\")").find("does not identify"), std::string::npos);
  EXPECT_NE(Err("lookup([1], \"b\", 1)").find("map"), std::string::npos);
  EXPECT_EQ(Ok("lookup(aws_instance.web, \"ami\", \"x\")"), "\"ami-1\"");
  Value computed = Eval("lookup(aws_instance.web, \"id\", \"x\")");
  ASSERT_TRUE(computed.is_unknown());
  EXPECT_EQ(computed.unknown().attribute, "id");
  EXPECT_FALSE(Unk("lookup(var.unknown, \"a\", 1)").empty());
  EXPECT_FALSE(Unk("lookup({ a = 1 }, var.unknown, 1)").empty());
  // The selected element keeps its own location (the literal in the map).
  Value v = Eval("lookup({ a = true }, \"a\", false)");
  EXPECT_EQ(v.range().begin, 13u);
  EXPECT_EQ(v.provenance(), Value::Provenance::kExplicit);
}

TEST_F(CollectionFunctionsTest, Element) {
  EXPECT_EQ(Ok("element([\"a\", \"b\", \"c\"], 1)"), "\"b\"");
  EXPECT_EQ(Ok("element([\"a\", \"b\", \"c\"], 3)"), "\"a\"");
  EXPECT_EQ(Ok("element([\"a\", \"b\", \"c\"], 7)"), "\"b\"");
  EXPECT_NE(Err("element([], 0)").find("empty"), std::string::npos);
  EXPECT_NE(Err("element([1], -1)").find("negative"), std::string::npos);
  EXPECT_EQ(Ok("element(var.half, 0)"), "\"a\"");
  EXPECT_FALSE(Unk("element(var.half, 1)").empty());
}

TEST_F(CollectionFunctionsTest, MergeConcatFlatten) {
  EXPECT_EQ(Ok("merge({ a = \"b\", c = \"d\" }, { e = \"f\", c = \"z\" })"),
            "{a=\"b\",c=\"z\",e=\"f\"}");
  EXPECT_EQ(Ok("merge({ a = 1 }, null, {})"), "{a=1}");
  EXPECT_EQ(Ok("merge()"), "{}");
  EXPECT_NE(Err("merge({ a = 1 }, [1])").find("maps"), std::string::npos);
  EXPECT_FALSE(Unk("merge({ a = 1 }, var.unknown)").empty());
  Value partial = Eval("merge({ a = 1 }, { b = var.unknown })");
  ASSERT_TRUE(partial.is_map());
  EXPECT_TRUE(partial.Get("b")->is_unknown());
  EXPECT_EQ(Ok("concat([\"a\", \"\"], [\"b\", \"c\"])"), "[\"a\",\"\",\"b\",\"c\"]");
  EXPECT_EQ(Ok("concat(var.half, [1])"), "[\"a\",?,1]");
  EXPECT_NE(Err("concat([1], \"x\")").find("list"), std::string::npos);
  EXPECT_EQ(Ok("flatten([[\"a\", \"b\"], [], [\"c\"]])"), "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(Ok("flatten([[[\"a\", \"b\"], []], [\"c\"]])"), "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(Ok("flatten([1, [2, [3, { x = [4] }]]])"), "[1,2,3,{x=[4]}]");
  EXPECT_FALSE(Unk("flatten([[1], var.unknown])").empty());
}

TEST_F(CollectionFunctionsTest, KeysValuesZipmap) {
  EXPECT_EQ(Ok("keys({ a = 1, c = 2, d = 3 })"), "[\"a\",\"c\",\"d\"]");
  EXPECT_EQ(Ok("values({ a = 3, c = 2, d = 1 })"), "[3,2,1]");
  EXPECT_FALSE(Unk("keys(aws_instance.web)").empty());
  EXPECT_EQ(Ok("zipmap([\"a\", \"b\"], [1, 2])"), "{a=1,b=2}");
  EXPECT_EQ(Ok("zipmap([\"a\", \"b\"], [1, var.unknown])"), "{a=1,b=?}");
  EXPECT_FALSE(Unk("zipmap(var.half, [1, 2])").empty());
  EXPECT_NE(Err("zipmap([\"a\"], [1, 2])").find("does not match"), std::string::npos);
}

TEST_F(CollectionFunctionsTest, SearchFunctions) {
  EXPECT_EQ(Ok("contains([\"a\", \"b\", \"c\"], \"a\")"), "true");
  EXPECT_EQ(Ok("contains([\"a\", \"b\", \"c\"], \"d\")"), "false");
  EXPECT_EQ(Ok("contains(var.half, \"a\")"), "true");
  EXPECT_FALSE(Unk("contains(var.half, \"z\")").empty());
  EXPECT_EQ(Ok("index([\"a\", \"b\", \"c\"], \"b\")"), "1");
  EXPECT_NE(Err("index([\"a\"], \"z\")").find("not found"), std::string::npos);
  EXPECT_EQ(Ok("matchkeys([\"i-123\", \"i-abc\", \"i-def\"], [\"us-west\", \"us-east\", "
               "\"us-east\"], [\"us-east\"])"),
            "[\"i-abc\",\"i-def\"]");
  EXPECT_EQ(Ok("one([])"), "null");
  EXPECT_EQ(Ok("one([\"hello\"])"), "\"hello\"");
  EXPECT_NE(Err("one([\"a\", \"b\"])").find("zero or one"), std::string::npos);
}

TEST_F(CollectionFunctionsTest, Coalesce) {
  EXPECT_EQ(Ok("coalesce(\"a\", \"b\")"), "\"a\"");
  EXPECT_EQ(Ok("coalesce(\"\", \"b\")"), "\"b\"");
  EXPECT_EQ(Ok("coalesce(null, 1, 2)"), "1");
  EXPECT_EQ(Ok("coalesce(1, \"a\")"), "\"1\"");
  EXPECT_EQ(Ok("coalesce(\"x\", var.unknown)"), "\"x\"");  // decided before the unknown
  EXPECT_FALSE(Unk("coalesce(null, var.unknown, \"x\")").empty());
  EXPECT_NE(Err("coalesce(null, \"\")").find("no non-null"), std::string::npos);
  EXPECT_EQ(Ok("coalescelist([\"a\", \"b\"], [\"c\", \"d\"])"), "[\"a\",\"b\"]");
  EXPECT_EQ(Ok("coalescelist([], [\"c\", \"d\"])"), "[\"c\",\"d\"]");
  EXPECT_NE(Err("coalescelist([], [])").find("no non-null"), std::string::npos);
  EXPECT_EQ(Ok("compact([\"a\", \"\", \"b\", null, \"c\"])"), "[\"a\",\"b\",\"c\"]");
}

TEST_F(CollectionFunctionsTest, DistinctReverseSortSlice) {
  EXPECT_EQ(Ok("distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])"),
            "[\"a\",\"b\",\"c\",\"d\"]");
  EXPECT_EQ(Ok("reverse([1, 2, 3])"), "[3,2,1]");
  EXPECT_EQ(Ok("sort([\"e\", \"d\", \"a\", \"x\"])"), "[\"a\",\"d\",\"e\",\"x\"]");
  EXPECT_EQ(Ok("sort([10, 9, 1])"), "[\"1\",\"10\",\"9\"]");
  EXPECT_EQ(Ok("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)"), "[\"b\",\"c\"]");
  EXPECT_NE(Err("slice([1, 2], 1, 3)").find("end index"), std::string::npos);
  EXPECT_NE(Err("slice([1, 2], 2, 1)").find("start index"), std::string::npos);
  EXPECT_EQ(Ok("chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2)"),
            "[[\"a\",\"b\"],[\"c\",\"d\"],[\"e\"]]");
  EXPECT_EQ(Ok("chunklist([\"a\", \"b\"], 0)"), "[[\"a\",\"b\"]]");
  EXPECT_FALSE(Unk("sort(var.half)").empty());
}

TEST_F(CollectionFunctionsTest, Range) {
  EXPECT_EQ(Ok("range(3)"), "[0,1,2]");
  EXPECT_EQ(Ok("range(1, 4)"), "[1,2,3]");
  EXPECT_EQ(Ok("range(1, 8, 2)"), "[1,3,5,7]");
  EXPECT_EQ(Ok("range(1, 4, 0.5)"), "[1,1.5,2,2.5,3,3.5]");
  EXPECT_EQ(Ok("range(4, 1)"), "[4,3,2]");
  EXPECT_EQ(Ok("range(10, 5, -2)"), "[10,8,6]");
  EXPECT_EQ(Ok("range(0)"), "[]");
  EXPECT_EQ(Ok("range(-3)"), "[0,-1,-2]");
  EXPECT_NE(Err("range(1, 4, 0)").find("zero"), std::string::npos);
  EXPECT_NE(Err("range(1, 4, -1)").find("negative"), std::string::npos);
  EXPECT_NE(Err("range(2000)").find("1024"), std::string::npos);
}

TEST_F(CollectionFunctionsTest, SetFunctions) {
  EXPECT_EQ(Ok("setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])"), "[\"a\",\"b\",\"c\",\"d\"]");
  EXPECT_EQ(Ok("setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])"), "[\"b\"]");
  EXPECT_EQ(Ok("setsubtract([\"a\", \"b\", \"c\"], [\"a\", \"c\"])"), "[\"b\"]");
  EXPECT_EQ(Ok("setproduct([\"a\", \"b\"], [1, 2])"), "[[\"a\",1],[\"a\",2],[\"b\",1],[\"b\",2]]");
  EXPECT_EQ(Ok("toset([\"c\", \"b\", \"b\", \"a\"])"), "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(Ok("toset([3, 1, 2, 1])"), "[1,2,3]");
  EXPECT_EQ(Ok("toset([\"a\", 1, true])"), "[\"1\",\"a\",\"true\"]");
  EXPECT_FALSE(Unk("toset(var.half)").empty());
  EXPECT_FALSE(Unk("setunion(var.half, [\"b\"])").empty());
}

TEST_F(CollectionFunctionsTest, Aggregates) {
  EXPECT_EQ(Ok("sum([10, 13, 6, 4.5])"), "33.5");
  EXPECT_NE(Err("sum([])").find("empty"), std::string::npos);
  EXPECT_EQ(Ok("alltrue([true, \"true\"])"), "true");
  EXPECT_EQ(Ok("alltrue([])"), "true");
  EXPECT_EQ(Ok("alltrue([true, false])"), "false");
  EXPECT_EQ(Ok("alltrue([var.unknown, false])"), "false");
  EXPECT_FALSE(Unk("alltrue([var.unknown, true])").empty());
  EXPECT_EQ(Ok("anytrue([false, true])"), "true");
  EXPECT_EQ(Ok("anytrue([])"), "false");
  EXPECT_EQ(Ok("anytrue([var.unknown, true])"), "true");
  EXPECT_FALSE(Unk("anytrue([var.unknown, false])").empty());
  EXPECT_EQ(Ok("transpose({ a = [\"1\", \"2\"], b = [\"2\", \"3\"] })"),
            "{1=[\"a\"],2=[\"a\",\"b\"],3=[\"b\"]}");
}

TEST_F(CollectionFunctionsTest, Conversions) {
  EXPECT_EQ(Ok("tostring(1.5)"), "\"1.5\"");
  EXPECT_EQ(Ok("tostring(true)"), "\"true\"");
  EXPECT_EQ(Ok("tostring(null)"), "null");
  EXPECT_NE(Err("tostring([1])").find("cannot convert"), std::string::npos);
  EXPECT_EQ(Ok("tonumber(\"42\")"), "42");
  EXPECT_EQ(Ok("tonumber(\"1e3\")"), "1000");
  EXPECT_NE(Err("tonumber(\"no\")").find("cannot convert"), std::string::npos);
  EXPECT_NE(Err("tonumber(true)").find("cannot convert"), std::string::npos);
  EXPECT_EQ(Ok("tobool(\"true\")"), "true");
  EXPECT_EQ(Ok("tobool(null)"), "null");
  EXPECT_NE(Err("tobool(\"yes\")").find("cannot convert"), std::string::npos);
  EXPECT_EQ(Ok("tolist([\"a\", 1])"), "[\"a\",\"1\"]");
  EXPECT_NE(Err("tolist({ a = 1 })").find("cannot convert"), std::string::npos);
  EXPECT_EQ(Ok("tomap({ a = 1, b = \"x\" })"), "{a=\"1\",b=\"x\"}");
  EXPECT_NE(Err("tomap([1])").find("cannot convert"), std::string::npos);
  EXPECT_FALSE(Unk("tostring(var.unknown)").empty());
  EXPECT_EQ(Ok("sensitive(\"x\")"), "\"x\"");
  EXPECT_EQ(Ok("nonsensitive(\"x\")"), "\"x\"");
  // A conversion keeps the converted literal's location.
  Value v = Eval("tobool(\"true\")");
  EXPECT_EQ(v.range().begin, 7u);
}

}  // namespace
}  // namespace faultline::engine::eval::testing
