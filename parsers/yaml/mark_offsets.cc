#include "parsers/yaml/mark_offsets.h"

#include <algorithm>
#include <cstring>

namespace faultline::parsers::yaml {
namespace {

// Bytes of the UTF-8 sequence led by `lead`, as libyaml's reader counts them (1 when invalid).
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// True when the 8 bytes at `p` are all ASCII.
bool AsciiWord(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}

}  // namespace

uint32_t MarkOffsets::ToByteSlow(size_t char_index) {
  if (!non_ascii_seen_) {
    // Extends the known ASCII prefix a step past the request, so that the marks that follow
    // convert inline (ToByte) rather than here.
    constexpr size_t kAsciiStep = 4096;
    size_t limit = std::min(text_.size(), std::max(char_index, ascii_prefix_ + kAsciiStep));
    while (ascii_prefix_ + 8 <= limit && AsciiWord(text_.data() + ascii_prefix_)) {
      ascii_prefix_ += 8;
    }
    while (ascii_prefix_ < limit && static_cast<unsigned char>(text_[ascii_prefix_]) < 0x80) {
      ++ascii_prefix_;
    }
    if (char_index <= ascii_prefix_) return base_ + static_cast<uint32_t>(char_index);
    if (ascii_prefix_ == text_.size()) return base_ + static_cast<uint32_t>(ascii_prefix_);
    // The first non-ASCII byte: characters and bytes part ways from here.
    non_ascii_seen_ = true;
    cursor_char_ = cursor_byte_ = ascii_prefix_;
  }
  while (cursor_char_ < char_index && cursor_byte_ < text_.size()) {
    // ASCII runs: a byte is a character.
    while (char_index - cursor_char_ >= 8 && cursor_byte_ + 8 <= text_.size() &&
           AsciiWord(text_.data() + cursor_byte_)) {
      cursor_byte_ += 8;
      cursor_char_ += 8;
    }
    if (cursor_char_ >= char_index || cursor_byte_ >= text_.size()) break;
    unsigned char lead = static_cast<unsigned char>(text_[cursor_byte_]);
    if (lead < 0x80) {
      ++cursor_byte_;
      ++cursor_char_;
      continue;
    }
    size_t length = SequenceLength(lead);
    size_t next = cursor_byte_ + length;
    // A truncated or malformed sequence: count its lead byte alone.
    if (next > text_.size()) next = cursor_byte_ + 1;
    for (size_t i = cursor_byte_ + 1; i < next; ++i) {
      if (!IsContinuation(static_cast<unsigned char>(text_[i]))) {
        next = cursor_byte_ + 1;
        break;
      }
    }
    cursor_byte_ = next;
    ++cursor_char_;
  }
  while (cursor_char_ > char_index && cursor_byte_ > 0) {
    // Step back over one character: its continuation bytes (at most 3), then its lead byte,
    // mirroring the forward step (a lead byte whose sequence was malformed counts alone).
    size_t start = cursor_byte_ - 1;
    size_t limit = cursor_byte_ >= 4 ? cursor_byte_ - 4 : 0;
    while (start > limit && IsContinuation(static_cast<unsigned char>(text_[start]))) --start;
    size_t length = SequenceLength(static_cast<unsigned char>(text_[start]));
    if (start + length != cursor_byte_) start = cursor_byte_ - 1;
    cursor_byte_ = start;
    --cursor_char_;
  }
  return base_ + static_cast<uint32_t>(cursor_byte_);
}

}  // namespace faultline::parsers::yaml
