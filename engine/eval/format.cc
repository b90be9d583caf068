#include "engine/eval/format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "engine/eval/text.h"
#include "engine/eval/value_ops.h"

namespace faultline::engine::eval {

namespace {

struct Verb {
  bool plus = false, minus = false, space = false, zero = false, sharp = false;
  int width = -1;
  int precision = -1;
  char mode = 0;
  std::string raw;
  size_t offset = 0;
};

std::string Pad(const Verb& verb, std::string text) {
  if (verb.width < 0) return text;
  size_t have = GraphemeCount(text);
  if (have >= static_cast<size_t>(verb.width)) return text;
  std::string pad(static_cast<size_t>(verb.width) - have, verb.zero && !verb.minus ? '0' : ' ');
  return verb.minus ? text + pad : pad + text;
}

// Pads a number: zero padding goes after the sign.
std::string PadNumber(const Verb& verb, std::string text) {
  if (verb.width < 0 || text.size() >= static_cast<size_t>(verb.width)) return text;
  size_t missing = static_cast<size_t>(verb.width) - text.size();
  if (verb.minus) return text + std::string(missing, ' ');
  if (verb.zero) {
    size_t sign = (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) ? 1 : 0;
    if (text.compare(sign, 2, "0x") == 0 || text.compare(sign, 2, "0X") == 0 ||
        text.compare(sign, 2, "0b") == 0) {
      sign += 2;
    }
    return text.substr(0, sign) + std::string(missing, '0') + text.substr(sign);
  }
  return std::string(missing, ' ') + text;
}

std::string SignPrefix(const Verb& verb, bool negative) {
  if (negative) return "-";
  if (verb.plus) return "+";
  if (verb.space) return " ";
  return "";
}

std::string FormatInteger(const Verb& verb, double number) {
  bool negative = number < 0;
  double magnitude = std::fabs(number);
  std::string digits;
  int base = 10;
  switch (verb.mode) {
    case 'b':
      base = 2;
      break;
    case 'o':
      base = 8;
      break;
    case 'x':
    case 'X':
      base = 16;
      break;
    default:
      base = 10;
  }
  if (magnitude < 1.8e19) {
    char buffer[80];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer,
                                   static_cast<unsigned long long>(magnitude), base);
    digits.assign(buffer, ptr);
  } else {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.0f", magnitude);
    digits = buffer;
  }
  if (verb.mode == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (verb.precision >= 0 && digits.size() < static_cast<size_t>(verb.precision)) {
    digits = std::string(static_cast<size_t>(verb.precision) - digits.size(), '0') + digits;
  }
  std::string prefix;
  if (verb.sharp) {
    if (verb.mode == 'b') prefix = "0b";
    if (verb.mode == 'o' && digits[0] != '0') prefix = "0";
    if (verb.mode == 'x') prefix = "0x";
    if (verb.mode == 'X') prefix = "0X";
  }
  return PadNumber(verb, SignPrefix(verb, negative) + prefix + digits);
}

std::string FormatFloat(const Verb& verb, double number) {
  if (std::isinf(number)) {
    return PadNumber(verb, SignPrefix(verb, number < 0) + "Inf");
  }
  if ((verb.mode == 'g' || verb.mode == 'G') && verb.precision < 0) {
    std::string text = GoShortestG(std::fabs(number), verb.mode == 'G');
    return PadNumber(verb, SignPrefix(verb, std::signbit(number) && number != 0) + text);
  }
  std::string spec = "%";
  if (verb.plus) spec += '+';
  if (verb.space) spec += ' ';
  if (verb.sharp) spec += '#';
  spec += '.';
  spec += std::to_string(verb.precision >= 0 ? verb.precision : 6);
  spec += verb.mode;
  char buffer[512];
  int n = std::snprintf(buffer, sizeof buffer, spec.c_str(), number);
  std::string text;
  if (n >= 0 && static_cast<size_t>(n) < sizeof buffer) {
    text.assign(buffer, static_cast<size_t>(n));
  } else {
    std::vector<char> big(static_cast<size_t>(n) + 1);
    std::snprintf(big.data(), big.size(), spec.c_str(), number);
    text.assign(big.data(), static_cast<size_t>(n));
  }
  return PadNumber(verb, text);
}

}  // namespace

std::string GoShortestG(double number, bool upper) {
  if (number == 0) return "0";
  if (std::isinf(number)) return number > 0 ? "+Inf" : "-Inf";
  if (std::isnan(number)) return "NaN";
  char buffer[64];
  auto [ptr, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
  std::string sci(buffer, ptr);  // e.g. "-1.2345e+06"
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::stoi(sci.substr(e + 1));
  bool negative = mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 6) {  // Go: %e when the exponent is < -4 or >= 6
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += upper ? 'E' : 'e';
    out += exponent < 0 ? '-' : '+';
    int a = std::abs(exponent);
    if (a < 10) out += '0';
    out += std::to_string(a);
    return out;
  }
  if (exponent >= 0) {
    if (digits.size() <= static_cast<size_t>(exponent) + 1) {
      out += digits + std::string(static_cast<size_t>(exponent) + 1 - digits.size(), '0');
    } else {
      out += digits.substr(0, static_cast<size_t>(exponent) + 1) + "." +
             digits.substr(static_cast<size_t>(exponent) + 1);
    }
  } else {
    out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  }
  return out;
}

bool FormatValues(std::string_view format, const std::vector<Value>& args, const Limits& limits,
                  std::string* out, CodecStatus* status) {
  out->clear();
  size_t next_arg = 0;
  size_t max_arg_used = 0;
  size_t i = 0;
  const size_t n = format.size();
  while (i < n) {
    if (out->size() > limits.max_string_bytes) {
      status->error = "formatted string exceeds the limit of " +
                      std::to_string(limits.max_string_bytes) + " bytes";
      status->limit_exceeded = true;
      return false;
    }
    char c = format[i];
    if (c != '%') {
      out->push_back(c);
      ++i;
      continue;
    }
    Verb verb;
    verb.offset = i;
    size_t start = i++;
    if (i < n && format[i] == '%') {
      out->push_back('%');
      ++i;
      continue;
    }
    for (; i < n; ++i) {
      char f = format[i];
      if (f == '+') {
        verb.plus = true;
      } else if (f == '-') {
        verb.minus = true;
      } else if (f == ' ') {
        verb.space = true;
      } else if (f == '0') {
        verb.zero = true;
      } else if (f == '#') {
        verb.sharp = true;
      } else {
        break;
      }
    }
    auto parse_int = [&](int* value) {
      size_t begin = i;
      long long v = 0;
      while (i < n && format[i] >= '0' && format[i] <= '9') {
        v = v * 10 + (format[i] - '0');
        if (v > 1'000'000) v = 1'000'000;
        ++i;
      }
      if (i == begin) return false;
      *value = static_cast<int>(v);
      return true;
    };
    auto parse_index = [&]() -> bool {
      if (i < n && format[i] == '[') {
        ++i;
        int index = 0;
        if (!parse_int(&index) || i >= n || format[i] != ']' || index < 1) {
          status->error =
              "invalid argument index in format verb at offset " + std::to_string(start);
          return false;
        }
        ++i;
        next_arg = static_cast<size_t>(index - 1);
      }
      return true;
    };
    if (!parse_index()) return false;
    parse_int(&verb.width);
    if (i < n && format[i] == '.') {
      ++i;
      if (!parse_int(&verb.precision)) {
        status->error = "a period in a format verb must be followed by a precision, at offset " +
                        std::to_string(start);
        return false;
      }
    }
    if (!parse_index()) return false;
    if (i >= n) {
      status->error = "unterminated format verb at offset " + std::to_string(start);
      return false;
    }
    // The verb is one UTF-8 character.
    char32_t mode;
    size_t mode_len = DecodeUtf8(format, i, &mode);
    verb.raw = std::string(format.substr(start, i + mode_len - start));
    i += mode_len;
    if (mode > 0x7F || std::string_view("vtbdoxXeEfgGsq").find(static_cast<char>(mode)) ==
                           std::string_view::npos) {
      status->error =
          "unsupported format verb \"" + verb.raw + "\" at offset " + std::to_string(start);
      return false;
    }
    verb.mode = static_cast<char>(mode);
    if (next_arg >= args.size()) {
      status->error = "not enough arguments for \"" + verb.raw + "\" at offset " +
                      std::to_string(start) + ": need argument " + std::to_string(next_arg + 1) +
                      " but have " + std::to_string(args.size());
      return false;
    }
    const Value& arg = args[next_arg++];
    max_arg_used = std::max(max_arg_used, next_arg);
    if (verb.mode != 'v' && arg.is_null()) {
      status->error = "unsupported value for \"" + verb.raw + "\" at offset " +
                      std::to_string(start) + ": null value cannot be formatted";
      return false;
    }
    std::string error;
    switch (verb.mode) {
      case 'v': {
        if (!verb.sharp && arg.is_string()) {
          *out += Pad(verb, arg.as_string());
        } else if (!verb.sharp && arg.is_number()) {
          *out += Pad(verb, GoShortestG(arg.as_number(), false));
        } else {
          std::string json;
          CodecStatus json_status;
          if (!EncodeJson(arg, limits, &json, &json_status)) {
            *status = json_status;
            return false;
          }
          *out += Pad(verb, json);
        }
        break;
      }
      case 't': {
        bool b;
        if (!ToBoolValue(arg, &b, &error)) {
          status->error = "unsupported value for \"" + verb.raw + "\" at offset " +
                          std::to_string(start) + ": " + error;
          return false;
        }
        *out += b ? "true" : "false";
        break;
      }
      case 'b':
      case 'd':
      case 'o':
      case 'x':
      case 'X':
      case 'e':
      case 'E':
      case 'f':
      case 'g':
      case 'G': {
        double number;
        if (!ToNumberValue(arg, &number, &error)) {
          status->error = "unsupported value for \"" + verb.raw + "\" at offset " +
                          std::to_string(start) + ": " + error;
          return false;
        }
        if (std::string_view("bdoxX").find(verb.mode) != std::string_view::npos) {
          if (number != std::floor(number) || !std::isfinite(number)) {
            status->error = "unsupported value for \"" + verb.raw + "\" at offset " +
                            std::to_string(start) + ": an integer is required";
            return false;
          }
          *out += FormatInteger(verb, number);
        } else {
          *out += FormatFloat(verb, number);
        }
        break;
      }
      case 's':
      case 'q': {
        std::string text;
        if (!ToStringValue(arg, &text, &error)) {
          status->error = "unsupported value for \"" + verb.raw + "\" at offset " +
                          std::to_string(start) + ": " + error;
          return false;
        }
        if (verb.precision > 0) {
          std::vector<size_t> bounds = GraphemeBoundaries(text);
          size_t clusters = bounds.size() - 1;
          if (static_cast<size_t>(verb.precision) < clusters) {
            text.resize(bounds[static_cast<size_t>(verb.precision)]);
          }
        }
        if (verb.mode == 'q') {
          std::string quoted;
          AppendJsonString(text, &quoted);
          text = std::move(quoted);
        }
        *out += Pad(verb, text);
        break;
      }
    }
  }
  if (max_arg_used < args.size()) {
    status->error =
        "too many arguments; only " + std::to_string(max_arg_used) + " used by format string";
    return false;
  }
  if (out->size() > limits.max_string_bytes) {
    status->error = "formatted string exceeds the limit of " +
                    std::to_string(limits.max_string_bytes) + " bytes";
    status->limit_exceeded = true;
    return false;
  }
  return true;
}

}  // namespace faultline::engine::eval
