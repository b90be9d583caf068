#include "parsers/state/address.h"

#include <cstdint>
#include <cstdio>

namespace faultline::parsers::state {

namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 sequence at `s[i]` like Go's utf8.DecodeRuneInString: an invalid or
// overlong sequence, or an encoded surrogate, gives U+FFFD and a width of 1.
uint32_t DecodeRune(std::string_view s, size_t i, size_t* width) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  *width = 1;
  if (b0 < 0x80) return b0;
  size_t need = 0;
  uint32_t cp = 0;
  uint32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return kReplacement;
  }
  if (i + need >= s.size()) return kReplacement;
  for (size_t k = 1; k <= need; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  *width = need + 1;
  return cp;
}

bool InRanges(uint32_t cp, const uint32_t (*ranges)[2], size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (cp >= ranges[i][0] && cp <= ranges[i][1]) return true;
  }
  return false;
}

// Go's unicode.IsPrint for the categories that matter in practice (see the header).
bool IsPrint(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;  // Cc
  static constexpr uint32_t kNotPrint[][2] = {
      {0x00A0, 0x00A0},   {0x00AD, 0x00AD},   {0x0600, 0x0605},    {0x061C, 0x061C},
      {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x0890, 0x0891},    {0x08E2, 0x08E2},
      {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x200F},    {0x2028, 0x202F},
      {0x205F, 0x2064},   {0x2066, 0x206F},   {0x3000, 0x3000},    {0xD800, 0xF8FF},
      {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},    {0x110BD, 0x110BD},
      {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},  {0x1D173, 0x1D17A},
      {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
  };
  if (InRanges(cp, kNotPrint, sizeof(kNotPrint) / sizeof(kNotPrint[0]))) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;  // noncharacters U+xFFFE, U+xFFFF
  return true;
}

void AppendRune(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string QuoteInstanceKey(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  out.push_back('"');
  size_t i = 0;
  while (i < key.size()) {
    size_t width = 1;
    uint32_t cp = DecodeRune(key, i, &width);
    switch (cp) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '$':
      case '%':
        out.push_back(static_cast<char>(cp));
        if (i + 1 < key.size() && key[i + 1] == '{') out.push_back(static_cast<char>(cp));
        break;
      default:
        if (!IsPrint(cp)) {
          char buf[16];
          std::snprintf(buf, sizeof(buf), cp < 0x10000 ? "\\u%04x" : "\\U%08x",
                        static_cast<unsigned>(cp));
          out += buf;
        } else {
          AppendRune(cp, &out);
        }
    }
    i += width;
  }
  out.push_back('"');
  return out;
}

std::string FormatInstanceKey(const engine::Value& key) {
  if (key.is_number()) return "[" + engine::FormatNumber(key.as_number()) + "]";
  if (key.is_string()) return "[" + QuoteInstanceKey(key.as_string()) + "]";
  return "";
}

std::string FormatResourceAddress(std::string_view module_address, bool data, std::string_view type,
                                  std::string_view name, const engine::Value& key) {
  std::string out;
  out.reserve(module_address.size() + type.size() + name.size() + 16);
  if (!module_address.empty()) {
    out.append(module_address);
    out.push_back('.');
  }
  if (data) out += "data.";
  out.append(type);
  out.push_back('.');
  out.append(name);
  out += FormatInstanceKey(key);
  return out;
}

}  // namespace faultline::parsers::state
