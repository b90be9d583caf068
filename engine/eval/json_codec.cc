#include "engine/eval/json_codec.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/eval/text.h"
#include "engine/eval/value_ops.h"

namespace faultline::engine::eval {

namespace {

bool EncodeInto(const Value& value, const Limits& limits, uint32_t depth, std::string* out,
                CodecStatus* status) {
  if (depth > limits.max_expression_depth) {
    status->error = "value is nested too deeply to encode";
    status->limit_exceeded = true;
    return false;
  }
  if (out->size() > limits.max_string_bytes) {
    status->error =
        "encoded JSON exceeds the limit of " + std::to_string(limits.max_string_bytes) + " bytes";
    status->limit_exceeded = true;
    return false;
  }
  switch (value.kind()) {
    case Value::Kind::kNull:
      *out += "null";
      return true;
    case Value::Kind::kBool:
      *out += value.as_bool() ? "true" : "false";
      return true;
    case Value::Kind::kNumber:
      if (!std::isfinite(value.as_number())) {
        status->error = "cannot encode an infinite number as JSON";
        return false;
      }
      *out += JsonNumber(value.as_number());
      return true;
    case Value::Kind::kString:
      AppendJsonString(value.as_string(), out);
      return true;
    case Value::Kind::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& element : value.as_list()) {
        if (!first) out->push_back(',');
        first = false;
        if (!EncodeInto(element, limits, depth + 1, out, status)) return false;
      }
      out->push_back(']');
      return true;
    }
    case Value::Kind::kMap: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, element] : value.as_map()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(key, out);
        out->push_back(':');
        if (!EncodeInto(element, limits, depth + 1, out, status)) return false;
      }
      out->push_back('}');
      return true;
    }
    case Value::Kind::kUnknown:
      status->error = "cannot encode an unknown value";
      return false;
  }
  return false;
}

// Builds Values from nlohmann's SAX events with bounded depth and element count.
class ValueBuilder {
 public:
  using json = nlohmann::json;
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  ValueBuilder(SourceRange range, const Limits& limits) : range_(range), limits_(limits) {}

  bool null() { return Add(Value::Null(range_)); }
  bool boolean(bool b) { return Add(Value::Bool(b, range_)); }
  bool number_integer(number_integer_t n) { return Add(Value::Number(double(n), range_)); }
  bool number_unsigned(number_unsigned_t n) { return Add(Value::Number(double(n), range_)); }
  bool number_float(number_float_t n, const string_t&) {
    if (!std::isfinite(n)) return Fail("number out of range");
    return Add(Value::Number(n, range_));
  }
  bool string(string_t& s) { return Add(Value::String(std::move(s), range_)); }
  bool binary(binary_t&) { return Fail("binary values are not JSON"); }
  bool start_object(std::size_t) { return Open(true); }
  bool key(string_t& k) {
    Frame& frame = stack_.back();
    if (frame.map.count(k) != 0) return Fail("duplicate object key \"" + k + "\"");
    frame.key = std::move(k);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return Open(false); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    if (status_.error.empty()) {
      std::string what = ex.what();
      // nlohmann messages look like "[json.exception.parse_error.101] parse error at line 1, ..."
      size_t pos = what.find("] ");
      status_.error = pos == std::string::npos ? what : what.substr(pos + 2);
      (void)position;
    }
    return false;
  }

  const CodecStatus& status() const { return status_; }
  bool has_result() const { return has_result_; }
  Value TakeResult() { return std::move(result_); }

 private:
  struct Frame {
    bool is_object = false;
    ValueMap map;
    ValueList list;
    std::string key;
  };

  bool Fail(std::string message, bool limit = false) {
    if (status_.error.empty()) {
      status_.error = std::move(message);
      status_.limit_exceeded = limit;
    }
    return false;
  }

  bool Add(Value v) {
    if (++count_ > limits_.max_collection_elements) {
      return Fail("decoded JSON has more than " + std::to_string(limits_.max_collection_elements) +
                      " values",
                  true);
    }
    if (stack_.empty()) {
      result_ = std::move(v);
      has_result_ = true;
      return true;
    }
    Frame& frame = stack_.back();
    if (frame.is_object) {
      frame.map.emplace(std::move(frame.key), std::move(v));
      frame.key.clear();
    } else {
      frame.list.push_back(std::move(v));
    }
    return true;
  }

  bool Open(bool is_object) {
    if (stack_.size() >= limits_.max_expression_depth) {
      return Fail("JSON is nested more than " + std::to_string(limits_.max_expression_depth) +
                      " levels deep",
                  true);
    }
    stack_.emplace_back();
    stack_.back().is_object = is_object;
    return true;
  }

  bool Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.is_object) return Add(Value::Map(std::move(frame.map), range_));
    return Add(Value::List(std::move(frame.list), range_));
  }

  SourceRange range_;
  const Limits& limits_;
  std::vector<Frame> stack_;
  Value result_;
  bool has_result_ = false;
  uint64_t count_ = 0;
  CodecStatus status_;
};

}  // namespace

std::string JsonNumber(double number) {
  if (number == 0) return "0";
  char buffer[400];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::fixed);
  if (ec != std::errc()) return FormatNumber(number);
  return std::string(buffer, ptr);
}

void AppendJsonString(std::string_view text, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          *out += "\\\"";
          break;
        case '\\':
          *out += "\\\\";
          break;
        case '\n':
          *out += "\\n";
          break;
        case '\r':
          *out += "\\r";
          break;
        case '\t':
          *out += "\\t";
          break;
        case '\b':
          *out += "\\b";
          break;
        case '\f':
          *out += "\\f";
          break;
        case '<':
        case '>':
        case '&':
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
          break;
        default:
          if (c < 0x20) {
            *out += "\\u00";
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 0xF]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (cp == 0x2028 || cp == 0x2029) {
      *out += cp == 0x2028 ? "\\u2028" : "\\u2029";
    } else if (cp == 0xFFFD && len == 1) {
      *out += "\\ufffd";
    } else {
      out->append(text.substr(i, len));
    }
    i += len;
  }
  out->push_back('"');
}

bool EncodeJson(const Value& value, const Limits& limits, std::string* out, CodecStatus* status) {
  out->clear();
  if (!EncodeInto(value, limits, 0, out, status)) return false;
  if (out->size() > limits.max_string_bytes) {
    status->error =
        "encoded JSON exceeds the limit of " + std::to_string(limits.max_string_bytes) + " bytes";
    status->limit_exceeded = true;
    return false;
  }
  return true;
}

bool DecodeJson(std::string_view text, SourceRange range, const Limits& limits, Value* out,
                CodecStatus* status) {
  ValueBuilder builder(range, limits);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& ex) {
    status->error = ex.what();
    return false;
  }
  if (!ok || !builder.has_result()) {
    *status = builder.status();
    if (status->error.empty()) status->error = "invalid JSON";
    return false;
  }
  *out = builder.TakeResult();
  return true;
}

}  // namespace faultline::engine::eval
