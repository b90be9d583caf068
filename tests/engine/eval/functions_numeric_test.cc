// Numeric functions.
#include <gtest/gtest.h>

#include <cmath>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class NumericFunctionsTest : public EvalTest {
 protected:
  NumericFunctionsTest() {
    resolver_.vars["unknown"] = Value::Unknown("computed attribute aws_instance.a.cpu_core_count");
  }
};

TEST_F(NumericFunctionsTest, Basics) {
  EXPECT_EQ(Ok("abs(-12.4)"), "12.4");
  EXPECT_EQ(Ok("abs(0)"), "0");
  EXPECT_EQ(Ok("ceil(5.1)"), "6");
  EXPECT_EQ(Ok("ceil(5)"), "5");
  EXPECT_EQ(Ok("floor(4.9)"), "4");
  EXPECT_EQ(Ok("floor(-4.1)"), "-5");
  EXPECT_EQ(Ok("log(16, 2)"), "4");
  EXPECT_EQ(Ok("log(50, 10)"), FormatNumber(std::log(50.0) / std::log(10.0)));
  EXPECT_EQ(Ok("pow(3, 2)"), "9");
  EXPECT_EQ(Ok("pow(4, 0)"), "1");
  EXPECT_EQ(Ok("signum(-13)"), "-1");
  EXPECT_EQ(Ok("signum(0)"), "0");
  EXPECT_EQ(Ok("signum(344)"), "1");
  EXPECT_EQ(Ok("abs(\"-3\")"), "3");
  EXPECT_NE(Err("log(-1, 10)").find("positive"), std::string::npos);
  EXPECT_NE(Err("abs(\"x\")").find("cannot convert"), std::string::npos);
  EXPECT_FALSE(Unk("abs(var.unknown)").empty());
}

TEST_F(NumericFunctionsTest, MinMax) {
  EXPECT_EQ(Ok("min(12, 54, 3)"), "3");
  EXPECT_EQ(Ok("max(12, 54, 3)"), "54");
  EXPECT_EQ(Ok("max([12, 54, 3]...)"), "54");
  EXPECT_EQ(Ok("min(\"4\", 5)"), "4");
  EXPECT_NE(Err("max()").find("expects at least 1"), std::string::npos);
  EXPECT_NE(Err("min(1, [2])").find("number"), std::string::npos);
  EXPECT_FALSE(Unk("max(1, var.unknown)").empty());
}

TEST_F(NumericFunctionsTest, ParseInt) {
  EXPECT_EQ(Ok("parseint(\"100\", 10)"), "100");
  EXPECT_EQ(Ok("parseint(\"FF\", 16)"), "255");
  EXPECT_EQ(Ok("parseint(\"-10\", 16)"), "-16");
  EXPECT_EQ(Ok("parseint(\"1011111011101111\", 2)"), "48879");
  EXPECT_EQ(Ok("parseint(\"aA\", 62)"), "656");
  EXPECT_EQ(Ok("parseint(\"zz\", 36)"), "1295");
  EXPECT_NE(Err("parseint(\"12\", 2)").find("cannot parse"), std::string::npos);
  EXPECT_NE(Err("parseint(\"\", 10)").find("cannot parse"), std::string::npos);
  EXPECT_NE(Err("parseint(\"1\", 1)").find("base"), std::string::npos);
}

}  // namespace
}  // namespace faultline::engine::eval::testing
