#include "parsers/hcl/template_text.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace faultline::parsers::hcl {
namespace {

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = 0xFFFD;  // not a scalar value: the replacement character, as Go does
  }
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an invalid byte, whose code
// point is then reported as 0xFFFD).
size_t DecodeUtf8(std::string_view text, size_t i, uint32_t* code_point) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t value = 0;
  uint32_t minimum = 0;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    *code_point = 0xFFFD;
    return 1;
  }
  if (i + length > text.size()) {
    *code_point = 0xFFFD;
    return 1;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      *code_point = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *code_point = 0xFFFD;
    return 1;
  }
  *code_point = value;
  return length;
}

// Go's unicode.IsSpace.
bool IsUnicodeSpace(uint32_t c) {
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
      return c >= 0x2000 && c <= 0x200A;
  }
}

// Byte length of the leading whitespace of `text`, and its count of characters (a "\r\n" pair
// counts once, as a grapheme cluster does).
size_t LeadingSpace(std::string_view text, size_t* characters) {
  size_t i = 0;
  size_t count = 0;
  while (i < text.size()) {
    uint32_t c = 0;
    size_t length = DecodeUtf8(text, i, &c);
    if (!IsUnicodeSpace(c)) break;
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') length = 2;
    i += length;
    ++count;
  }
  if (characters != nullptr) *characters = count;
  return i;
}

void TrimLeft(std::string* text) { text->erase(0, LeadingSpace(*text, nullptr)); }

void TrimRight(std::string* text) {
  // Walk forward remembering where the trailing run of whitespace starts.
  size_t keep = 0;
  size_t i = 0;
  while (i < text->size()) {
    uint32_t c = 0;
    size_t length = DecodeUtf8(*text, i, &c);
    i += length;
    if (!IsUnicodeSpace(c)) keep = i;
  }
  text->resize(keep);
}

bool IsMarker(const TemplateToken& token) { return token.kind != TemplateToken::Kind::kLiteral; }

}  // namespace

bool DecodeQuotedLiteral(std::string_view raw, std::string* out) {
  out->reserve(out->size() + raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out->push_back(c);
      out->push_back('{');
      i += 2;
      continue;
    }
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (i + 1 >= raw.size()) return false;
    char escape = raw[++i];
    switch (escape) {
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case 'u':
      case 'U': {
        size_t digits = escape == 'u' ? 4 : 8;
        if (i + digits >= raw.size()) return false;
        uint32_t value = 0;
        for (size_t k = 1; k <= digits; ++k) {
          int hex = HexValue(raw[i + k]);
          if (hex < 0) return false;
          value = value * 16 + static_cast<uint32_t>(hex);
        }
        i += digits;
        AppendUtf8(value, out);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

std::string DecodeHeredocLiteral(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    out.push_back(c);
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out.push_back('{');
      i += 2;
    }
  }
  return out;
}

bool AppendLiteralTokens(std::string_view raw, uint32_t begin, bool quoted,
                         std::vector<TemplateToken>* tokens) {
  if (raw.empty()) return true;
  if (quoted) {
    TemplateToken token;
    token.begin = begin;
    token.end = begin + static_cast<uint32_t>(raw.size());
    bool ok = DecodeQuotedLiteral(raw, &token.text);
    tokens->push_back(std::move(token));
    return ok;
  }
  size_t start = 0;
  while (start < raw.size()) {
    size_t newline = raw.find('\n', start);
    size_t stop = newline == std::string_view::npos ? raw.size() : newline + 1;
    TemplateToken token;
    token.begin = begin + static_cast<uint32_t>(start);
    token.end = begin + static_cast<uint32_t>(stop);
    token.text = DecodeHeredocLiteral(raw.substr(start, stop - start));
    tokens->push_back(std::move(token));
    start = stop;
  }
  return true;
}

void ApplyStripMarkers(std::vector<TemplateToken>* tokens) {
  std::vector<TemplateToken>& list = *tokens;
  for (size_t i = 0; i < list.size(); ++i) {
    TemplateToken& token = list[i];
    if (!IsMarker(token)) {
      if (i > 0 && IsMarker(list[i - 1]) && list[i - 1].strip_right) TrimLeft(&token.text);
      continue;
    }
    if (token.strip_left && i > 0 && !IsMarker(list[i - 1])) TrimRight(&list[i - 1].text);
  }
}

void FlushHeredocIndentation(std::vector<TemplateToken>* tokens) {
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  size_t min_spaces = kNone;
  bool line_start = true;
  std::vector<TemplateToken*> adjust;
  for (TemplateToken& token : *tokens) {
    if (line_start) {
      line_start = false;
      size_t spaces = 0;
      if (!IsMarker(token)) {
        size_t characters = 0;
        size_t bytes = LeadingSpace(token.text, &characters);
        bool blank = bytes == token.text.size() && !token.text.empty() && token.text.back() == '\n';
        if (blank) {
          spaces = kNone;
        } else {
          spaces = characters;
          adjust.push_back(&token);
        }
      }
      if (spaces < min_spaces) min_spaces = spaces;
    }
    if (!IsMarker(token) && !token.text.empty() && token.text.back() == '\n') line_start = true;
  }
  if (min_spaces == kNone || min_spaces == 0) return;
  for (TemplateToken* token : adjust) {
    size_t i = 0;
    for (size_t removed = 0; removed < min_spaces && i < token->text.size(); ++removed) {
      uint32_t c = 0;
      size_t length = DecodeUtf8(token->text, i, &c);
      if (c == '\r' && i + 1 < token->text.size() && token->text[i + 1] == '\n') length = 2;
      i += length;
    }
    token->text.erase(0, i);
  }
}

void MeldLiterals(std::vector<TemplateToken>* tokens) {
  std::vector<TemplateToken>& list = *tokens;
  size_t out = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    if (out > 0 && !IsMarker(list[i]) && !IsMarker(list[out - 1])) {
      list[out - 1].text += list[i].text;
      list[out - 1].end = list[i].end;
      continue;
    }
    if (out != i) list[out] = std::move(list[i]);
    ++out;
  }
  list.resize(out);
}

bool IsValidUtf8(std::string_view text, uint32_t* bad_offset) {
  size_t i = 0;
  while (i < text.size()) {
    // Runs of ASCII (the bulk of configuration text) eight bytes at a time.
    while (i + 8 <= text.size()) {
      uint64_t chunk;
      std::memcpy(&chunk, text.data() + i, sizeof(chunk));
      if ((chunk & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    uint32_t code_point = 0;
    size_t length = DecodeUtf8(text, i, &code_point);
    if (code_point == 0xFFFD && length == 1) {
      if (bad_offset != nullptr) *bad_offset = static_cast<uint32_t>(i);
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace faultline::parsers::hcl
