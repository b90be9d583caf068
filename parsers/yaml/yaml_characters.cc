#include "parsers/yaml/yaml_characters.h"

#include <cstdint>
#include <cstdio>

namespace faultline::parsers::yaml {
namespace {

std::string Hex(uint32_t value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits, value);
  return buffer;
}

bool Printable(uint32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
         (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace

Unreadable FirstUnreadable(std::string_view text, size_t from) {
  size_t i = from;
  const size_t size = text.size();
  while (i < size) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead >= 0x20 && lead <= 0x7E) {
        ++i;
        continue;
      }
      if (lead == 0x09 || lead == 0x0A || lead == 0x0D) {
        ++i;
        continue;
      }
      return {i, "control character U+" + Hex(lead, 4) + " is not allowed in YAML"};
    }
    size_t length;
    uint32_t value;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      value = lead & 0x07;
    } else {
      return {i, "invalid UTF-8 byte 0x" + Hex(lead, 2) + " (the file is not UTF-8)"};
    }
    if (i + length > size) {
      return {i, "incomplete UTF-8 sequence at the end of the file"};
    }
    for (size_t k = 1; k < length; ++k) {
      unsigned char trail = static_cast<unsigned char>(text[i + k]);
      if ((trail & 0xC0) != 0x80) {
        return {i, "invalid UTF-8 byte 0x" + Hex(lead, 2) + " (the file is not UTF-8)"};
      }
      value = (value << 6) | (trail & 0x3F);
    }
    bool shortest = (length == 2 && value >= 0x80) || (length == 3 && value >= 0x800) ||
                    (length == 4 && value >= 0x10000);
    if (!shortest || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
      return {i, "invalid UTF-8 sequence (the file is not UTF-8)"};
    }
    if (!Printable(value)) {
      return {i, "control character U+" + Hex(value, 4) + " is not allowed in YAML"};
    }
    i += length;
  }
  return {};
}

}  // namespace faultline::parsers::yaml
