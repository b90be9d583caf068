// String functions, with expected results taken from Terraform's documented behaviour.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class StringFunctionsTest : public EvalTest {
 protected:
  StringFunctionsTest() {
    resolver_.vars["unknown"] =
        Value::Unknown("computed attribute aws_vpc.main.id", {}, "aws_vpc.main", "id");
  }
};

TEST_F(StringFunctionsTest, Format) {
  EXPECT_EQ(Ok("format(\"Hello, %s!\", \"Ander\")"), "\"Hello, Ander!\"");
  EXPECT_EQ(Ok("format(\"There are %d lights\", 4)"), "\"There are 4 lights\"");
  EXPECT_EQ(Ok("format(\"%.2f\", 3.14159)"), "\"3.14\"");
  EXPECT_EQ(Ok("format(\"%f\", 1.5)"), "\"1.500000\"");
  EXPECT_EQ(Ok("format(\"%5s|%-5s|\", \"a\", \"b\")"), "\"    a|b    |\"");
  EXPECT_EQ(Ok("format(\"%t\", true)"), "\"true\"");
  EXPECT_EQ(Ok("format(\"%v %v %v\", 12, \"x\", true)"), "\"12 x true\"");
  EXPECT_EQ(Ok("format(\"%v\", 1234567)"), "\"1.234567e+06\"");
  EXPECT_EQ(Ok("format(\"%v\", 0.5)"), "\"0.5\"");
  EXPECT_EQ(Ok("format(\"%v\", [1, \"a\"])"), "\"[1,\"a\"]\"");
  EXPECT_EQ(Ok("format(\"%#v\", \"x\")"), "\"\"x\"\"");
  EXPECT_EQ(Ok("format(\"%v\", null)"), "\"null\"");
  EXPECT_EQ(Ok("format(\"%q\", \"a<b\")"), "\"\"a\\u003cb\"\"");
  EXPECT_EQ(Ok("format(\"100%%\")"), "\"100%\"");
  EXPECT_EQ(Ok("format(\"%03d|%+d|%x|%X|%b|%o\", 7, 5, 255, 255, 5, 8)"),
            "\"007|+5|ff|FF|101|10\"");
  EXPECT_EQ(Ok("format(\"%e\", 1234.5678)"), "\"1.234568e+03\"");
  EXPECT_EQ(Ok("format(\"%g\", 0.000012)"), "\"1.2e-05\"");
  EXPECT_EQ(Ok("format(\"%[2]s %[1]s\", \"a\", \"b\")"), "\"b a\"");
  EXPECT_EQ(Ok("format(\"%.3s\", \"abcdef\")"), "\"abc\"");
  EXPECT_EQ(Ok("format(\"%d\", \"12\")"), "\"12\"");
  EXPECT_NE(Err("format(\"%d\", 1.5)").find("integer"), std::string::npos);
  EXPECT_NE(Err("format(\"%s\")").find("not enough arguments"), std::string::npos);
  EXPECT_NE(Err("format(\"%s\", \"a\", \"b\")").find("too many arguments"), std::string::npos);
  EXPECT_NE(Err("format(\"%z\", 1)").find("unsupported format verb"), std::string::npos);
  EXPECT_NE(Err("format(\"%s\", null)").find("null"), std::string::npos);
  EXPECT_NE(Err("format(\"%s\", [1])").find("string"), std::string::npos);
  EXPECT_FALSE(Unk("format(\"%s\", var.unknown)").empty());
}

TEST_F(StringFunctionsTest, FormatList) {
  EXPECT_EQ(Ok("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])"),
            "[\"Hello, Valentina!\",\"Hello, Ander!\"]");
  EXPECT_EQ(Ok("formatlist(\"%s-%s\", [\"a\", \"b\"], \"x\")"), "[\"a-x\",\"b-x\"]");
  EXPECT_EQ(Ok("formatlist(\"%s=%d\", [\"a\", \"b\"], [1, 2])"), "[\"a=1\",\"b=2\"]");
  EXPECT_EQ(Ok("formatlist(\"%s\", [])"), "[]");
  EXPECT_EQ(Ok("formatlist(\"%s\", \"single\")"), "[\"single\"]");
  EXPECT_NE(Err("formatlist(\"%s%s\", [\"a\"], [\"b\", \"c\"])").find("length"), std::string::npos);
  EXPECT_EQ(Ok("formatlist(\"%s\", [\"a\", var.unknown])"), "[\"a\",?]");
  EXPECT_FALSE(Unk("formatlist(\"%s\", var.unknown)").empty());
}

TEST_F(StringFunctionsTest, JoinAndSplit) {
  EXPECT_EQ(Ok("join(\", \", [\"foo\", \"bar\", \"baz\"])"), "\"foo, bar, baz\"");
  EXPECT_EQ(Ok("join(\",\", [\"a\"], [\"b\", \"c\"])"), "\"a,b,c\"");
  EXPECT_EQ(Ok("join(\"-\", [1, true])"), "\"1-true\"");
  EXPECT_EQ(Ok("join(\",\", [])"), "\"\"");
  EXPECT_NE(Err("join(\",\", [\"a\", null])").find("null"), std::string::npos);
  EXPECT_FALSE(Unk("join(\",\", [\"a\", var.unknown])").empty());
  EXPECT_EQ(Ok("split(\",\", \"foo,bar,baz\")"), "[\"foo\",\"bar\",\"baz\"]");
  EXPECT_EQ(Ok("split(\",\", \"foo\")"), "[\"foo\"]");
  EXPECT_EQ(Ok("split(\",\", \"\")"), "[\"\"]");
  EXPECT_EQ(Ok("split(\"\", \"ab☃\")"), "[\"a\",\"b\",\"☃\"]");
  EXPECT_EQ(Ok("split(\", \", \"a, b,c\")"), "[\"a\",\"b,c\"]");
}

TEST_F(StringFunctionsTest, Case) {
  EXPECT_EQ(Ok("lower(\"HELLO ÀÉ\")"), "\"hello àé\"");
  EXPECT_EQ(Ok("upper(\"hello àé ß\")"), "\"HELLO ÀÉ ß\"");
  EXPECT_EQ(Ok("upper(\"привет\")"), "\"ПРИВЕТ\"");
  EXPECT_EQ(Ok("title(\"hello world\")"), "\"Hello World\"");
  EXPECT_EQ(Ok("title(\"héllo wörld-x_y\")"), "\"Héllo Wörld-X_y\"");
  EXPECT_FALSE(Unk("upper(var.unknown)").empty());
}

TEST_F(StringFunctionsTest, Replace) {
  EXPECT_EQ(Ok("replace(\"1 + 2 + 3\", \"+\", \"-\")"), "\"1 - 2 - 3\"");
  EXPECT_EQ(Ok("replace(\"hello world\", \"/w.*d/\", \"everybody\")"), "\"hello everybody\"");
  EXPECT_EQ(Ok("replace(\"abc\", \"/(b)/\", \"[$1]\")"), "\"a[b]c\"");
  EXPECT_EQ(Ok("replace(\"abc\", \"/(?P<x>b)/\", \"$${x}$${x}\")"), "\"abbc\"");
  EXPECT_EQ(Ok("replace(\"abc\", \"/b/\", \"$$\")"), "\"a$c\"");
  EXPECT_EQ(Ok("replace(\"abc\", \"\", \"-\")"), "\"-a-b-c-\"");
  EXPECT_EQ(Ok("replace(\"abc\", \"/x*/\", \"-\")"), "\"-a-b-c-\"");
  EXPECT_EQ(Ok("replace(\"aaa\", \"/a*/\", \"x\")"), "\"x\"");
  EXPECT_EQ(Ok("replace(\"a.b.c\", \".\", \"\")"), "\"abc\"");
  EXPECT_EQ(Ok("replace(\"/\", \"/\", \"x\")"), "\"x\"");
  EXPECT_NE(Err("replace(\"a\", \"/(/\", \"x\")").find("invalid regular expression"),
            std::string::npos);
}

TEST_F(StringFunctionsTest, Regex) {
  EXPECT_EQ(Ok("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")"), "\"aaabbbccc\"");
  EXPECT_EQ(Ok("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")"),
            "[\"2019\",\"02\",\"01\"]");
  EXPECT_EQ(Ok("regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", "
               "\"https://terraform.io/docs/\")"),
            "{authority=\"terraform.io\",scheme=\"https\"}");
  EXPECT_EQ(Ok("regex(\"(?<word>[a-z]+)\", \"12ab\")"), "{word=\"ab\"}");
  EXPECT_EQ(Ok("regex(\"(a)|(b)\", \"b\")"), "[null,\"b\"]");
  EXPECT_NE(Err("regex(\"x\", \"abc\")").find("did not match"), std::string::npos);
  EXPECT_NE(Err("regex(\"(?P<a>x)(y)\", \"xy\")").find("mix"), std::string::npos);
  EXPECT_NE(Err("regex(\"[\", \"x\")").find("invalid regular expression"), std::string::npos);
  EXPECT_EQ(Ok("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")"), "[\"abcd\",\"efgh\"]");
  EXPECT_EQ(Ok("length(regexall(\"[a-z]+\", \"1234\"))"), "0");
  EXPECT_EQ(Ok("regexall(\"a*\", \"baaac\")"), "[\"\",\"aaa\",\"\"]");
  EXPECT_EQ(Ok("regexall(\"(\\\\w)=(\\\\d)\", \"a=1 b=2\")"), "[[\"a\",\"1\"],[\"b\",\"2\"]]");
  EXPECT_FALSE(Unk("regex(\"a\", var.unknown)").empty());
}

TEST_F(StringFunctionsTest, Trimming) {
  EXPECT_EQ(Ok("trim(\"?!hello?!\", \"!?\")"), "\"hello\"");
  EXPECT_EQ(Ok("trim(\"☃☃x☃\", \"☃\")"), "\"x\"");
  EXPECT_EQ(Ok("trimspace(\"  hello\\n\\n\")"), "\"hello\"");
  EXPECT_EQ(Ok("trimprefix(\"helloworld\", \"hello\")"), "\"world\"");
  EXPECT_EQ(Ok("trimprefix(\"helloworld\", \"cat\")"), "\"helloworld\"");
  EXPECT_EQ(Ok("trimsuffix(\"helloworld\", \"world\")"), "\"hello\"");
  EXPECT_EQ(Ok("chomp(\"hello\\n\")"), "\"hello\"");
  EXPECT_EQ(Ok("chomp(\"hello\\r\\n\")"), "\"hello\"");
  EXPECT_EQ(Ok("chomp(\"hello\\n\\n\")"), "\"hello\"");
  EXPECT_EQ(Ok("chomp(\"a\\nb\")"), "\"a\nb\"");
}

TEST_F(StringFunctionsTest, IndentAndSubstr) {
  EXPECT_EQ(Ok("indent(2, \"[\\n  foo,\\n  bar,\\n]\\n\")"), "\"[\n    foo,\n    bar,\n  ]\n  \"");
  EXPECT_EQ(Ok("substr(\"hello world\", 1, 4)"), "\"ello\"");
  EXPECT_EQ(Ok("substr(\"🤔🤷\", 0, 1)"), "\"🤔\"");
  EXPECT_EQ(Ok("substr(\"hello world\", -5, -1)"), "\"world\"");
  EXPECT_EQ(Ok("substr(\"hello\", 10, 1)"), "\"\"");
  EXPECT_EQ(Ok("substr(\"hello\", 1, 100)"), "\"ello\"");
  EXPECT_EQ(Ok("substr(\"hello\", -10, 2)"), "\"he\"");
  EXPECT_EQ(Ok("substr(\"hello\", 1, 0)"), "\"\"");
  EXPECT_EQ(Ok("strrev(\"hello\")"), "\"olleh\"");
  EXPECT_EQ(Ok("strrev(\"a☃\")"), "\"☃a\"");
}

TEST_F(StringFunctionsTest, Predicates) {
  EXPECT_EQ(Ok("startswith(\"hello world\", \"hello\")"), "true");
  EXPECT_EQ(Ok("startswith(\"hello world\", \"world\")"), "false");
  EXPECT_EQ(Ok("endswith(\"hello world\", \"world\")"), "true");
  EXPECT_EQ(Ok("strcontains(\"hello world\", \"wor\")"), "true");
  EXPECT_EQ(Ok("strcontains(\"hello world\", \"cat\")"), "false");
  EXPECT_FALSE(Unk("startswith(var.unknown, \"x\")").empty());
}

TEST_F(StringFunctionsTest, LengthCountsCharacters) {
  EXPECT_EQ(Ok("length(\"hello\")"), "5");
  EXPECT_EQ(Ok("length(\"🤔🤷\")"), "2");
  EXPECT_EQ(Ok("length(\"e\u0301\")"), "1");
  EXPECT_EQ(Ok("length(\"\")"), "0");
}

}  // namespace
}  // namespace faultline::engine::eval::testing
