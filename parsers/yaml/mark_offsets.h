// MarkOffsets: converts libyaml mark indexes (counted in characters) to byte offsets.
//
// libyaml's yaml_mark_t.index counts Unicode characters, not bytes (checked against libyaml
// 0.2.5: in "a: é\nb: x" the `b` is at index 5 and byte 6). faultline ranges are byte offsets,
// so every mark goes through this converter. While the text seen so far is ASCII, a mark converts
// with one addition (the ASCII prefix is extended lazily, so the cost is proportional to the
// furthest mark asked for, not to the text size); after the first non-ASCII byte a cursor walks
// the UTF-8 text. Marks arrive almost in order, so the walk is amortised linear; going backwards
// is supported. Invalid UTF-8 bytes count as one character each (LoadYaml never hands them to
// libyaml anyway), and indexes past the end clamp to the end, so any input is safe.
// Not thread-safe (mutable cursor); one converter per parse.
#ifndef FAULTLINE_PARSERS_YAML_MARK_OFFSETS_H_
#define FAULTLINE_PARSERS_YAML_MARK_OFFSETS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace faultline::parsers::yaml {

class MarkOffsets {
 public:
  // `text` is what libyaml was given (character index 0 is its first byte); `base` is the byte
  // offset of `text` in the file, added to every result.
  MarkOffsets(std::string_view text, uint32_t base) : text_(text), base_(base) {}

  // Byte offset in the file of the character with index `char_index` in `text`.
  uint32_t ToByte(size_t char_index) {
    if (char_index <= ascii_prefix_) return base_ + static_cast<uint32_t>(char_index);
    return ToByteSlow(char_index);
  }

 private:
  uint32_t ToByteSlow(size_t char_index);

  std::string_view text_;
  uint32_t base_;
  size_t ascii_prefix_ = 0;  // text_[0, ascii_prefix_) is known to be ASCII
  bool non_ascii_seen_ = false;
  size_t cursor_char_ = 0;  // the cursor: a character index ...
  size_t cursor_byte_ = 0;  // ... and the byte offset in text_ where that character starts
};

}  // namespace faultline::parsers::yaml

#endif  // FAULTLINE_PARSERS_YAML_MARK_OFFSETS_H_
