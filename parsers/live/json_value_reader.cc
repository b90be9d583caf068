#include "parsers/live/json_value_reader.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <system_error>
#include <utility>

#include "engine/engine_rules.h"

namespace faultline::parsers::live {

namespace {

using engine::Finding;
using engine::SourceFile;
using engine::SourceRange;
using engine::Value;
using engine::ValueList;
using engine::ValueMap;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
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

// Length of the well-formed UTF-8 sequence starting at text[pos] (lead byte >= 0x80), or 0.
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) -> unsigned { return static_cast<unsigned char>(text[i]); };
  const unsigned lead = byte(pos);
  size_t length = 0;
  unsigned min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < min_second || byte(pos + 1) > max_second) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

class Reader {
 public:
  Reader(const SourceFile* file, std::string_view text, const JsonReadOptions& options,
         std::vector<Finding>* diagnostics)
      : file_(file), text_(text), options_(options), diagnostics_(diagnostics) {}

  bool Read(Value* out) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    SkipSpace();
    if (pos_ >= text_.size()) return Fail(pos_, "invalid JSON: the file holds no JSON value");
    if (!ReadValue(out, 0)) return false;
    SkipSpace();
    if (pos_ < text_.size()) return Fail(pos_, "invalid JSON: unexpected text after the value");
    return true;
  }

 private:
  SourceRange Range(size_t begin, size_t end) const {
    if (options_.fixed_range.valid()) return options_.fixed_range;
    return SourceRange{file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

  bool Fail(size_t offset, std::string message, const char* id = engine::kSyntaxErrorId) {
    if (!failed_ && diagnostics_ != nullptr) {
      SourceRange range = options_.fixed_range;
      if (!range.valid()) {
        size_t end = offset < text_.size() ? offset + 1 : offset;
        range = SourceRange{file_, static_cast<uint32_t>(offset), static_cast<uint32_t>(end)};
      } else {
        message += " (at byte " + std::to_string(offset) + " of the decoded text)";
      }
      diagnostics_->push_back(engine::MakeEngineFinding(id, range, std::move(message)));
    }
    failed_ = true;
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsJsonSpace(text_[pos_])) ++pos_;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) {
      return Fail(pos_, "invalid JSON: unexpected character");
    }
    pos_ += word.size();
    return true;
  }

  bool ReadValue(Value* out, uint32_t depth) {
    if (pos_ >= text_.size()) return Fail(pos_, "invalid JSON: unexpected end of input");
    const size_t begin = pos_;
    switch (text_[pos_]) {
      case '{':
        return ReadObject(out, depth + 1);
      case '[':
        return ReadArray(out, depth + 1);
      case '"': {
        std::string text;
        if (!ReadString(&text)) return false;
        *out = Value::String(std::move(text), Range(begin, pos_));
        return true;
      }
      case 't':
        if (!Literal("true")) return false;
        *out = Value::Bool(true, Range(begin, pos_));
        return true;
      case 'f':
        if (!Literal("false")) return false;
        *out = Value::Bool(false, Range(begin, pos_));
        return true;
      case 'n':
        if (!Literal("null")) return false;
        *out = Value::Null(Range(begin, pos_));
        return true;
      default:
        if (text_[pos_] == '-' || IsDigit(text_[pos_])) return ReadNumber(out);
        return Fail(pos_, "invalid JSON: expected a value");
    }
  }

  bool ReadNumber(Value* out) {
    const size_t begin = pos_;
    bool negative = false;
    if (text_[pos_] == '-') {
      negative = true;
      ++pos_;
    }
    auto digits = [&]() {
      const size_t start = pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      return pos_ - start;
    };
    // The decimal position of the first significant digit relative to the point, to decide
    // between overflow and underflow when the value is out of the double range.
    long long magnitude = 0;
    bool seen_significant = false;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else {
      const size_t start = pos_;
      if (digits() == 0) return Fail(begin, "invalid JSON: invalid number");
      magnitude = static_cast<long long>(pos_ - start);
      seen_significant = true;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      const size_t start = pos_;
      if (digits() == 0) return Fail(pos_, "invalid JSON: digits expected after '.'");
      if (!seen_significant) {
        for (size_t i = start; i < pos_ && text_[i] == '0'; ++i) --magnitude;
      }
    }
    long long exponent = 0;
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      bool exponent_negative = false;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
        exponent_negative = text_[pos_] == '-';
        ++pos_;
      }
      const size_t start = pos_;
      if (digits() == 0) return Fail(pos_, "invalid JSON: digits expected in the exponent");
      for (size_t i = start; i < pos_ && exponent < 100000; ++i) {
        exponent = exponent * 10 + (text_[i] - '0');
      }
      if (exponent_negative) exponent = -exponent;
    }
    double number = 0;
    auto [ptr, ec] = std::from_chars(text_.data() + begin, text_.data() + pos_, number);
    (void)ptr;
    if (ec == std::errc::result_out_of_range) {
      const bool overflow = magnitude + exponent > 0;
      number = overflow ? std::numeric_limits<double>::infinity() : 0.0;
      if (negative) number = -number;
    } else if (ec != std::errc()) {
      return Fail(begin, "invalid JSON: invalid number");
    }
    *out = Value::Number(number, Range(begin, pos_));
    return true;
  }

  bool ReadHex4(uint32_t* out) {
    if (pos_ + 4 > text_.size()) return Fail(pos_, "invalid JSON: incomplete \\u escape");
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexValue(text_[pos_ + i]);
      if (digit < 0) return Fail(pos_ + i, "invalid JSON: invalid \\u escape");
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    pos_ += 4;
    *out = value;
    return true;
  }

  // Reads a string token at pos_ (which is '"'), decoding it into *out.
  bool ReadString(std::string* out) {
    const size_t begin = pos_;
    ++pos_;
    while (true) {
      // Copy the run of plain ASCII characters at once.
      size_t run = pos_;
      while (run < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[run]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++run;
      }
      out->append(text_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= text_.size()) return Fail(begin, "invalid JSON: unterminated string");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail(pos_, "invalid JSON: control character in string");
      if (c >= 0x80) {
        const size_t length = Utf8SequenceLength(text_, pos_);
        if (length == 0) return Fail(pos_, "invalid JSON: string is not valid UTF-8");
        out->append(text_.data() + pos_, length);
        pos_ += length;
        continue;
      }
      // A backslash escape.
      if (pos_ + 1 >= text_.size()) return Fail(begin, "invalid JSON: unterminated string");
      const char escape = text_[pos_ + 1];
      pos_ += 2;
      switch (escape) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
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
          uint32_t cp = 0;
          if (!ReadHex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (text_.substr(pos_, 2) == "\\u") {
              const size_t save = pos_;
              pos_ += 2;
              if (!ReadHex4(&low)) return false;
              if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              } else {
                cp = 0xFFFD;
                pos_ = save;  // the second escape is read on its own
              }
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Fail(pos_ - 2, "invalid JSON: invalid escape in string");
      }
    }
  }

  bool ReadArray(Value* out, uint32_t depth) {
    if (depth > options_.max_depth) {
      return Fail(
          pos_,
          "JSON nesting exceeds the limit of " + std::to_string(options_.max_depth) + " levels",
          engine::kLimitExceededId);
    }
    const size_t begin = pos_;
    ++pos_;
    ValueList elements;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      *out = Value::List(std::move(elements), Range(begin, pos_));
      return true;
    }
    while (true) {
      SkipSpace();
      Value element;
      if (!ReadValue(&element, depth)) return false;
      elements.push_back(std::move(element));
      SkipSpace();
      if (pos_ >= text_.size()) return Fail(pos_, "invalid JSON: unterminated array");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == ']') {
        ++pos_;
        break;
      }
      return Fail(pos_, "invalid JSON: expected ',' or ']' after an array element");
    }
    *out = Value::List(std::move(elements), Range(begin, pos_));
    return true;
  }

  bool ReadObject(Value* out, uint32_t depth) {
    if (depth > options_.max_depth) {
      return Fail(
          pos_,
          "JSON nesting exceeds the limit of " + std::to_string(options_.max_depth) + " levels",
          engine::kLimitExceededId);
    }
    const size_t begin = pos_;
    ++pos_;
    ValueMap entries;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      *out = Value::Map(std::move(entries), Range(begin, pos_));
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) return Fail(pos_, "invalid JSON: unterminated object");
      if (text_[pos_] != '"') return Fail(pos_, "invalid JSON: expected a string key");
      const size_t key_begin = pos_;
      std::string key;
      if (!ReadString(&key)) return false;
      const size_t key_end = pos_;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        return Fail(pos_, "invalid JSON: expected ':' after an object key");
      }
      ++pos_;
      SkipSpace();
      Value value;
      if (!ReadValue(&value, depth)) return false;
      auto [it, inserted] = entries.try_emplace(std::move(key));
      it->second = value.WithRange(Range(key_begin, pos_));
      if (!inserted) {
        if (diagnostics_ != nullptr) {
          SourceRange range = Range(key_begin, key_end);
          diagnostics_->push_back(engine::MakeEngineFinding(
              engine::kDuplicateKeyId, range,
              "duplicate key \"" + it->first + "\"; the last value is used",
              "duplicate key " + it->first + "@" + std::to_string(key_begin)));
        }
      }
      SkipSpace();
      if (pos_ >= text_.size()) return Fail(pos_, "invalid JSON: unterminated object");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == '}') {
        ++pos_;
        break;
      }
      return Fail(pos_, "invalid JSON: expected ',' or '}' after an object member");
    }
    *out = Value::Map(std::move(entries), Range(begin, pos_));
    return true;
  }

  const SourceFile* file_;
  std::string_view text_;
  const JsonReadOptions& options_;
  std::vector<Finding>* diagnostics_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace

bool ReadJsonValue(const SourceFile& file, const JsonReadOptions& options, Value* out,
                   std::vector<Finding>* diagnostics) {
  Reader reader(&file, file.text(), options, diagnostics);
  Value value;
  if (!reader.Read(&value)) {
    *out = Value();
    return false;
  }
  *out = std::move(value);
  return true;
}

bool ReadJsonText(std::string_view text, const JsonReadOptions& options, Value* out,
                  std::vector<Finding>* diagnostics) {
  Reader reader(options.fixed_range.file, text, options, diagnostics);
  Value value;
  if (!reader.Read(&value)) {
    *out = Value();
    return false;
  }
  *out = std::move(value);
  return true;
}

}  // namespace faultline::parsers::live
