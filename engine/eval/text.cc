#include "engine/eval/text.h"

namespace faultline::engine::eval {

namespace {

bool InRange(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Code points that extend the preceding grapheme cluster (combining marks, variation selectors,
// emoji modifiers, tags, spacing marks of common scripts).
bool IsExtender(char32_t c) {
  return InRange(c, 0x0300, 0x036F) || InRange(c, 0x0483, 0x0489) || InRange(c, 0x0591, 0x05BD) ||
         c == 0x05BF || InRange(c, 0x05C1, 0x05C2) || InRange(c, 0x05C4, 0x05C5) || c == 0x05C7 ||
         InRange(c, 0x0610, 0x061A) || InRange(c, 0x064B, 0x065F) || c == 0x0670 ||
         InRange(c, 0x06D6, 0x06DC) || InRange(c, 0x06DF, 0x06E4) || InRange(c, 0x06E7, 0x06E8) ||
         InRange(c, 0x06EA, 0x06ED) || InRange(c, 0x0900, 0x0903) || InRange(c, 0x093A, 0x094F) ||
         InRange(c, 0x0951, 0x0957) || InRange(c, 0x0962, 0x0963) || InRange(c, 0x0981, 0x0983) ||
         InRange(c, 0x09BC, 0x09D7) || c == 0x0E31 || InRange(c, 0x0E34, 0x0E3A) ||
         InRange(c, 0x0E47, 0x0E4E) || InRange(c, 0x1AB0, 0x1AFF) || InRange(c, 0x1DC0, 0x1DFF) ||
         c == 0x200C || c == 0x200D || InRange(c, 0x20D0, 0x20FF) || InRange(c, 0x302A, 0x302F) ||
         InRange(c, 0x3099, 0x309A) || InRange(c, 0xFE00, 0xFE0F) || InRange(c, 0xFE20, 0xFE2F) ||
         InRange(c, 0x1F3FB, 0x1F3FF) || InRange(c, 0xE0020, 0xE007F) ||
         InRange(c, 0xE0100, 0xE01EF);
}

bool IsRegionalIndicator(char32_t c) { return InRange(c, 0x1F1E6, 0x1F1FF); }

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || InRange(cp, 0xD800, 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    *code_point = c;
    return 1;
  }
  size_t len;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    *code_point = 0xFFFD;
    return 1;
  }
  if (pos + len > text.size()) {
    *code_point = 0xFFFD;
    return 1;
  }
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[pos + k]);
    if ((cc & 0xC0) != 0x80) {
      *code_point = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || InRange(cp, 0xD800, 0xDFFF)) {
    *code_point = 0xFFFD;
    return 1;
  }
  *code_point = cp;
  return len;
}

void AppendUtf8(char32_t cp, std::string* out) {
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

std::string SanitizeUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    AppendUtf8(cp, &out);
    i += len;
  }
  return out;
}

std::vector<size_t> GraphemeBoundaries(std::string_view text) {
  std::vector<size_t> starts;
  size_t i = 0;
  char32_t previous = 0;
  bool have_previous = false;
  bool pending_regional = false;  // previous cluster is a lone regional indicator
  while (i < text.size()) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    bool join = false;
    if (have_previous) {
      if (previous == '\r' && cp == '\n') {
        join = true;
      } else if (IsExtender(cp)) {
        join = true;
      } else if (previous == 0x200D) {
        join = true;  // zero width joiner sequence
      } else if (pending_regional && IsRegionalIndicator(cp)) {
        join = true;
      }
    }
    if (!join) {
      starts.push_back(i);
      pending_regional = IsRegionalIndicator(cp);
    } else if (IsRegionalIndicator(cp)) {
      pending_regional = false;
    }
    previous = cp;
    have_previous = true;
    i += len;
  }
  starts.push_back(text.size());
  return starts;
}

size_t GraphemeCount(std::string_view text) {
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r') {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.size();
  return GraphemeBoundaries(text).size() - 1;
}

char32_t ToUpper(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if ((InRange(c, 0xE0, 0xFE) && c != 0xF7)) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c == 0xB5) return 0x39C;
  if (InRange(c, 0x100, 0x137) || InRange(c, 0x14A, 0x177)) return (c & 1) ? c - 1 : c;
  if (InRange(c, 0x139, 0x148) || InRange(c, 0x179, 0x17E)) return (c & 1) ? c : c - 1;
  if (c == 0x131) return 'I';
  if (c == 0x17F) return 'S';
  if (c == 0x3C2) return 0x3A3;
  if (InRange(c, 0x3B1, 0x3C9)) return c - 32;
  if (InRange(c, 0x3AC, 0x3AC)) return 0x386;
  if (InRange(c, 0x3AD, 0x3AF)) return c - 37;
  if (c == 0x3CC) return 0x38C;
  if (InRange(c, 0x3CD, 0x3CE)) return c - 63;
  if (InRange(c, 0x430, 0x44F)) return c - 32;
  if (InRange(c, 0x450, 0x45F)) return c - 80;
  if (InRange(c, 0x460, 0x481) || InRange(c, 0x48A, 0x4BF) || InRange(c, 0x4D0, 0x52F)) {
    return (c & 1) ? c - 1 : c;
  }
  if (InRange(c, 0x561, 0x586)) return c - 48;
  if (InRange(c, 0x1E00, 0x1E95) || InRange(c, 0x1EA0, 0x1EFF)) return (c & 1) ? c - 1 : c;
  if (InRange(c, 0xFF41, 0xFF5A)) return c - 32;
  return c;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (InRange(c, 0xC0, 0xDE) && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (InRange(c, 0x100, 0x137) || InRange(c, 0x14A, 0x177)) return (c & 1) ? c : c + 1;
  if (InRange(c, 0x139, 0x148) || InRange(c, 0x179, 0x17E)) return (c & 1) ? c + 1 : c;
  if (c == 0x130) return 'i';
  if (InRange(c, 0x391, 0x3A9) && c != 0x3A2) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (InRange(c, 0x388, 0x38A)) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (InRange(c, 0x38E, 0x38F)) return c + 63;
  if (InRange(c, 0x410, 0x42F)) return c + 32;
  if (InRange(c, 0x400, 0x40F)) return c + 80;
  if (InRange(c, 0x460, 0x481) || InRange(c, 0x48A, 0x4BF) || InRange(c, 0x4D0, 0x52F)) {
    return (c & 1) ? c : c + 1;
  }
  if (InRange(c, 0x531, 0x556)) return c + 48;
  if (InRange(c, 0x1E00, 0x1E95) || InRange(c, 0x1EA0, 0x1EFF)) return (c & 1) ? c : c + 1;
  if (InRange(c, 0xFF21, 0xFF3A)) return c + 32;
  return c;
}

namespace {
template <typename Map>
std::string MapCase(std::string_view text, Map map) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (cp == 0xFFFD && len == 1 && static_cast<unsigned char>(text[i]) >= 0x80) {
      out.push_back(text[i]);  // keep invalid bytes as they are
    } else {
      AppendUtf8(map(cp), &out);
    }
    i += len;
  }
  return out;
}
}  // namespace

std::string UpperCase(std::string_view text) { return MapCase(text, ToUpper); }
std::string LowerCase(std::string_view text) { return MapCase(text, ToLower); }

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (IsUnicodeSpace(c)) return false;
  // Common punctuation and symbol blocks are not letters; everything else is treated as one.
  if (InRange(c, 0x80, 0xBF) || c == 0xD7 || c == 0xF7) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (InRange(c, 0x2000, 0x2BFF) || InRange(c, 0x3000, 0x303F) || InRange(c, 0xFE30, 0xFE4F) ||
      InRange(c, 0xFF00, 0xFF0F) || InRange(c, 0x1F000, 0x1FAFF)) {
    return false;
  }
  return true;
}

bool IsUnicodeSpace(char32_t c) {
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return InRange(c, 0x2000, 0x200A);
  }
}

}  // namespace faultline::engine::eval
