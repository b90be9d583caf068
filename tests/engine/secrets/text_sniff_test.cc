#include "parsers/text/text_sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline::parsers::text {
namespace {

TEST(TextSniffTest, TextIsText) {
  EXPECT_FALSE(IsProbablyBinary(""));
  EXPECT_FALSE(IsProbablyBinary("resource \"x\" \"y\" {\n\tname = \"z\"\r\n}\f\v\x1b[0m"));
  EXPECT_FALSE(IsProbablyBinary("na\xc3\xafve caf\xc3\xa9 \xe2\x80\xa6"));
  EXPECT_FALSE(IsProbablyBinary("\xff\xfe latin-1 or broken utf-8 \xe9\xe8"));
}

TEST(TextSniffTest, NulByteInTheFirstEightKibibytesMeansBinary) {
  EXPECT_TRUE(IsProbablyBinary(std::string("abc\0def", 7)));
  std::string late(kSniffBytes, 'a');
  late.push_back('\0');
  EXPECT_FALSE(IsProbablyBinary(late));  // only the first 8 KiB are inspected
}

TEST(TextSniffTest, ManyControlCharactersMeanBinary) {
  std::string text(100, 'a');
  for (int i = 0; i < 11; ++i) text[i * 9] = '\x01';
  EXPECT_TRUE(IsProbablyBinary(text));
  std::string few(100, 'a');
  for (int i = 0; i < 5; ++i) few[i * 9] = '\x02';
  EXPECT_FALSE(IsProbablyBinary(few));
}

TEST(TextSniffTest, LineBoundsAreBoundedAndClamped) {
  const std::string text = "first\nsecond line\nthird";
  EXPECT_EQ(LineStartBefore(text, 8, 100), 6u);
  EXPECT_EQ(LineEndAfter(text, 8, 100), 17u);
  EXPECT_EQ(LineStartBefore(text, 2, 100), 0u);
  EXPECT_EQ(LineEndAfter(text, 20, 100), text.size());
  EXPECT_EQ(LineStartBefore(text, 15, 3), 12u);  // no newline within 3 bytes
  EXPECT_EQ(LineEndAfter(text, 7, 3), 10u);
  EXPECT_EQ(LineStartBefore(text, 999, 100), 18u);  // clamped to the end
  EXPECT_EQ(LineEndAfter(text, 999, 100), text.size());
  EXPECT_EQ(LineStartBefore("", 0, 10), 0u);
  EXPECT_EQ(LineEndAfter("", 0, 10), 0u);
  EXPECT_EQ(LineStartBefore(text, 6, 100), 6u);  // at a line start
  EXPECT_EQ(LineEndAfter(text, 5, 100), 5u);     // at a newline
}

}  // namespace
}  // namespace faultline::parsers::text
