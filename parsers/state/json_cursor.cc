#include "parsers/state/json_cursor.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace faultline::parsers::state {

namespace {

// Bytes that end the fast scan of a string body: the closing quote, a backslash, and the control
// characters JSON forbids unescaped.
constexpr std::array<bool, 256> MakeStringStopTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}
constexpr std::array<bool, 256> kStringStop = MakeStringStopTable();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
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

std::string_view Describe(JsonCursor::Kind kind) {
  switch (kind) {
    case JsonCursor::Kind::kObject:
      return "an object";
    case JsonCursor::Kind::kArray:
      return "an array";
    case JsonCursor::Kind::kString:
      return "a string";
    case JsonCursor::Kind::kNumber:
      return "a number";
    case JsonCursor::Kind::kTrue:
    case JsonCursor::Kind::kFalse:
      return "a boolean";
    case JsonCursor::Kind::kNull:
      return "null";
    case JsonCursor::Kind::kEnd:
      return "the end of the file";
    case JsonCursor::Kind::kInvalid:
      break;
  }
  return "an invalid character";
}

// SWAR helpers over 8 bytes at a time (pretty-printed states are mostly indentation and short
// strings): a word of eight spaces, and whether a word holds a byte that ends a string body.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;
constexpr uint64_t kSpaces = 0x2020202020202020ull;

uint64_t Load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

bool HasZeroByte(uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; }

bool HasStringStop(uint64_t x) {
  const bool control = ((x - kOnes * 0x20) & ~x & kHighs) != 0;  // a byte < 0x20
  return control || HasZeroByte(x ^ (kOnes * '"')) || HasZeroByte(x ^ (kOnes * '\\'));
}

}  // namespace

JsonCursor::JsonCursor(std::string_view text, uint32_t max_depth, uint32_t start)
    : text_(text), pos_(start < text.size() ? start : text.size()), max_depth_(max_depth) {}

void JsonCursor::SkipWhitespace() {
  const size_t n = text_.size();
  const char* data = text_.data();
  while (pos_ < n) {
    char c = data[pos_];
    if (c == ' ') {
      while (pos_ + 8 <= n && Load8(data + pos_) == kSpaces) pos_ += 8;
      if (pos_ >= n) break;
      if (data[pos_] != ' ') continue;
    } else if (c != '\n' && c != '\r' && c != '\t') {
      break;
    }
    ++pos_;
  }
}

bool JsonCursor::Fail(ErrorKind kind, size_t offset, std::string message) {
  if (error_kind_ == ErrorKind::kNone) {
    error_kind_ = kind;
    error_offset_ = static_cast<uint32_t>(offset);
    error_message_ = std::move(message);
  }
  return false;
}

bool JsonCursor::FailAtCurrent(std::string_view expected) {
  if (pos_ >= text_.size()) {
    return Fail(ErrorKind::kUnexpectedEnd, text_.size(),
                "unexpected end of file, expected " + std::string(expected));
  }
  Kind found = Peek();
  std::string what(Describe(found));
  if (found == Kind::kInvalid) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x20 && c < 0x7F) {
      what = "'" + std::string(1, static_cast<char>(c)) + "'";
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      what = std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
    }
  }
  return Fail(ErrorKind::kSyntax, pos_, "expected " + std::string(expected) + ", found " + what);
}

JsonCursor::Kind JsonCursor::Peek() {
  if (!ok()) return Kind::kInvalid;
  SkipWhitespace();
  if (pos_ >= text_.size()) return Kind::kEnd;
  switch (text_[pos_]) {
    case '{':
      return Kind::kObject;
    case '[':
      return Kind::kArray;
    case '"':
      return Kind::kString;
    case 't':
      return Kind::kTrue;
    case 'f':
      return Kind::kFalse;
    case 'n':
      return Kind::kNull;
    case '-':
      return Kind::kNumber;
    default:
      return IsDigit(text_[pos_]) ? Kind::kNumber : Kind::kInvalid;
  }
}

bool JsonCursor::EnterObject() {
  if (Peek() != Kind::kObject) return ok() && FailAtCurrent("an object");
  if (depth() >= max_depth_) {
    return Fail(ErrorKind::kDepth, pos_,
                "JSON nesting deeper than " + std::to_string(max_depth_) + " levels");
  }
  ++pos_;
  first_.push_back(1);
  return true;
}

bool JsonCursor::EnterArray() {
  if (Peek() != Kind::kArray) return ok() && FailAtCurrent("an array");
  if (depth() >= max_depth_) {
    return Fail(ErrorKind::kDepth, pos_,
                "JSON nesting deeper than " + std::to_string(max_depth_) + " levels");
  }
  ++pos_;
  first_.push_back(1);
  return true;
}

bool JsonCursor::Close() {
  ++pos_;
  first_.pop_back();
  return false;
}

bool JsonCursor::NextMember(std::string_view* key, uint32_t* key_begin, uint32_t* key_end) {
  if (!ok() || first_.empty()) return false;
  SkipWhitespace();
  if (pos_ >= text_.size()) return FailAtCurrent("'}' or an object member");
  char c = text_[pos_];
  if (c == '}') return Close();
  if (first_.back()) {
    first_.back() = 0;
  } else {
    if (c != ',') {
      return Fail(ErrorKind::kSyntax, pos_, "expected ',' or '}' after an object member");
    }
    ++pos_;
    SkipWhitespace();
    if (pos_ >= text_.size()) return FailAtCurrent("an object member");
    c = text_[pos_];
  }
  if (c != '"') {
    return Fail(ErrorKind::kSyntax, pos_, "expected a string key for an object member");
  }
  *key_begin = static_cast<uint32_t>(pos_);
  if (!ScanString(key)) return false;
  *key_end = static_cast<uint32_t>(pos_);
  SkipWhitespace();
  if (pos_ >= text_.size()) return FailAtCurrent("':' after an object key");
  if (text_[pos_] != ':') return Fail(ErrorKind::kSyntax, pos_, "expected ':' after an object key");
  ++pos_;
  return true;
}

bool JsonCursor::NextElement() {
  if (!ok() || first_.empty()) return false;
  SkipWhitespace();
  if (pos_ >= text_.size()) return FailAtCurrent("']' or an array element");
  char c = text_[pos_];
  if (c == ']') return Close();
  if (first_.back()) {
    first_.back() = 0;
    return true;
  }
  if (c != ',') return Fail(ErrorKind::kSyntax, pos_, "expected ',' or ']' after an array element");
  ++pos_;
  return true;
}

bool JsonCursor::ScanString(std::string_view* out) {
  const size_t n = text_.size();
  ++pos_;  // opening quote
  const size_t start = pos_;
  const char* data = text_.data();
  while (pos_ + 8 <= n && !HasStringStop(Load8(data + pos_))) pos_ += 8;
  while (pos_ < n && !kStringStop[static_cast<unsigned char>(data[pos_])]) ++pos_;
  if (pos_ >= n)
    return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file inside a string");
  if (text_[pos_] == '"') {
    *out = text_.substr(start, pos_ - start);
    ++pos_;
    return true;
  }
  // Slow path: escapes.
  scratch_.assign(text_.data() + start, pos_ - start);
  while (true) {
    if (pos_ >= n) {
      return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file inside a string");
    }
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c == '"') {
      ++pos_;
      break;
    }
    if (c < 0x20) {
      return Fail(ErrorKind::kSyntax, pos_, "control character inside a string (must be escaped)");
    }
    if (c != '\\') {
      size_t run = pos_;
      while (run + 8 <= n && !HasStringStop(Load8(data + run))) run += 8;
      while (run < n && !kStringStop[static_cast<unsigned char>(text_[run])]) ++run;
      scratch_.append(text_.data() + pos_, run - pos_);
      pos_ = run;
      continue;
    }
    if (pos_ + 1 >= n) {
      return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file inside a string");
    }
    char e = text_[pos_ + 1];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        scratch_.push_back(e);
        pos_ += 2;
        continue;
      case 'b':
        scratch_.push_back('\b');
        pos_ += 2;
        continue;
      case 'f':
        scratch_.push_back('\f');
        pos_ += 2;
        continue;
      case 'n':
        scratch_.push_back('\n');
        pos_ += 2;
        continue;
      case 'r':
        scratch_.push_back('\r');
        pos_ += 2;
        continue;
      case 't':
        scratch_.push_back('\t');
        pos_ += 2;
        continue;
      case 'u':
        break;
      default:
        return Fail(ErrorKind::kSyntax, pos_, "invalid escape sequence in a string");
    }
    auto read_hex4 = [&](size_t at, uint32_t* value) -> int {  // 1 ok, 0 syntax, -1 end
      if (at + 6 > n) {
        for (size_t i = at + 2; i < n; ++i) {
          if (HexValue(text_[i]) < 0) return 0;
        }
        return -1;
      }
      uint32_t v = 0;
      for (size_t i = at + 2; i < at + 6; ++i) {
        int h = HexValue(text_[i]);
        if (h < 0) return 0;
        v = v * 16 + static_cast<uint32_t>(h);
      }
      *value = v;
      return 1;
    };
    uint32_t cp = 0;
    int r = read_hex4(pos_, &cp);
    if (r == 0) return Fail(ErrorKind::kSyntax, pos_, "invalid \\u escape in a string");
    if (r < 0) return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file inside a string");
    pos_ += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (pos_ + 1 < n && text_[pos_] == '\\' && text_[pos_ + 1] == 'u' &&
          read_hex4(pos_, &low) == 1 && low >= 0xDC00 && low <= 0xDFFF) {
        pos_ += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, &scratch_);
  }
  *out = scratch_;
  return true;
}

bool JsonCursor::ScanNumber() {
  const size_t n = text_.size();
  auto end_or_syntax = [&](std::string_view what) {
    if (pos_ >= n) return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file in a number");
    return Fail(ErrorKind::kSyntax, pos_, "invalid number: " + std::string(what));
  };
  if (pos_ < n && text_[pos_] == '-') ++pos_;
  if (pos_ >= n || !IsDigit(text_[pos_])) return end_or_syntax("expected a digit");
  if (text_[pos_] == '0') {
    ++pos_;
    if (pos_ < n && IsDigit(text_[pos_])) {
      return Fail(ErrorKind::kSyntax, pos_, "invalid number: leading zero");
    }
  } else {
    while (pos_ < n && IsDigit(text_[pos_])) ++pos_;
  }
  if (pos_ < n && text_[pos_] == '.') {
    ++pos_;
    if (pos_ >= n || !IsDigit(text_[pos_])) return end_or_syntax("expected a digit after '.'");
    while (pos_ < n && IsDigit(text_[pos_])) ++pos_;
  }
  if (pos_ < n && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < n && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (pos_ >= n || !IsDigit(text_[pos_])) return end_or_syntax("expected an exponent digit");
    while (pos_ < n && IsDigit(text_[pos_])) ++pos_;
  }
  return true;
}

bool JsonCursor::ScanLiteral(std::string_view word) {
  const size_t n = text_.size();
  for (size_t i = 0; i < word.size(); ++i) {
    if (pos_ + i >= n) return Fail(ErrorKind::kUnexpectedEnd, n, "unexpected end of file");
    if (text_[pos_ + i] != word[i]) {
      return Fail(ErrorKind::kSyntax, pos_, "invalid literal (expected " + std::string(word) + ")");
    }
  }
  pos_ += word.size();
  return true;
}

bool JsonCursor::ReadString(std::string_view* out, uint32_t* begin, uint32_t* end) {
  if (Peek() != Kind::kString) return ok() && FailAtCurrent("a string");
  *begin = static_cast<uint32_t>(pos_);
  if (!ScanString(out)) return false;
  *end = static_cast<uint32_t>(pos_);
  return true;
}

bool JsonCursor::ReadNumber(double* out, uint32_t* begin, uint32_t* end) {
  if (Peek() != Kind::kNumber) return ok() && FailAtCurrent("a number");
  const size_t start = pos_;
  if (!ScanNumber()) return false;
  *begin = static_cast<uint32_t>(start);
  *end = static_cast<uint32_t>(pos_);
  const char* first = text_.data() + start;
  const char* last = text_.data() + pos_;
  double value = 0;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range) {
    // Overflow gives an infinity, underflow zero (the sign kept either way).
    bool negative = *first == '-';
    bool negative_exponent = false;
    for (const char* p = first; p < last; ++p) {
      if ((*p == 'e' || *p == 'E') && p + 1 < last && p[1] == '-') negative_exponent = true;
    }
    value = negative_exponent ? 0.0 : std::numeric_limits<double>::infinity();
    if (negative) value = -value;
  }
  (void)ptr;
  *out = value;
  return true;
}

bool JsonCursor::ReadLiteral(Kind* kind, uint32_t* begin, uint32_t* end) {
  Kind k = Peek();
  if (k != Kind::kTrue && k != Kind::kFalse && k != Kind::kNull) {
    return ok() && FailAtCurrent("true, false or null");
  }
  *begin = static_cast<uint32_t>(pos_);
  if (!ScanLiteral(k == Kind::kTrue ? "true" : k == Kind::kFalse ? "false" : "null")) return false;
  *end = static_cast<uint32_t>(pos_);
  *kind = k;
  return true;
}

bool JsonCursor::SkipValue(uint32_t* begin, uint32_t* end) {
  if (!ok()) return false;
  SkipWhitespace();
  const size_t start = pos_;
  const size_t n = text_.size();
  std::string closers;  // expected closing brackets of the containers opened here
  std::string_view ignored;
  auto read_key = [&]() -> bool {
    SkipWhitespace();
    if (pos_ >= n) return FailAtCurrent("an object member");
    if (text_[pos_] != '"') {
      return Fail(ErrorKind::kSyntax, pos_, "expected a string key for an object member");
    }
    if (!ScanString(&ignored)) return false;
    SkipWhitespace();
    if (pos_ >= n) return FailAtCurrent("':' after an object key");
    if (text_[pos_] != ':') {
      return Fail(ErrorKind::kSyntax, pos_, "expected ':' after an object key");
    }
    ++pos_;
    return true;
  };
  while (true) {
    // A value is expected here.
    switch (Peek()) {
      case Kind::kObject:
        ++pos_;
        SkipWhitespace();
        if (pos_ < n && text_[pos_] == '}') {
          ++pos_;
          break;
        }
        closers.push_back('}');
        if (!read_key()) return false;
        continue;
      case Kind::kArray:
        ++pos_;
        SkipWhitespace();
        if (pos_ < n && text_[pos_] == ']') {
          ++pos_;
          break;
        }
        closers.push_back(']');
        continue;
      case Kind::kString:
        if (!ScanString(&ignored)) return false;
        break;
      case Kind::kNumber:
        if (!ScanNumber()) return false;
        break;
      case Kind::kTrue:
        if (!ScanLiteral("true")) return false;
        break;
      case Kind::kFalse:
        if (!ScanLiteral("false")) return false;
        break;
      case Kind::kNull:
        if (!ScanLiteral("null")) return false;
        break;
      case Kind::kEnd:
      case Kind::kInvalid:
        return ok() && FailAtCurrent("a value");
    }
    // A value was consumed: close containers or move to the next member/element.
    bool next_value = false;
    while (!closers.empty() && !next_value) {
      SkipWhitespace();
      if (pos_ >= n) {
        return FailAtCurrent(closers.back() == '}' ? "',' or '}'" : "',' or ']'");
      }
      char c = text_[pos_];
      if (c == closers.back()) {
        ++pos_;
        closers.pop_back();
      } else if (c == ',') {
        ++pos_;
        if (closers.back() == '}' && !read_key()) return false;
        next_value = true;
      } else {
        return Fail(ErrorKind::kSyntax, pos_,
                    closers.back() == '}' ? "expected ',' or '}' after an object member"
                                          : "expected ',' or ']' after an array element");
      }
    }
    if (!next_value) break;
  }
  if (begin != nullptr) *begin = static_cast<uint32_t>(start);
  if (end != nullptr) *end = static_cast<uint32_t>(pos_);
  return true;
}

}  // namespace faultline::parsers::state
