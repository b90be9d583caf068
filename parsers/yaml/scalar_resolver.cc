#include "parsers/yaml/scalar_resolver.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace faultline::parsers::yaml {
namespace {

using engine::SourceRange;
using engine::Value;

// go-yaml v2's resolve table: the first byte decides which interpretations are tried.
enum class Hint { kString, kSign, kDigit, kWord, kDot };

Hint HintFor(std::string_view text) {
  if (text.empty()) return Hint::kWord;  // "" is looked up in the word table (null)
  char c = text[0];
  if (c == '+' || c == '-') return Hint::kSign;
  if (c >= '0' && c <= '9') return Hint::kDigit;
  if (c == '.') return Hint::kDot;
  switch (c) {
    case 'y':
    case 'Y':
    case 'n':
    case 'N':
    case 't':
    case 'T':
    case 'f':
    case 'F':
    case 'o':
    case 'O':
    case '~':
      return Hint::kWord;
    default:
      return Hint::kString;
  }
}

// The exact spellings go-yaml v2 maps to a value (resolve_map).
std::optional<Value> LookupWord(std::string_view text, SourceRange range) {
  if (text.size() > 5) return std::nullopt;  // the longest words ("false", "-.inf") have 5
  static constexpr std::string_view kTrue[] = {"y",    "Y",    "yes", "Yes", "YES", "true",
                                               "True", "TRUE", "on",  "On",  "ON"};
  static constexpr std::string_view kFalse[] = {"n",     "N",     "no",  "No",  "NO", "false",
                                                "False", "FALSE", "off", "Off", "OFF"};
  static constexpr std::string_view kNull[] = {"", "~", "null", "Null", "NULL"};
  for (std::string_view word : kTrue) {
    if (text == word) return Value::Bool(true, range);
  }
  for (std::string_view word : kFalse) {
    if (text == word) return Value::Bool(false, range);
  }
  for (std::string_view word : kNull) {
    if (text == word) return Value::Null(range);
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    return Value::Number(std::numeric_limits<double>::quiet_NaN(), range);
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf" || text == "+.Inf" ||
      text == "+.INF") {
    return Value::Number(kInf, range);
  }
  if (text == "-.inf" || text == "-.Inf" || text == "-.INF") return Value::Number(-kInf, range);
  return std::nullopt;
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64) as go-yaml does:
// optional sign, then 0x/0o/0b prefixes or a leading 0 for octal, else decimal.
std::optional<double> ParseGoInteger(std::string_view s) {
  bool negative = false;
  bool signed_text = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    signed_text = true;
    s.remove_prefix(1);
  }
  int base = 10;
  if (!s.empty() && s[0] == '0') {
    base = 8;
    if (s.size() >= 3) {
      char p = static_cast<char>(s[1] | 0x20);
      if (p == 'x') base = 16;
      if (p == 'o') base = 8;
      if (p == 'b') base = 2;
      if (p == 'x' || p == 'o' || p == 'b') s.remove_prefix(2);
    }
  }
  if (s.empty()) return std::nullopt;
  uint64_t magnitude = 0;
  for (char c : s) {
    int digit = DigitValue(c);
    if (digit >= base) return std::nullopt;
    if (magnitude > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(digit)) /
                        static_cast<uint64_t>(base)) {
      return std::nullopt;  // beyond 64 bits
    }
    magnitude = magnitude * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit);
  }
  constexpr uint64_t kInt64Max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (negative) {
    if (magnitude > kInt64Max + 1) return std::nullopt;
    return -static_cast<double>(magnitude);
  }
  // ParseInt takes up to int64 max; ParseUint (no sign allowed) the rest of uint64.
  if (magnitude > kInt64Max && signed_text) return std::nullopt;
  return static_cast<double>(magnitude);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// go-yaml's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool MatchesYamlFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t exponent = s.find_first_of("eE", i);
  std::string_view mantissa =
      s.substr(i, exponent == std::string_view::npos ? s.npos : exponent - i);
  if (exponent != std::string_view::npos) {
    std::string_view e = s.substr(exponent + 1);
    if (!e.empty() && (e[0] == '+' || e[0] == '-')) e.remove_prefix(1);
    if (!AllDigits(e)) return false;
  }
  if (mantissa.empty()) return false;
  if (mantissa[0] == '.') return AllDigits(mantissa.substr(1));
  size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return AllDigits(mantissa);
  std::string_view fraction = mantissa.substr(dot + 1);
  return AllDigits(mantissa.substr(0, dot)) && (fraction.empty() || AllDigits(fraction));
}

// strconv.ParseFloat on text that already has decimal float syntax. An overflow is an error
// (go-yaml then keeps the text as a string); an underflow rounds to zero.
std::optional<double> ParseDecimalFloat(std::string_view s) {
  std::string_view digits = s;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  double value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (end != digits.data() + digits.size()) return std::nullopt;
  if (error == std::errc::result_out_of_range) {
    size_t e = digits.find_first_of("eE");
    bool negative_exponent =
        e != std::string_view::npos && e + 1 < digits.size() && digits[e + 1] == '-';
    if (!negative_exponent) return std::nullopt;
    value = 0;
  } else if (error != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// go-yaml v2's resolve() for an untagged plain scalar that is not a string; nullopt when it is.
std::optional<Value> ResolvePlainNonString(std::string_view text, SourceRange range) {
  Hint hint = HintFor(text);
  if (hint == Hint::kString) return std::nullopt;
  if (std::optional<Value> word = LookupWord(text, range)) return word;
  switch (hint) {
    case Hint::kDot:
      if (MatchesYamlFloat(text)) {
        if (std::optional<double> number = ParseDecimalFloat(text)) {
          return Value::Number(*number, range);
        }
      }
      break;
    case Hint::kDigit:
    case Hint::kSign: {
      std::string without_underscores;
      std::string_view plain = text;
      if (text.find('_') != std::string_view::npos) {
        for (char c : text) {
          if (c != '_') without_underscores.push_back(c);
        }
        plain = without_underscores;
      }
      if (std::optional<double> number = ParseGoInteger(plain)) {
        return Value::Number(*number, range);
      }
      if (MatchesYamlFloat(plain)) {
        if (std::optional<double> number = ParseDecimalFloat(plain)) {
          return Value::Number(*number, range);
        }
      }
      break;
    }
    default:
      break;
  }
  return std::nullopt;
}

Value ResolvePlain(std::string_view text, SourceRange range) {
  std::optional<Value> value = ResolvePlainNonString(text, range);
  return value.has_value() ? std::move(*value) : Value::String(std::string(text), range);
}

}  // namespace

Value ResolveScalar(std::string_view text, bool plain, std::string_view tag, SourceRange range) {
  if (tag.empty()) {
    return plain ? ResolvePlain(text, range) : Value::String(std::string(text), range);
  }
  if (!tag.starts_with(kCoreTagPrefix)) return Value::String(std::string(text), range);
  std::string_view name = tag.substr(kCoreTagPrefix.size());
  if (name == "int" || name == "float" || name == "bool" || name == "null") {
    Value resolved = ResolvePlain(text, range);
    bool fits = (name == "bool" && resolved.is_bool()) || (name == "null" && resolved.is_null()) ||
                (name == "float" && resolved.is_number());
    if (name == "int" && resolved.is_number()) {
      // !!int accepts what go-yaml resolves as an integer, not a float spelling.
      std::string plain_text;
      for (char c : text) {
        if (c != '_') plain_text.push_back(c);
      }
      fits = ParseGoInteger(plain_text).has_value();
    }
    if (fits) return resolved;
  }
  return Value::String(std::string(text), range);
}

bool PlainScalarIsString(std::string_view text) {
  return !ResolvePlainNonString(text, {}).has_value();
}

std::string KeyString(const Value& key) {
  switch (key.kind()) {
    case Value::Kind::kString:
      return key.as_string();
    case Value::Kind::kBool:
      return key.as_bool() ? "true" : "false";
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kNumber:
      return engine::FormatNumber(key.as_number());
    default:
      return key.ToDisplayString(std::numeric_limits<size_t>::max());
  }
}

}  // namespace faultline::parsers::yaml
