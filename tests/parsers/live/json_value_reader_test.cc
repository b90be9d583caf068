#include "parsers/live/json_value_reader.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine_rules.h"

namespace faultline::parsers::live {
namespace {

using engine::Finding;
using engine::SourceFile;
using engine::Value;

struct Parsed {
  std::unique_ptr<SourceFile> file;
  Value value;
  bool ok = false;
  std::vector<Finding> diagnostics;

  std::string Text(engine::SourceRange r) const {
    return file->text().substr(r.begin, r.end - r.begin);
  }
};

Parsed Parse(std::string text, JsonReadOptions options = {}) {
  Parsed p;
  p.file = std::make_unique<SourceFile>("in.json", std::move(text));
  p.ok = ReadJsonValue(*p.file, options, &p.value, &p.diagnostics);
  return p;
}

TEST(JsonValueReaderTest, ReadsEveryKindOfValue) {
  Parsed p = Parse(R"({"s": "x", "n": -12.5e1, "t": true, "f": false, "z": null,
                      "l": [1, "two", []], "m": {}})");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.diagnostics.empty());
  ASSERT_TRUE(p.value.is_map());
  EXPECT_EQ(p.value.Get("s")->as_string(), "x");
  EXPECT_EQ(p.value.Get("n")->as_number(), -125);
  EXPECT_TRUE(p.value.Get("t")->as_bool());
  EXPECT_FALSE(p.value.Get("f")->as_bool());
  EXPECT_TRUE(p.value.Get("z")->is_null());
  ASSERT_EQ(p.value.Get("l")->size(), 3u);
  EXPECT_EQ(p.value.Get("l")->At(1)->as_string(), "two");
  EXPECT_TRUE(p.value.Get("l")->At(2)->is_list());
  EXPECT_TRUE(p.value.Get("m")->is_map());
  EXPECT_EQ(p.value.Get("m")->size(), 0u);
}

TEST(JsonValueReaderTest, MapEntriesRangeFromKeyToValueAndOriginIsTheValue) {
  Parsed p = Parse("{\n  \"MultiAZ\": false,\n  \"Tags\": [\"a\", \"b\"]\n}\n");
  ASSERT_TRUE(p.ok);
  const Value* multi_az = p.value.Get("MultiAZ");
  EXPECT_EQ(p.Text(multi_az->range()), "\"MultiAZ\": false");
  EXPECT_EQ(p.Text(multi_az->origin()), "false");
  EXPECT_EQ(multi_az->range().start().line, 1u);
  EXPECT_EQ(multi_az->range().start().column, 2u);
  const Value* tags = p.value.Get("Tags");
  EXPECT_EQ(p.Text(tags->range()), "\"Tags\": [\"a\", \"b\"]");
  EXPECT_EQ(p.Text(tags->At(1)->range()), "\"b\"");
  EXPECT_EQ(p.Text(p.value.range()), p.file->text().substr(0, p.file->text().size() - 1));
}

TEST(JsonValueReaderTest, DecodesEscapesAndSurrogatePairs) {
  Parsed p = Parse(R"(["a\"b\\c\/d\n\t", "\u00e9\u20ac", "\ud83d\ude00", "\ud800x", "\udc00"])");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.value.At(0)->as_string(), "a\"b\\c/d\n\t");
  EXPECT_EQ(p.value.At(1)->as_string(), "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(p.value.At(2)->as_string(), "\xF0\x9F\x98\x80");
  // Lone surrogates become U+FFFD, as Go's encoding/json reads them.
  EXPECT_EQ(p.value.At(3)->as_string(), "\xEF\xBF\xBDx");
  EXPECT_EQ(p.value.At(4)->as_string(), "\xEF\xBF\xBD");
}

TEST(JsonValueReaderTest, AcceptsByteOrderMarkAndRawUtf8) {
  Parsed p = Parse("\xEF\xBB\xBF{\"name\": \"caf\xC3\xA9\"}");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.value.Get("name")->as_string(), "caf\xC3\xA9");
}

TEST(JsonValueReaderTest, HugeNumbersSaturateInsteadOfFailing) {
  Parsed p = Parse(
      "[123456789012345678901234567890, 1e400, -1e400, 1e-400, 9007199254740993, "
      "0.00000000000000000000000000000000000000000000000000000000000000000001e-300, "
      "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0]");
  ASSERT_TRUE(p.ok) << (p.diagnostics.empty() ? "" : p.diagnostics[0].message);
  EXPECT_DOUBLE_EQ(p.value.At(0)->as_number(), 1.2345678901234568e29);
  EXPECT_TRUE(std::isinf(p.value.At(1)->as_number()));
  EXPECT_GT(p.value.At(1)->as_number(), 0);
  EXPECT_TRUE(std::isinf(p.value.At(2)->as_number()));
  EXPECT_LT(p.value.At(2)->as_number(), 0);
  EXPECT_EQ(p.value.At(3)->as_number(), 0);
  EXPECT_EQ(p.value.At(4)->as_number(), 9007199254740992.0);  // rounds to the nearest double
  EXPECT_EQ(p.value.At(5)->as_number(), 0);
  EXPECT_TRUE(std::isinf(p.value.At(6)->as_number()));
}

TEST(JsonValueReaderTest, RepeatedKeyKeepsTheLastValueWithAWarning) {
  Parsed p = Parse("{\"a\": 1,\n \"a\": 2}");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.value.Get("a")->as_number(), 2);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].rule_id, engine::kDuplicateKeyId);
  EXPECT_EQ(p.diagnostics[0].range.start().line, 1u);
  EXPECT_EQ(p.diagnostics[0].range.start().column, 1u);
  EXPECT_NE(p.diagnostics[0].message.find("duplicate key \"a\""), std::string::npos);
}

struct MalformedCase {
  const char* text;
  uint32_t line;    // 0-based
  uint32_t column;  // 0-based, bytes
  const char* message_part;
};

class MalformedJsonTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedJsonTest, FailsWithASyntaxErrorAtTheOffendingByte) {
  const MalformedCase& c = GetParam();
  Parsed p = Parse(c.text);
  EXPECT_FALSE(p.ok);
  EXPECT_TRUE(p.value.is_null());
  ASSERT_EQ(p.diagnostics.size(), 1u);
  const Finding& f = p.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(f.range.file, p.file.get());
  EXPECT_EQ(f.range.start().line, c.line) << f.message;
  EXPECT_EQ(f.range.start().column, c.column) << f.message;
  EXPECT_NE(f.message.find(c.message_part), std::string::npos) << f.message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedJsonTest,
    ::testing::Values(MalformedCase{"", 0, 0, "holds no JSON value"},
                      MalformedCase{"  \n\t ", 1, 2, "holds no JSON value"},
                      MalformedCase{"{\n  \"a\": 1\n  \"b\": 2\n}", 2, 2, "expected ',' or '}'"},
                      MalformedCase{"{\"a\": [1, 2,]}", 0, 12, "expected a value"},
                      MalformedCase{"{\"a\" 1}", 0, 5, "expected ':'"},
                      MalformedCase{"{'a': 1}", 0, 1, "expected a string key"},
                      MalformedCase{"{\"a\": tru}", 0, 6, "unexpected character"},
                      MalformedCase{"{\"a\": 01}", 0, 7, "expected ',' or '}'"},
                      MalformedCase{"[1.]", 0, 3, "digits expected after '.'"},
                      MalformedCase{"[1e+]", 0, 4, "digits expected in the exponent"},
                      MalformedCase{"[-]", 0, 1, "invalid number"},
                      MalformedCase{"[\"a\\x\"]", 0, 3, "invalid escape"},
                      MalformedCase{"[\"\\u12g4\"]", 0, 6, "invalid \\u escape"},
                      MalformedCase{"[\"a\nb\"]", 0, 3, "control character"},
                      MalformedCase{"[\"caf\xC3\"]", 0, 5, "not valid UTF-8"},
                      MalformedCase{"[\"\xED\xA0\x80\"]", 0, 2, "not valid UTF-8"},
                      MalformedCase{"{\"DBInstances\": [\n  {\"DBInstanceIdentifier\": \"a\"", 1,
                                    30, "unterminated object"},
                      MalformedCase{"[\"abc", 0, 1, "unterminated string"},
                      MalformedCase{"{} {}", 0, 3, "unexpected text after the value"},
                      MalformedCase{"[NaN]", 0, 1, "expected a value"}));

TEST(JsonValueReaderTest, NestingBeyondTheLimitIsALimitError) {
  JsonReadOptions options;
  options.max_depth = 8;
  Parsed ok = Parse(std::string(8, '[') + std::string(8, ']'), options);
  EXPECT_TRUE(ok.ok);
  Parsed deep = Parse(std::string(9, '[') + std::string(9, ']'), options);
  EXPECT_FALSE(deep.ok);
  ASSERT_EQ(deep.diagnostics.size(), 1u);
  EXPECT_EQ(deep.diagnostics[0].rule_id, engine::kLimitExceededId);
  EXPECT_EQ(deep.diagnostics[0].range.start().column, 8u);
}

TEST(JsonValueReaderTest, DefaultDepthLimitStopsAHostileNestingWithoutCrashing) {
  const std::string hostile = std::string(200000, '[');
  Parsed p = Parse(hostile);
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].rule_id, engine::kLimitExceededId);
}

TEST(JsonValueReaderTest, TextWithAFixedRangePutsEveryValueThere) {
  SourceFile file("f.json", "{\"doc\": \"...\"}");
  JsonReadOptions options;
  options.fixed_range = engine::SourceRange{&file, 1, 13};
  Value value;
  std::vector<Finding> diagnostics;
  ASSERT_TRUE(
      ReadJsonText("{\"Statement\": [{\"Effect\": \"Allow\"}]}", options, &value, &diagnostics));
  EXPECT_EQ(value.range(), options.fixed_range);
  EXPECT_EQ(value.Find({"Statement", "0", "Effect"})->range(), options.fixed_range);
  EXPECT_EQ(value.Find({"Statement", "0", "Effect"})->as_string(), "Allow");

  EXPECT_FALSE(ReadJsonText("{\"Statement\": ", options, &value, &diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].range, options.fixed_range);
  EXPECT_NE(diagnostics[0].message.find("of the decoded text"), std::string::npos);
}

}  // namespace
}  // namespace faultline::parsers::live
