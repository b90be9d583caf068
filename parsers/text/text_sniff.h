// Text sniffing for the scanners that read every file (secrets): is this content text at all,
// and where are the line boundaries around a byte offset.
//
// All functions take raw bytes (any encoding, possibly invalid UTF-8) and never read outside the
// given view. Offsets are byte offsets into that view. Thread-safe (pure functions).
#ifndef FAULTLINE_PARSERS_TEXT_TEXT_SNIFF_H_
#define FAULTLINE_PARSERS_TEXT_TEXT_SNIFF_H_

#include <cstddef>
#include <string_view>

namespace faultline::parsers::text {

// How many leading bytes IsProbablyBinary inspects.
inline constexpr size_t kSniffBytes = 8 * 1024;

// True when `content` looks binary: a NUL byte in its first kSniffBytes bytes, or more than 10%
// of those bytes are control characters other than tab, newline, carriage return, form feed,
// vertical tab and escape. Bytes >= 0x80 (UTF-8 or legacy encodings) count as text. The empty
// string is text.
bool IsProbablyBinary(std::string_view content);

// The offset where the line holding `offset` starts (just after the previous '\n'), looking back
// at most `max_back` bytes; when no '\n' is found within that distance, offset - max_back
// (clamped to 0). `offset` is clamped to text.size().
size_t LineStartBefore(std::string_view text, size_t offset, size_t max_back);

// The offset of the '\n' that ends the line holding `offset` (or text.size() for the last line),
// looking ahead at most `max_forward` bytes; when no '\n' is found within that distance,
// offset + max_forward (clamped to text.size()).
size_t LineEndAfter(std::string_view text, size_t offset, size_t max_forward);

}  // namespace faultline::parsers::text

#endif  // FAULTLINE_PARSERS_TEXT_TEXT_SNIFF_H_
