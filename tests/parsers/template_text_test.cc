// template_text: escape decoding, strip markers, flush heredocs, literal melding, UTF-8 checks.
#include "parsers/hcl/template_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace faultline::parsers::hcl {
namespace {

using Kind = TemplateToken::Kind;

TemplateToken Literal(std::string text) {
  TemplateToken token;
  token.text = std::move(text);
  return token;
}

TemplateToken Marker(Kind kind, bool strip_left = false, bool strip_right = false) {
  TemplateToken token;
  token.kind = kind;
  token.strip_left = strip_left;
  token.strip_right = strip_right;
  return token;
}

TEST(TemplateTextTest, DecodeQuotedLiteral) {
  std::string out;
  EXPECT_TRUE(DecodeQuotedLiteral("a\\nb\\tc\\\"d\\\\e\\r", &out));
  EXPECT_EQ(out, "a\nb\tc\"d\\e\r");
  out.clear();
  EXPECT_TRUE(DecodeQuotedLiteral("\\u0041\\u00e9\\U0001F600", &out));
  EXPECT_EQ(out, "A\xC3\xA9\xF0\x9F\x98\x80");
  out.clear();
  EXPECT_TRUE(DecodeQuotedLiteral("$${a} %%{b} $$ %% $x", &out));
  EXPECT_EQ(out, "${a} %{b} $$ %% $x");
  out.clear();
  EXPECT_TRUE(DecodeQuotedLiteral("\\uD800", &out));  // a surrogate is not a character
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  for (const char* bad : {"\\q", "\\", "\\u12", "\\u12G4", "\\U0001F60"}) {
    std::string ignored;
    EXPECT_FALSE(DecodeQuotedLiteral(bad, &ignored)) << bad;
  }
}

TEST(TemplateTextTest, DecodeHeredocLiteralOnlyHandlesTemplateEscapes) {
  EXPECT_EQ(DecodeHeredocLiteral("a\\nb $${c} %%{d}"), "a\\nb ${c} %{d}");
}

TEST(TemplateTextTest, HeredocLiteralsSplitPerLine) {
  std::vector<TemplateToken> tokens;
  ASSERT_TRUE(AppendLiteralTokens("one\ntwo\nthree", 10, false, &tokens));
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "one\n");
  EXPECT_EQ(tokens[0].begin, 10u);
  EXPECT_EQ(tokens[0].end, 14u);
  EXPECT_EQ(tokens[2].text, "three");
  tokens.clear();
  ASSERT_TRUE(AppendLiteralTokens("a\\n\nb", 0, true, &tokens));
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "a\n\nb");
  EXPECT_FALSE(AppendLiteralTokens("bad \\z", 0, true, &tokens));
  tokens.clear();
  EXPECT_TRUE(AppendLiteralTokens("", 0, false, &tokens));
  EXPECT_TRUE(tokens.empty());
}

TEST(TemplateTextTest, StripMarkersTrimOnlyTheAdjacentToken) {
  std::vector<TemplateToken> tokens = {Literal("a \n\t"),
                                       Marker(Kind::kInterpolation, true, true),
                                       Literal(" \n b "),
                                       Marker(Kind::kIf, false, true),
                                       Marker(Kind::kEndIf, true, false),
                                       Literal("  c")};
  ApplyStripMarkers(&tokens);
  EXPECT_EQ(tokens[0].text, "a");
  EXPECT_EQ(tokens[2].text, "b ");
  EXPECT_EQ(tokens[5].text, "  c");  // the previous marker does not strip right
}

TEST(TemplateTextTest, StripMarkersUseUnicodeWhitespace) {
  std::vector<TemplateToken> tokens = {Literal("x\xC2\xA0\xE3\x80\x80"),
                                       Marker(Kind::kInterpolation, true, false)};
  ApplyStripMarkers(&tokens);
  EXPECT_EQ(tokens[0].text, "x");
}

TEST(TemplateTextTest, FlushHeredocIndentation) {
  std::vector<TemplateToken> tokens = {
      Literal("    a\n"), Literal("      b\n"),         Literal("\n"),  Literal("   \n"),
      Literal("    "),    Marker(Kind::kInterpolation), Literal(" c\n")};
  FlushHeredocIndentation(&tokens);
  EXPECT_EQ(tokens[0].text, "a\n");
  EXPECT_EQ(tokens[1].text, "  b\n");
  EXPECT_EQ(tokens[2].text, "\n");  // blank lines do not count and are left alone
  EXPECT_EQ(tokens[3].text, "   \n");
  EXPECT_EQ(tokens[4].text, "");
  EXPECT_EQ(tokens[6].text, " c\n");  // not at a line start

  std::vector<TemplateToken> marker_first = {Literal("  a\n"), Marker(Kind::kInterpolation),
                                             Literal("\n")};
  FlushHeredocIndentation(&marker_first);
  EXPECT_EQ(marker_first[0].text, "  a\n");  // the marker's line counts as indentation 0
}

TEST(TemplateTextTest, MeldLiterals) {
  std::vector<TemplateToken> tokens = {Literal("a"), Literal("b"), Marker(Kind::kInterpolation),
                                       Literal("c"), Literal(""),  Literal("d")};
  tokens[0].begin = 0;
  tokens[0].end = 1;
  tokens[1].begin = 1;
  tokens[1].end = 2;
  MeldLiterals(&tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "ab");
  EXPECT_EQ(tokens[0].end, 2u);
  EXPECT_EQ(tokens[1].kind, Kind::kInterpolation);
  EXPECT_EQ(tokens[2].text, "cd");
}

TEST(TemplateTextTest, IsValidUtf8) {
  uint32_t bad = 99;
  EXPECT_TRUE(IsValidUtf8("plain \xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD", &bad));
  EXPECT_FALSE(IsValidUtf8("ab\xC3", &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\x80", &bad));  // overlong
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValidUtf8("x\xED\xA0\x80", &bad));  // surrogate
  EXPECT_EQ(bad, 1u);
  EXPECT_FALSE(IsValidUtf8("\xFF", nullptr));
}

}  // namespace
}  // namespace faultline::parsers::hcl
