#include "engine/source_file.h"

#include <algorithm>
#include <cstring>

namespace faultline::engine {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // Every file is indexed once, on the hot path of every scan: find newlines with memchr.
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; p < end;) {
    const void* found = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (found == nullptr) break;
    p = static_cast<const char*>(found) + 1;
    line_starts_.push_back(static_cast<uint32_t>(p - begin));
  }
}

Position SourceFile::PositionAt(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  return Position{line, offset - line_starts_[line]};
}

uint32_t SourceFile::OffsetAt(Position position) const {
  if (position.line >= line_count()) return size();
  std::string_view line = LineText(position.line);
  return line_starts_[position.line] +
         std::min<uint32_t>(position.column, static_cast<uint32_t>(line.size()));
}

namespace {
// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid lead bytes).
int Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}
}  // namespace

Position SourceFile::Utf16PositionAt(uint32_t offset) const {
  Position byte_position = PositionAt(offset);
  std::string_view line = LineText(byte_position.line);
  uint32_t units = 0;
  for (uint32_t i = 0; i < byte_position.column && i < line.size();) {
    int length = Utf8Length(static_cast<unsigned char>(line[i]));
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return Position{byte_position.line, units};
}

uint32_t SourceFile::OffsetAtUtf16(Position position) const {
  if (position.line >= line_count()) return size();
  std::string_view line = LineText(position.line);
  uint32_t units = 0;
  uint32_t i = 0;
  while (i < line.size() && units < position.column) {
    int length = Utf8Length(static_cast<unsigned char>(line[i]));
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return line_starts_[position.line] + std::min<uint32_t>(i, static_cast<uint32_t>(line.size()));
}

std::string_view SourceFile::LineText(uint32_t line) const {
  if (line >= line_count()) return {};
  uint32_t begin = line_starts_[line];
  uint32_t end = line + 1 < line_count() ? line_starts_[line + 1] : size();
  std::string_view text(text_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace faultline::engine
