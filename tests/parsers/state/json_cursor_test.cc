#include "parsers/state/json_cursor.h"

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace faultline::parsers::state {
namespace {

using Kind = JsonCursor::Kind;
using ErrorKind = JsonCursor::ErrorKind;

TEST(JsonCursorTest, WalksAnObjectWithOffsets) {
  const std::string text = R"( {"a": 1.5, "b\u00e9": [true, null, "x\ny"], "c": {}} )";
  JsonCursor cursor(text, 16);
  ASSERT_EQ(cursor.Peek(), Kind::kObject);
  ASSERT_TRUE(cursor.EnterObject());
  std::string_view key;
  uint32_t kb = 0, ke = 0, b = 0, e = 0;

  ASSERT_TRUE(cursor.NextMember(&key, &kb, &ke));
  EXPECT_EQ(key, "a");
  EXPECT_EQ(text.substr(kb, ke - kb), "\"a\"");
  double number = 0;
  ASSERT_TRUE(cursor.ReadNumber(&number, &b, &e));
  EXPECT_EQ(number, 1.5);
  EXPECT_EQ(text.substr(b, e - b), "1.5");

  ASSERT_TRUE(cursor.NextMember(&key, &kb, &ke));
  EXPECT_EQ(key, "b\xC3\xA9");
  ASSERT_TRUE(cursor.EnterArray());
  ASSERT_TRUE(cursor.NextElement());
  Kind literal;
  ASSERT_TRUE(cursor.ReadLiteral(&literal, &b, &e));
  EXPECT_EQ(literal, Kind::kTrue);
  ASSERT_TRUE(cursor.NextElement());
  ASSERT_TRUE(cursor.ReadLiteral(&literal, &b, &e));
  EXPECT_EQ(literal, Kind::kNull);
  ASSERT_TRUE(cursor.NextElement());
  std::string_view str;
  ASSERT_TRUE(cursor.ReadString(&str, &b, &e));
  EXPECT_EQ(str, "x\ny");
  EXPECT_EQ(text.substr(b, e - b), R"("x\ny")");
  EXPECT_FALSE(cursor.NextElement());
  EXPECT_TRUE(cursor.ok());

  ASSERT_TRUE(cursor.NextMember(&key, &kb, &ke));
  EXPECT_EQ(key, "c");
  ASSERT_TRUE(cursor.SkipValue(&b, &e));
  EXPECT_EQ(text.substr(b, e - b), "{}");
  EXPECT_FALSE(cursor.NextMember(&key, &kb, &ke));
  EXPECT_TRUE(cursor.ok());
  EXPECT_EQ(cursor.depth(), 0u);
  EXPECT_EQ(cursor.Peek(), Kind::kEnd);
}

TEST(JsonCursorTest, DecodesSurrogatePairsAndLoneSurrogates) {
  const std::string text = R"(["\ud83d\ude00", "\ud800x", "\u00", "a\/b"])";
  JsonCursor cursor(text, 4);
  ASSERT_TRUE(cursor.EnterArray());
  std::string_view s;
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(cursor.NextElement());
  ASSERT_TRUE(cursor.ReadString(&s, &b, &e));
  EXPECT_EQ(s, "\xF0\x9F\x98\x80");
  ASSERT_TRUE(cursor.NextElement());
  ASSERT_TRUE(cursor.ReadString(&s, &b, &e));
  EXPECT_EQ(s, "\xEF\xBF\xBDx");  // U+FFFD, as Go decodes a lone surrogate
  ASSERT_TRUE(cursor.NextElement());
  EXPECT_FALSE(cursor.ReadString(&s, &b, &e));
  EXPECT_EQ(cursor.error_kind(), ErrorKind::kSyntax);
  EXPECT_EQ(cursor.error_offset(), text.find(R"(\u00")"));
}

TEST(JsonCursorTest, ClassifiesTruncationAsUnexpectedEnd) {
  for (std::string text : {R"({"a": [1, 2)", R"({"a": "unterminated)", R"({"a": tr)", R"({"a": 1.)",
                           R"({"a")", R"({"a":)", R"({)", R"({"a": "x\)"}) {
    JsonCursor cursor(text, 8);
    EXPECT_FALSE(cursor.SkipValue()) << text;
    EXPECT_EQ(cursor.error_kind(), ErrorKind::kUnexpectedEnd) << text;
    EXPECT_EQ(cursor.error_offset(), text.size()) << text;
  }
}

TEST(JsonCursorTest, RejectsInvalidJsonWithThePosition) {
  struct Case {
    std::string text;
    size_t offset;
  };
  for (const Case& c : std::vector<Case>{{R"({"a": 01})", 7},
                                         {R"({"a": 1,})", 8},
                                         {R"([1 2])", 3},
                                         {"[\"a\tb\"]", 3},
                                         {R"({a: 1})", 1},
                                         {R"([nul])", 1},
                                         {R"({"a" 1})", 5},
                                         {R"([1, ])", 4},
                                         {R"([-])", 2}}) {
    JsonCursor cursor(c.text, 8);
    EXPECT_FALSE(cursor.SkipValue()) << c.text;
    EXPECT_EQ(cursor.error_kind(), ErrorKind::kSyntax) << c.text;
    EXPECT_EQ(cursor.error_offset(), c.offset) << c.text << ": " << cursor.error_message();
  }
}

TEST(JsonCursorTest, ErrorsStick) {
  JsonCursor cursor("[1, x, 2]", 8);
  ASSERT_TRUE(cursor.EnterArray());
  ASSERT_TRUE(cursor.NextElement());
  EXPECT_TRUE(cursor.SkipValue());
  ASSERT_TRUE(cursor.NextElement());
  EXPECT_FALSE(cursor.SkipValue());
  EXPECT_FALSE(cursor.NextElement());
  EXPECT_EQ(cursor.Peek(), Kind::kInvalid);
  EXPECT_EQ(cursor.error_offset(), 4u);
  EXPECT_EQ(cursor.error_message(), "expected a value, found 'x'");
}

TEST(JsonCursorTest, EnterBeyondMaxDepthIsADepthError) {
  JsonCursor cursor("[[[1]]]", 2);
  ASSERT_TRUE(cursor.EnterArray());
  ASSERT_TRUE(cursor.NextElement());
  ASSERT_TRUE(cursor.EnterArray());
  ASSERT_TRUE(cursor.NextElement());
  EXPECT_FALSE(cursor.EnterArray());
  EXPECT_EQ(cursor.error_kind(), ErrorKind::kDepth);
  EXPECT_EQ(cursor.error_offset(), 2u);
}

TEST(JsonCursorTest, SkipsAMillionLevelsWithoutRecursion) {
  const size_t levels = 1'000'000;
  std::string text = std::string(levels, '[') + "{\"k\": [1]}" + std::string(levels, ']');
  JsonCursor cursor(text, 4);
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(cursor.SkipValue(&b, &e)) << cursor.error_message();
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, text.size());

  std::string mismatched = std::string(levels, '[') + std::string(levels - 1, ']') + "}";
  JsonCursor bad(mismatched, 4);
  EXPECT_FALSE(bad.SkipValue());
  EXPECT_EQ(bad.error_kind(), ErrorKind::kSyntax);
  EXPECT_EQ(bad.error_offset(), mismatched.size() - 1);
}

TEST(JsonCursorTest, NumbersFollowJsonAndSaturate) {
  const std::string text = "[0, -0.5, 1e3, 2E-2, 1e400, -1e400, 1e-400, 12345678901234567890]";
  JsonCursor cursor(text, 4);
  ASSERT_TRUE(cursor.EnterArray());
  std::vector<double> numbers;
  uint32_t b = 0, e = 0;
  while (cursor.NextElement()) {
    double n = 0;
    ASSERT_TRUE(cursor.ReadNumber(&n, &b, &e));
    numbers.push_back(n);
  }
  ASSERT_TRUE(cursor.ok());
  ASSERT_EQ(numbers.size(), 8u);
  EXPECT_EQ(numbers[1], -0.5);
  EXPECT_EQ(numbers[2], 1000);
  EXPECT_EQ(numbers[3], 0.02);
  EXPECT_TRUE(std::isinf(numbers[4]) && numbers[4] > 0);
  EXPECT_TRUE(std::isinf(numbers[5]) && numbers[5] < 0);
  EXPECT_EQ(numbers[6], 0);
  EXPECT_EQ(numbers[7], 12345678901234567890.0);
}

TEST(JsonCursorTest, StartsAtAnOffset) {
  const std::string text = R"({"skip": 1, "here": {"x": 2}})";
  const uint32_t start = static_cast<uint32_t>(text.find("{\"x\""));
  JsonCursor cursor(text, 4, start);
  ASSERT_TRUE(cursor.EnterObject());
  std::string_view key;
  uint32_t kb = 0, ke = 0;
  ASSERT_TRUE(cursor.NextMember(&key, &kb, &ke));
  EXPECT_EQ(key, "x");
  EXPECT_EQ(kb, start + 1);
}

}  // namespace
}  // namespace faultline::parsers::state
