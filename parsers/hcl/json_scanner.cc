#include "parsers/hcl/json_scanner.h"

#include <charconv>
#include <utility>

namespace faultline::parsers::hcl {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes the string whose opening quote is at text[*pos]; leaves *pos after the closing quote.
// `offsets`, when non-null, receives the source offset of each decoded byte (and the end).
bool ScanString(std::string_view text, size_t* pos, std::string* out,
                std::vector<uint32_t>* offsets, JsonError* error, uint32_t base) {
  size_t i = *pos + 1;
  auto fail = [&](size_t at, const char* message) {
    if (error != nullptr) {
      error->offset = base + static_cast<uint32_t>(at);
      error->message = message;
    }
    return false;
  };
  auto record = [&](size_t from, size_t count) {
    if (offsets == nullptr) return;
    for (size_t k = 0; k < count; ++k) offsets->push_back(base + static_cast<uint32_t>(from));
  };
  while (true) {
    if (i >= text.size()) return fail(*pos, "unterminated string");
    char c = text[i];
    if (c == '"') break;
    if (static_cast<unsigned char>(c) < 0x20) return fail(i, "control character in string");
    if (c != '\\') {
      out->push_back(c);
      if (offsets != nullptr) offsets->push_back(base + static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    size_t escape_start = i;
    if (i + 1 >= text.size()) return fail(i, "unterminated string");
    char e = text[i + 1];
    i += 2;
    size_t before = out->size();
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out->push_back(e);
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        auto read_hex = [&](size_t at, uint32_t* value) {
          if (at + 4 > text.size()) return false;
          *value = 0;
          for (size_t k = 0; k < 4; ++k) {
            int digit = HexDigit(text[at + k]);
            if (digit < 0) return false;
            *value = *value * 16 + static_cast<uint32_t>(digit);
          }
          return true;
        };
        uint32_t code = 0;
        if (!read_hex(i, &code)) return fail(escape_start, "invalid \\u escape");
        i += 4;
        if (code >= 0xD800 && code <= 0xDBFF && i + 6 <= text.size() && text[i] == '\\' &&
            text[i + 1] == 'u') {
          uint32_t low = 0;
          if (read_hex(i + 2, &low) && low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;  // lone surrogate
        AppendUtf8(code, out);
        break;
      }
      default:
        return fail(escape_start, "invalid escape sequence");
    }
    record(escape_start, out->size() - before);
  }
  if (offsets != nullptr) offsets->push_back(base + static_cast<uint32_t>(i));
  *pos = i + 1;
  return true;
}

class Reader {
 public:
  Reader(std::string_view text, uint32_t max_depth, JsonError* error)
      : text_(text), max_depth_(max_depth), error_(error) {}

  bool ReadDocument(JsonValue* out) {
    SkipWhitespace();
    if (!ReadValue(out, 0)) return false;
    SkipWhitespace();
    if (pos_ < text_.size()) return Fail(pos_, "unexpected characters after the JSON value");
    return true;
  }

 private:
  bool Fail(size_t at, std::string message) {
    error_->offset = static_cast<uint32_t>(at);
    error_->message = std::move(message);
    return false;
  }

  bool FailUnexpected(const char* expected) {
    if (pos_ >= text_.size())
      return Fail(pos_, std::string("unexpected end of input, expected ") + expected);
    char c = text_[pos_];
    std::string shown =
        static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F
            ? std::string("'") + c + "'"
            : "byte " + std::to_string(static_cast<unsigned char>(c));
    return Fail(pos_, "unexpected " + shown + ", expected " + expected);
  }

  void SkipWhitespace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool ReadLiteral(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return FailUnexpected("a JSON value");
    pos_ += word.size();
    return true;
  }

  bool ReadNumber(JsonValue* out) {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return Fail(start, "invalid number");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Fail(pos_, "invalid number: digits expected after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return Fail(pos_, "invalid number: digits expected in exponent");
    }
    out->kind = JsonValue::Kind::kNumber;
    std::from_chars(text_.data() + start, text_.data() + pos_, out->number);
    return true;
  }

  bool ReadValue(JsonValue* out, uint32_t depth) {
    out->begin = static_cast<uint32_t>(pos_);
    if (pos_ >= text_.size()) return FailUnexpected("a JSON value");
    char c = text_[pos_];
    bool ok = true;
    switch (c) {
      case '{':
        ok = ReadObject(out, depth + 1);
        break;
      case '[':
        ok = ReadArray(out, depth + 1);
        break;
      case '"':
        out->kind = JsonValue::Kind::kString;
        ok = ScanString(text_, &pos_, &out->string, nullptr, error_, 0);
        break;
      case 't':
        out->kind = JsonValue::Kind::kBool;
        out->boolean = true;
        ok = ReadLiteral("true");
        break;
      case 'f':
        out->kind = JsonValue::Kind::kBool;
        ok = ReadLiteral("false");
        break;
      case 'n':
        out->kind = JsonValue::Kind::kNull;
        ok = ReadLiteral("null");
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          ok = ReadNumber(out);
        } else {
          return FailUnexpected("a JSON value");
        }
    }
    out->end = static_cast<uint32_t>(pos_);
    return ok;
  }

  bool ReadArray(JsonValue* out, uint32_t depth) {
    if (depth > max_depth_) {
      return Fail(pos_, "nesting exceeds the limit of " + std::to_string(max_depth_) + " levels");
    }
    out->kind = JsonValue::Kind::kArray;
    ++pos_;
    SkipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipWhitespace();
      out->elements.emplace_back();
      if (!ReadValue(&out->elements.back(), depth)) return false;
      SkipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return FailUnexpected("',' or ']'");
    }
  }

  bool ReadObject(JsonValue* out, uint32_t depth) {
    if (depth > max_depth_) {
      return Fail(pos_, "nesting exceeds the limit of " + std::to_string(max_depth_) + " levels");
    }
    out->kind = JsonValue::Kind::kObject;
    ++pos_;
    SkipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return FailUnexpected("an object key string");
      JsonMember member;
      member.key_begin = static_cast<uint32_t>(pos_);
      if (!ScanString(text_, &pos_, &member.key, nullptr, error_, 0)) return false;
      member.key_end = static_cast<uint32_t>(pos_);
      SkipWhitespace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return FailUnexpected("':' after the key");
      ++pos_;
      SkipWhitespace();
      if (!ReadValue(&member.value, depth)) return false;
      out->members.push_back(std::move(member));
      SkipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return FailUnexpected("',' or '}'");
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t max_depth_;
  JsonError* error_;
};

}  // namespace

bool ParseJson(std::string_view text, uint32_t max_depth, JsonValue* out, JsonError* error) {
  JsonError local;
  Reader reader(text, max_depth, error != nullptr ? error : &local);
  return reader.ReadDocument(out);
}

bool DecodeJsonStringWithOffsets(std::string_view token, uint32_t begin, std::string* text,
                                 std::vector<uint32_t>* offsets) {
  if (token.empty() || token.front() != '"') return false;
  size_t pos = 0;
  JsonError error;
  return ScanString(token, &pos, text, offsets, &error, begin) && pos == token.size();
}

}  // namespace faultline::parsers::hcl
