// Scalar typing as Kubernetes (sigs.k8s.io/yaml → go-yaml v2, YAML 1.1) reads it: direct tests of
// ResolveScalar, then the same cases through LoadYaml.
#include "parsers/yaml/scalar_resolver.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "tests/parsers/yaml/yaml_test_helpers.h"

namespace faultline::parsers::yaml {
namespace {

using engine::Value;

Value Plain(std::string_view text) { return ResolveScalar(text, true, "", {}); }
Value Tagged(std::string_view text, std::string_view tag, bool plain = true) {
  return ResolveScalar(text, plain, std::string(kCoreTagPrefix) + std::string(tag), {});
}

void ExpectBool(const Value& value, bool expected, std::string_view text) {
  ASSERT_TRUE(value.is_bool()) << text << " -> " << value.ToDisplayString();
  EXPECT_EQ(value.as_bool(), expected) << text;
}

void ExpectNumber(const Value& value, double expected, std::string_view text) {
  ASSERT_TRUE(value.is_number()) << text << " -> " << value.ToDisplayString();
  EXPECT_EQ(value.as_number(), expected) << text;
}

void ExpectString(const Value& value, std::string_view expected) {
  ASSERT_TRUE(value.is_string()) << expected << " -> " << value.ToDisplayString();
  EXPECT_EQ(value.as_string(), expected);
}

TEST(ScalarResolverTest, Yaml11BooleansInEverySpellingGoYamlAccepts) {
  for (std::string_view text :
       {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
    ExpectBool(Plain(text), true, text);
  }
  for (std::string_view text :
       {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
    ExpectBool(Plain(text), false, text);
  }
  // Mixed case beyond go-yaml's table stays a string.
  for (std::string_view text : {"yEs", "tRUE", "oN", "nO", "FaLse", "ye", "onn"}) {
    ExpectString(Plain(text), text);
  }
}

TEST(ScalarResolverTest, Nulls) {
  for (std::string_view text : {"", "~", "null", "Null", "NULL"}) {
    EXPECT_TRUE(Plain(text).is_null()) << text;
  }
  ExpectString(Plain("nULL"), "nULL");
  ExpectString(Plain("none"), "none");
}

TEST(ScalarResolverTest, Integers) {
  ExpectNumber(Plain("0"), 0, "0");
  ExpectNumber(Plain("42"), 42, "42");
  ExpectNumber(Plain("-17"), -17, "-17");
  ExpectNumber(Plain("+17"), 17, "+17");
  ExpectNumber(Plain("1_000_000"), 1000000, "1_000_000");
  ExpectNumber(Plain("0x1F"), 31, "0x1F");
  ExpectNumber(Plain("0X1f"), 31, "0X1f");
  ExpectNumber(Plain("-0x10"), -16, "-0x10");
  ExpectNumber(Plain("0o17"), 15, "0o17");
  ExpectNumber(Plain("0777"), 511, "0777");  // YAML 1.1 leading-zero octal: file modes
  ExpectNumber(Plain("0b101"), 5, "0b101");
  ExpectNumber(Plain("-0b11"), -3, "-0b11");
  // "08" is not octal; go-yaml then reads it as the float 8.
  ExpectNumber(Plain("08"), 8, "08");
  ExpectNumber(Plain("9223372036854775807"), 9223372036854775807.0, "int64 max");
  ExpectNumber(Plain("18446744073709551615"), 18446744073709551615.0, "uint64 max");
  ExpectNumber(Plain("123456789012345678901234"), 123456789012345678901234.0, "big decimal");
}

TEST(ScalarResolverTest, Floats) {
  ExpectNumber(Plain("1.5"), 1.5, "1.5");
  ExpectNumber(Plain("-1.5"), -1.5, "-1.5");
  ExpectNumber(Plain(".5"), 0.5, ".5");
  ExpectNumber(Plain("1."), 1.0, "1.");
  ExpectNumber(Plain("1e3"), 1000, "1e3");
  ExpectNumber(Plain("2.5E-1"), 0.25, "2.5E-1");
  ExpectNumber(Plain("+.5"), 0.5, "+.5");
  for (std::string_view text : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
    ExpectNumber(Plain(text), std::numeric_limits<double>::infinity(), text);
  }
  for (std::string_view text : {"-.inf", "-.Inf", "-.INF"}) {
    ExpectNumber(Plain(text), -std::numeric_limits<double>::infinity(), text);
  }
  for (std::string_view text : {".nan", ".NaN", ".NAN"}) {
    Value value = Plain(text);
    ASSERT_TRUE(value.is_number()) << text;
    EXPECT_TRUE(std::isnan(value.as_number())) << text;
  }
  // Out of range is not a float for go-yaml (ParseFloat fails): the text stays a string.
  ExpectString(Plain("1e400"), "1e400");
  ExpectNumber(Plain("1e-400"), 0, "1e-400");
}

TEST(ScalarResolverTest, StringsThatLookAlmostTyped) {
  for (std::string_view text :
       {"1.2.3", "v1",   "0x",    "0xZZ",       "1_000.5x",
        "-",     "+",    ".",     "...",        "1e",
        "1e+",   "_1",   "12:30", "2001-12-14", "2001-12-14T21:59:43.10-05:00",
        "0x1p3", "Inf",  "NaN",   "infinity",   "<<",
        "10Gi",  "500m", "*",     "=",          "nginx:1.25"}) {
    ExpectString(Plain(text), text);
  }
}

TEST(ScalarResolverTest, QuotedAndBlockScalarsAreStrings) {
  for (std::string_view text : {"true", "yes", "1", "0x1F", "null", "", "1.5", "~"}) {
    ExpectString(ResolveScalar(text, false, "", {}), text);
  }
}

TEST(ScalarResolverTest, ExplicitTagsWin) {
  ExpectString(Tagged("true", "str"), "true");
  ExpectString(Tagged("123", "str"), "123");
  ExpectNumber(Tagged("123", "int", /*plain=*/false), 123, "!!int \"123\"");
  ExpectNumber(Tagged("0x10", "int"), 16, "!!int 0x10");
  ExpectNumber(Tagged("7", "float"), 7, "!!float 7");
  ExpectNumber(Tagged("2.5", "float", false), 2.5, "!!float '2.5'");
  ExpectBool(Tagged("yes", "bool", false), true, "!!bool 'yes'");
  EXPECT_TRUE(Tagged("~", "null").is_null());
  ExpectString(Tagged("2001-12-14", "timestamp"), "2001-12-14");
  ExpectString(Tagged("R0lGODlh", "binary"), "R0lGODlh");
  // A value that does not convert to its tag (go-yaml would refuse the document) stays a string.
  ExpectString(Tagged("1.5", "int"), "1.5");
  ExpectString(Tagged("abc", "bool"), "abc");
  ExpectString(Tagged("x", "null"), "x");
  // Local and non-specific tags give the text as a string.
  ExpectString(ResolveScalar("42", true, "!Ref", {}), "42");
  ExpectString(ResolveScalar("true", false, "!", {}), "true");
}

TEST(ScalarResolverTest, KeyStringIsTheJsonSpelling) {
  EXPECT_EQ(KeyString(Value::String("a")), "a");
  EXPECT_EQ(KeyString(Value::Bool(true)), "true");
  EXPECT_EQ(KeyString(Value::Bool(false)), "false");
  EXPECT_EQ(KeyString(Value::Null()), "null");
  EXPECT_EQ(KeyString(Value::Number(80)), "80");
  EXPECT_EQ(KeyString(Value::Number(1.5)), "1.5");
}

TEST(ScalarResolverTest, EveryScalarTypeThroughTheLoader) {
  testing::Loaded loaded = testing::Load(
      "plain_bool: yes\n"
      "quoted_bool: \"yes\"\n"
      "single: 'on'\n"
      "int: 8080\n"
      "octal: 0644\n"
      "hex: 0xff\n"
      "float: 0.25\n"
      "inf: -.inf\n"
      "null_tilde: ~\n"
      "null_empty:\n"
      "str_tag: !!str 42\n"
      "int_tag: !!int \"42\"\n"
      "custom: !Base64 aGk=\n"
      "version: 1.10\n"
      "image: nginx:1.25\n"
      "date: 2024-01-02\n"
      "yes: key-is-bool\n"
      "80: key-is-int\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  ExpectBool(*root.Get("plain_bool"), true, "plain_bool");
  ExpectString(*root.Get("quoted_bool"), "yes");
  ExpectString(*root.Get("single"), "on");
  ExpectNumber(*root.Get("int"), 8080, "int");
  ExpectNumber(*root.Get("octal"), 420, "octal");
  ExpectNumber(*root.Get("hex"), 255, "hex");
  ExpectNumber(*root.Get("float"), 0.25, "float");
  ExpectNumber(*root.Get("inf"), -std::numeric_limits<double>::infinity(), "inf");
  EXPECT_TRUE(root.Get("null_tilde")->is_null());
  EXPECT_TRUE(root.Get("null_empty")->is_null());
  ExpectString(*root.Get("str_tag"), "42");
  ExpectNumber(*root.Get("int_tag"), 42, "int_tag");
  ExpectString(*root.Get("custom"), "aGk=");
  ExpectNumber(*root.Get("version"), 1.1, "version");  // the classic YAML 1.1 surprise
  ExpectString(*root.Get("image"), "nginx:1.25");
  ExpectString(*root.Get("date"), "2024-01-02");
  ExpectString(*root.Get("true"), "key-is-bool");
  ExpectString(*root.Get("80"), "key-is-int");
}

}  // namespace
}  // namespace faultline::parsers::yaml
