#include "parsers/text/text_sniff.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace faultline::parsers::text {

bool IsProbablyBinary(std::string_view content) {
  const size_t n = std::min(content.size(), kSniffBytes);
  if (n == 0) return false;
  if (std::memchr(content.data(), '\0', n) != nullptr) return true;
  // Bit c of kTextControls is set for the control characters text files use.
  constexpr uint32_t kTextControls =
      (1u << '\t') | (1u << '\n') | (1u << '\v') | (1u << '\f') | (1u << '\r') | (1u << 0x1b);
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(content.data());
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t c = bytes[i];
    control += (c < 0x20) & ~(kTextControls >> (c & 31)) & 1u;
    control += c == 0x7f;
  }
  return control * 10 > n;
}

size_t LineStartBefore(std::string_view text, size_t offset, size_t max_back) {
  offset = std::min(offset, text.size());
  const size_t floor = offset > max_back ? offset - max_back : 0;
  if (offset == floor) return floor;
  const void* hit = memrchr(text.data() + floor, '\n', offset - floor);
  if (hit == nullptr) return floor;
  return static_cast<size_t>(static_cast<const char*>(hit) - text.data()) + 1;
}

size_t LineEndAfter(std::string_view text, size_t offset, size_t max_forward) {
  offset = std::min(offset, text.size());
  const size_t ceiling = std::min(text.size(), offset + std::min(max_forward, text.size()));
  if (offset >= ceiling) return ceiling;
  const void* hit = std::memchr(text.data() + offset, '\n', ceiling - offset);
  if (hit == nullptr) return ceiling;
  return static_cast<size_t>(static_cast<const char*>(hit) - text.data());
}

}  // namespace faultline::parsers::text
