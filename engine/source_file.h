// SourceFile: the text of one input file plus a line index.
//
// The one place where byte offsets, (line, byte column) and (line, UTF-16 column) are converted.
// All positions here are 0-based; user-facing output adds 1. Columns are bytes unless a function
// name says UTF-16. Immutable after construction, so it is safe to share between threads.
#ifndef FAULTLINE_ENGINE_SOURCE_FILE_H_
#define FAULTLINE_ENGINE_SOURCE_FILE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::engine {

// A 0-based line and a 0-based column. The column unit (bytes or UTF-16 code units) is stated
// by whichever function produces it.
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class SourceFile {
 public:
  // `path` is the display path (as the user named it, relative paths kept relative).
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  uint32_t size() const { return static_cast<uint32_t>(text_.size()); }
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Byte offset where each line starts, in order (the first is 0; a text ending in a newline
  // ends with size()).
  std::span<const uint32_t> line_starts() const { return line_starts_; }

  // Byte offset (clamped to [0, size()]) -> 0-based line and byte column.
  Position PositionAt(uint32_t offset) const;
  // 0-based line and byte column -> byte offset, clamped to the line's end.
  uint32_t OffsetAt(Position position) const;
  // Byte offset -> 0-based line and UTF-16 column (as the Language Server Protocol counts).
  Position Utf16PositionAt(uint32_t offset) const;
  // 0-based line and UTF-16 column -> byte offset, clamped to the line's end.
  uint32_t OffsetAtUtf16(Position position) const;
  // Text of a 0-based line without its line terminator ("" past the end).
  std::string_view LineText(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;  // byte offset where each line starts
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_SOURCE_FILE_H_
