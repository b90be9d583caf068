#include "engine/value.h"

#include <gtest/gtest.h>

namespace faultline::engine {
namespace {

TEST(ValueTest, KindsAndAccessors) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_TRUE(Value::Bool(true).as_bool());
  EXPECT_EQ(Value::Number(2.5).as_number(), 2.5);
  EXPECT_EQ(Value::String("x").as_string(), "x");
  Value list = Value::List({Value::Number(1), Value::String("a")});
  EXPECT_EQ(list.size(), 2u);
  EXPECT_EQ(list.At(1)->as_string(), "a");
  EXPECT_EQ(list.At(2), nullptr);
  Value map = Value::Map({{"b", Value::Number(2)}, {"a", list}});
  EXPECT_EQ(map.as_map().begin()->first, "a");  // ordered by key
  EXPECT_EQ(map.Find({"a", "1"})->as_string(), "a");
  EXPECT_EQ(map.Find({"a", "x"}), nullptr);
  EXPECT_EQ(map.Get("missing"), nullptr);
}

TEST(ValueTest, UnknownIsNeverEqualAndTaintsContainers) {
  Value u = Value::Unknown("computed attribute aws_subnet.a.id", {}, "aws_subnet.a", "id");
  EXPECT_TRUE(u.is_unknown());
  EXPECT_FALSE(u.Equals(u));
  EXPECT_EQ(u.unknown().address, "aws_subnet.a");
  EXPECT_EQ(u.unknown().attribute, "id");
  EXPECT_FALSE(Value::List({Value::Number(1), u}).IsWhollyKnown());
  EXPECT_FALSE(Value::Map({{"k", Value::List({u})}}).IsWhollyKnown());
  EXPECT_TRUE(Value::Map({{"k", Value::List({Value::Null()})}}).IsWhollyKnown());
}

TEST(ValueTest, StructuralEqualityIgnoresLocations) {
  SourceFile file("a.tf", "0123456789");
  Value a = Value::List({Value::String("x", {&file, 0, 1})});
  Value b = Value::List({Value::String("x", {&file, 5, 6})});
  EXPECT_TRUE(a.Equals(b));
  EXPECT_FALSE(a.Equals(Value::List({Value::String("y")})));
  EXPECT_FALSE(Value::Number(1).Equals(Value::String("1")));
}

TEST(ValueTest, WithRangeKeepsWhereTheDatumWasDefined) {
  SourceFile file("a.tf", "0123456789");
  Value v = Value::Bool(false, {&file, 7, 8});
  Value placed = v.WithRange({&file, 0, 5});
  EXPECT_EQ(placed.range().begin, 0u);
  EXPECT_EQ(placed.origin().begin, 7u);
  EXPECT_EQ(Value::Bool(true).WithRange({&file, 2, 3}).origin().begin, 2u);
}

TEST(ValueTest, FormatsNumbersLikeTerraform) {
  EXPECT_EQ(FormatNumber(3), "3");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(1.5), "1.5");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(1e20), "100000000000000000000");
}

TEST(ValueTest, DisplayStringIsShortAndQuoted) {
  EXPECT_EQ(Value::String("a").ToDisplayString(), "\"a\"");
  EXPECT_EQ(Value::List({Value::Number(1), Value::Bool(true)}).ToDisplayString(), "[1, true]");
  std::string longest = Value::String(std::string(200, 'x')).ToDisplayString(20);
  EXPECT_EQ(longest.size(), 20u);
  EXPECT_EQ(longest.substr(17), "...");
}

}  // namespace
}  // namespace faultline::engine
