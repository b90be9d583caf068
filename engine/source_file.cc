#include "engine/source_file.h"

#include <algorithm>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace faultline::engine {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // Every file is indexed once, on the hot path of every scan. Lines are short (tens of bytes),
  // so a memchr call per line costs more than the search: test 16 bytes at a time for newlines
  // and take the matches from the mask.
  line_starts_.push_back(0);
  const char* data = text_.data();
  const size_t size = text_.size();
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  for (; i + 16 <= size; i += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
    while (mask != 0) {
      line_starts_.push_back(
          static_cast<uint32_t>(i + static_cast<size_t>(__builtin_ctz(mask)) + 1));
      mask &= mask - 1;
    }
  }
#endif
  for (; i < size; ++i) {
    if (data[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
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
