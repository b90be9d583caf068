#include "engine/source_file.h"

#include <gtest/gtest.h>

namespace faultline::engine {
namespace {

TEST(SourceFileTest, ConvertsOffsetsToLinesAndColumns) {
  SourceFile file("a.tf", "ab\ncd\r\n\nlast");
  EXPECT_EQ(file.line_count(), 4u);
  EXPECT_EQ(file.PositionAt(0), (Position{0, 0}));
  EXPECT_EQ(file.PositionAt(2), (Position{0, 2}));
  EXPECT_EQ(file.PositionAt(3), (Position{1, 0}));
  EXPECT_EQ(file.PositionAt(8), (Position{3, 0}));
  EXPECT_EQ(file.PositionAt(1000), (Position{3, 4}));  // clamped to the end
  EXPECT_EQ(file.LineText(1), "cd");                   // CR LF stripped
  EXPECT_EQ(file.LineText(2), "");
  EXPECT_EQ(file.LineText(3), "last");
  EXPECT_EQ(file.LineText(9), "");
  EXPECT_EQ(file.OffsetAt({1, 1}), 4u);
  EXPECT_EQ(file.OffsetAt({1, 99}), 5u);  // clamped to the line's end
  EXPECT_EQ(file.OffsetAt({99, 0}), file.size());
}

TEST(SourceFileTest, Utf16ColumnsCountSurrogatePairsAsTwo) {
  // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units.
  SourceFile file("a.tf", "x = \"é😀z\"\n");
  uint32_t z = static_cast<uint32_t>(file.text().find('z'));
  EXPECT_EQ(file.PositionAt(z), (Position{0, 11}));
  EXPECT_EQ(file.Utf16PositionAt(z), (Position{0, 8}));
  EXPECT_EQ(file.OffsetAtUtf16({0, 8}), z);
  EXPECT_EQ(file.OffsetAtUtf16({0, 100}), static_cast<uint32_t>(file.LineText(0).size()));
}

TEST(SourceFileTest, EmptyFileHasOneLine) {
  SourceFile file("e.tf", "");
  EXPECT_EQ(file.line_count(), 1u);
  EXPECT_EQ(file.PositionAt(0), (Position{0, 0}));
}

}  // namespace
}  // namespace faultline::engine
