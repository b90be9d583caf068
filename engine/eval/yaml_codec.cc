#include "engine/eval/yaml_codec.h"

#include <yaml.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "engine/eval/hash.h"
#include "engine/eval/value_ops.h"

namespace faultline::engine::eval {

namespace {

constexpr std::string_view kLongTagPrefix = "tag:yaml.org,2002:";

std::string ShortTag(const unsigned char* tag) {
  if (tag == nullptr) return "";
  std::string t(reinterpret_cast<const char*>(tag));
  if (t.compare(0, kLongTagPrefix.size(), kLongTagPrefix) == 0) {
    return "!!" + t.substr(kLongTagPrefix.size());
  }
  return t;
}

bool AllDigits(std::string_view s, size_t min_len, size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// Parses the timestamp forms go-cty-yaml accepts and renders them as RFC 3339.
bool ParseTimestamp(std::string_view s, std::string* out) {
  if (s.size() < 5 || !AllDigits(s.substr(0, 4), 4, 4) || s[4] != '-') return false;
  int year = std::atoi(std::string(s.substr(0, 4)).c_str());
  size_t pos = 5;
  auto number = [&](size_t max_digits, int* value) {
    size_t begin = pos;
    while (pos < s.size() && pos - begin < max_digits && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == begin) return false;
    *value = std::atoi(std::string(s.substr(begin, pos - begin)).c_str());
    return true;
  };
  int month, day, hour = 0, minute = 0, second = 0;
  if (!number(2, &month) || pos >= s.size() || s[pos] != '-') return false;
  ++pos;
  if (!number(2, &day)) return false;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
  std::string zone = "Z";
  if (pos < s.size()) {
    char separator = s[pos];
    if (separator != 'T' && separator != 't' && separator != ' ') return false;
    ++pos;
    if (!number(2, &hour) || pos >= s.size() || s[pos] != ':') return false;
    ++pos;
    if (!number(2, &minute) || pos >= s.size() || s[pos] != ':') return false;
    ++pos;
    if (!number(2, &second)) return false;
    if (hour > 23 || minute > 59 || second > 59) return false;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      size_t begin = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == begin || pos - begin > 9) return false;
    }
    if (separator == ' ') {
      if (pos != s.size()) return false;
    } else {
      if (pos >= s.size()) return false;
      if (s[pos] == 'Z') {
        ++pos;
      } else if (s[pos] == '+' || s[pos] == '-') {
        char sign = s[pos++];
        if (pos + 5 != s.size() || !AllDigits(s.substr(pos, 2), 2, 2) || s[pos + 2] != ':' ||
            !AllDigits(s.substr(pos + 3, 2), 2, 2)) {
          return false;
        }
        int zh = std::atoi(std::string(s.substr(pos, 2)).c_str());
        int zm = std::atoi(std::string(s.substr(pos + 3, 2)).c_str());
        if (zh > 23 || zm > 59) return false;
        pos += 5;
        if (zh != 0 || zm != 0) {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, zh, zm);
          zone = buffer;
        }
      } else {
        return false;
      }
      if (pos != s.size()) return false;
    }
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                minute, second);
  *out = std::string(buffer) + zone;
  return true;
}

bool MatchesInteger(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::string_view body = s.substr(i);
  auto all = [](std::string_view t, auto pred) {
    if (t.empty()) return false;
    for (char c : t) {
      if (!pred(c)) return false;
    }
    return true;
  };
  if (body.substr(0, 2) == "0o") {
    return all(body.substr(2), [](char c) { return (c >= '0' && c <= '7') || c == '_'; });
  }
  if (body.substr(0, 2) == "0x") {
    return all(body.substr(2),
               [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '_'; });
  }
  return all(body, [](char c) { return (c >= '0' && c <= '9') || c == '_'; });
}

// Go's strconv.ParseInt(s, 0, 64) (then ParseUint): sign, 0x/0o/0b/0 prefixes.
bool ParseGoInteger(std::string_view s, double* out) {
  bool negative = false;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string_view body = s.substr(i);
  int base = 10;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
    base = 16;
    body.remove_prefix(2);
  } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'o' || body[1] == 'O')) {
    base = 8;
    body.remove_prefix(2);
  } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
    base = 2;
    body.remove_prefix(2);
  } else if (body.size() > 1 && body[0] == '0') {
    base = 8;
    body.remove_prefix(1);
  }
  if (body.empty()) return false;
  double value = 0;
  for (char c : body) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return false;
    }
    if (digit >= base) return false;
    value = value * base + digit;
  }
  if (value > 1.8446744073709552e19) return false;
  *out = negative ? -value : value;
  return true;
}

bool ParseYamlNumber(std::string_view src, double* out) {
  std::string plain;
  for (char c : src) {
    if (c != '_') plain.push_back(c);
  }
  if (ParseNumber(plain, out)) return true;
  return ParseGoInteger(plain, out);
}

bool IsFloatLiteral(std::string_view s) {
  double ignored;
  if (!ParseNumber(s, &ignored)) return false;
  // ParseNumber accepts "5." and ".5" like the YAML float pattern does.
  return true;
}

class YamlDecoder {
 public:
  YamlDecoder(SourceRange range, const Limits& limits) : range_(range), limits_(limits) {
    yaml_parser_initialize(&parser_);
  }
  ~YamlDecoder() {
    if (have_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }

  bool Decode(std::string_view text, Value* out, CodecStatus* status) {
    status_ = status;
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    if (!Next()) return false;
    if (event_.type != YAML_STREAM_START_EVENT) return Fail("missing stream start");
    if (!Next()) return false;
    if (event_.type == YAML_STREAM_END_EVENT) {
      *out = Value::Null(range_);  // an empty document decodes to null
      return true;
    }
    if (event_.type != YAML_DOCUMENT_START_EVENT) return Fail("missing start of document");
    if (!Next()) return false;
    if (!ParseNode(0, out)) return false;
    if (!Next()) return false;
    if (event_.type != YAML_DOCUMENT_END_EVENT) return Fail("unexpected extra content after value");
    if (!Next()) return false;
    if (event_.type == YAML_DOCUMENT_START_EVENT) return Fail("only a single document is allowed");
    if (event_.type != YAML_STREAM_END_EVENT) return Fail("unexpected extra content after value");
    return true;
  }

 private:
  struct Anchored {
    Value value;
    uint64_t nodes = 0;
  };

  bool Fail(std::string message, bool limit = false) {
    if (status_->error.empty()) {
      if (!limit && have_event_) {
        message += " at line " + std::to_string(event_.start_mark.line + 1) + ", column " +
                   std::to_string(event_.start_mark.column + 1);
      }
      status_->error = std::move(message);
      status_->limit_exceeded = limit;
    }
    return false;
  }

  bool Next() {
    if (have_event_) {
      yaml_event_delete(&event_);
      have_event_ = false;
    }
    if (!yaml_parser_parse(&parser_, &event_)) {
      std::string message = parser_.problem != nullptr ? parser_.problem : "invalid YAML";
      if (parser_.context != nullptr) message = std::string(parser_.context) + ": " + message;
      message += " at line " + std::to_string(parser_.problem_mark.line + 1) + ", column " +
                 std::to_string(parser_.problem_mark.column + 1);
      return Fail("invalid YAML: " + message);
    }
    have_event_ = true;
    return true;
  }

  bool Count(uint64_t nodes) {
    nodes_ += nodes;
    if (nodes_ > limits_.max_collection_elements) {
      return Fail("decoded YAML would have more than " +
                      std::to_string(limits_.max_collection_elements) +
                      " values (alias expansion is bounded)",
                  true);
    }
    return true;
  }

  // Parses the node whose first event is the current one; leaves its last event current.
  bool ParseNode(uint32_t depth, Value* out) {
    if (depth > limits_.max_expression_depth) {
      return Fail("YAML is nested more than " + std::to_string(limits_.max_expression_depth) +
                      " levels deep",
                  true);
    }
    switch (event_.type) {
      case YAML_SCALAR_EVENT: {
        std::string anchor = event_.data.scalar.anchor
                                 ? reinterpret_cast<const char*>(event_.data.scalar.anchor)
                                 : "";
        if (!ResolveScalar(out)) return false;
        if (!Count(1)) return false;
        if (!anchor.empty()) anchors_[anchor] = Anchored{*out, 1};
        return true;
      }
      case YAML_ALIAS_EVENT: {
        std::string name = reinterpret_cast<const char*>(event_.data.alias.anchor);
        if (pending_.count(name) != 0) {
          return Fail("cannot refer to anchor \"" + name + "\" from inside its own definition");
        }
        auto it = anchors_.find(name);
        if (it == anchors_.end()) return Fail("reference to undefined anchor \"" + name + "\"");
        if (!Count(it->second.nodes)) return false;
        *out = it->second.value;
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
        return ParseSequence(depth, out);
      case YAML_MAPPING_START_EVENT:
        return ParseMapping(depth, out);
      case YAML_DOCUMENT_START_EVENT:
        return Fail("only a single document is allowed");
      default:
        return Fail("expecting a value");
    }
  }

  bool ParseSequence(uint32_t depth, Value* out) {
    std::string tag = ShortTag(event_.data.sequence_start.tag);
    std::string anchor = event_.data.sequence_start.anchor
                             ? reinterpret_cast<const char*>(event_.data.sequence_start.anchor)
                             : "";
    if (!tag.empty() && tag != "!!seq") return Fail("can't interpret sequence as " + tag);
    if (!anchor.empty()) pending_.insert(anchor);
    uint64_t start_nodes = nodes_;
    ValueList elements;
    while (true) {
      if (!Next()) return false;
      if (event_.type == YAML_SEQUENCE_END_EVENT) break;
      Value element;
      if (!ParseNode(depth + 1, &element)) return false;
      elements.push_back(std::move(element));
    }
    if (!Count(1)) return false;
    *out = Value::List(std::move(elements), range_);
    if (!anchor.empty()) {
      pending_.erase(anchor);
      anchors_[anchor] = Anchored{*out, nodes_ - start_nodes};
    }
    return true;
  }

  bool ParseMapping(uint32_t depth, Value* out) {
    std::string tag = ShortTag(event_.data.mapping_start.tag);
    std::string anchor = event_.data.mapping_start.anchor
                             ? reinterpret_cast<const char*>(event_.data.mapping_start.anchor)
                             : "";
    if (!tag.empty() && tag != "!!map") return Fail("can't interpret mapping as " + tag);
    if (!anchor.empty()) pending_.insert(anchor);
    uint64_t start_nodes = nodes_;
    ValueMap entries;
    std::vector<Value> merges;
    while (true) {
      if (!Next()) return false;
      if (event_.type == YAML_MAPPING_END_EVENT) break;
      if (event_.type != YAML_SCALAR_EVENT) return Fail("only strings are allowed as mapping keys");
      bool merge_key = event_.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                       event_.data.scalar.tag == nullptr &&
                       std::string_view(reinterpret_cast<const char*>(event_.data.scalar.value),
                                        event_.data.scalar.length) == "<<";
      std::string key;
      if (!merge_key) {
        Value key_value;
        if (!ResolveScalar(&key_value)) return false;
        if (key_value.is_null()) return Fail("mapping key cannot be null");
        std::string error;
        if (!ToStringValue(key_value, &key, &error)) {
          return Fail("only strings are allowed as mapping keys");
        }
      }
      if (!Next()) return false;
      Value value;
      if (!ParseNode(depth + 1, &value)) return false;
      if (merge_key) {
        if (value.is_map()) {
          merges.push_back(value);
        } else if (value.is_list()) {
          for (const Value& v : value.as_list()) {
            if (!v.is_map()) return Fail("merge key (<<) values must be mappings");
            merges.push_back(v);
          }
        } else {
          return Fail("merge key (<<) values must be mappings");
        }
        continue;
      }
      entries.insert_or_assign(std::move(key), std::move(value));
    }
    for (const Value& merge : merges) {
      for (const auto& [k, v] : merge.as_map()) entries.emplace(k, v);  // explicit keys win
    }
    if (!Count(1)) return false;
    *out = Value::Map(std::move(entries), range_);
    if (!anchor.empty()) {
      pending_.erase(anchor);
      anchors_[anchor] = Anchored{*out, nodes_ - start_nodes};
    }
    return true;
  }

  bool ResolveScalar(Value* out) {
    std::string tag = ShortTag(event_.data.scalar.tag);
    std::string src(reinterpret_cast<const char*>(event_.data.scalar.value),
                    event_.data.scalar.length);
    yaml_scalar_style_t style = event_.data.scalar.style;
    static const std::set<std::string> kResolvable = {
        "", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp", "!!binary"};
    if (tag == "!") tag = "!!str";  // the non-specific tag on a scalar means string
    if (kResolvable.count(tag) == 0) return Fail("unsupported tag \"" + tag + "\"");
    if (tag == "!!str") {
      *out = Value::String(std::move(src), range_);
      return true;
    }
    if (tag == "!!binary") {
      std::string decoded;
      if (!Base64Decode(src, &decoded)) {
        return Fail("cannot parse \"" + src + "\" as !!binary: not valid base64");
      }
      *out = Value::String(std::move(src), range_);
      return true;
    }
    bool quoted =
        style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    static const std::map<std::string, int, std::less<>> kWords = {
        {"y", 1},     {"Y", 1},     {"yes", 1},   {"Yes", 1},   {"YES", 1},   {"true", 1},
        {"True", 1},  {"TRUE", 1},  {"on", 1},    {"On", 1},    {"ON", 1},    {"n", 0},
        {"N", 0},     {"no", 0},    {"No", 0},    {"NO", 0},    {"false", 0}, {"False", 0},
        {"FALSE", 0}, {"off", 0},   {"Off", 0},   {"OFF", 0},   {"", 2},      {"~", 2},
        {"null", 2},  {"Null", 2},  {"NULL", 2},  {".inf", 3},  {".Inf", 3},  {".INF", 3},
        {"+.inf", 3}, {"+.Inf", 3}, {"+.INF", 3}, {"-.inf", 4}, {"-.Inf", 4}, {"-.INF", 4}};
    auto word = kWords.find(src);
    // go-cty-yaml: the first character hints at what a plain scalar may be.
    char hint = 0;
    if (src.empty()) {
      hint = 'N';
    } else if (src[0] == '+' || src[0] == '-') {
      hint = 'S';
    } else if (src[0] >= '0' && src[0] <= '9') {
      hint = 'D';
    } else if (src[0] == '.') {
      hint = '.';
    } else if (std::string_view("yYnNtTfFoO~").find(src[0]) != std::string_view::npos) {
      hint = 'M';
    }
    if (hint != 0) {
      if (quoted) {
        *out = Value::String(std::move(src), range_);
        return true;
      }
      if (word != kWords.end()) return WordValue(word->second, out);
      if (tag.empty() && (src == ".nan" || src == ".NaN" || src == ".NAN")) {
        return Fail("floating point NaN is not supported");
      }
      if (hint == '.') {
        double n;
        if (ParseNumber(src, &n)) {
          *out = Value::Number(n, range_);
          return true;
        }
      } else if (hint == 'D' || hint == 'S') {
        if (tag.empty() || tag == "!!timestamp") {
          std::string timestamp;
          if (ParseTimestamp(src, &timestamp)) {
            *out = Value::String(std::move(timestamp), range_);
            return true;
          }
        }
        if (MatchesInteger(src)) {
          tag = "!!int";
        } else if (IsFloatLiteral(src)) {
          tag = "!!float";
        }
      }
    }
    if (tag.empty()) {
      *out = Value::String(std::move(src), range_);
      return true;
    }
    if (tag == "!!bool") {
      if (word == kWords.end() || word->second > 1) {
        return Fail("cannot parse \"" + src + "\" as !!bool");
      }
      return WordValue(word->second, out);
    }
    if (tag == "!!null") {
      *out = Value::Null(range_);
      return true;
    }
    if (tag == "!!timestamp") {
      std::string timestamp;
      if (!ParseTimestamp(src, &timestamp))
        return Fail("cannot parse \"" + src + "\" as !!timestamp");
      *out = Value::String(std::move(timestamp), range_);
      return true;
    }
    // !!int and !!float
    if (word != kWords.end() && (word->second == 3 || word->second == 4)) {
      return WordValue(word->second, out);
    }
    double n;
    if (!ParseYamlNumber(src, &n)) return Fail("cannot parse \"" + src + "\" as " + tag);
    *out = Value::Number(n, range_);
    return true;
  }

  bool WordValue(int kind, Value* out) {
    switch (kind) {
      case 0:
      case 1:
        *out = Value::Bool(kind == 1, range_);
        return true;
      case 2:
        *out = Value::Null(range_);
        return true;
      case 3:
        *out = Value::Number(std::numeric_limits<double>::infinity(), range_);
        return true;
      default:
        *out = Value::Number(-std::numeric_limits<double>::infinity(), range_);
        return true;
    }
  }

  SourceRange range_;
  const Limits& limits_;
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool have_event_ = false;
  CodecStatus* status_ = nullptr;
  uint64_t nodes_ = 0;
  std::map<std::string, Anchored> anchors_;
  std::set<std::string> pending_;
};

// ---- encoding ----

void EncodeScalarString(const std::string& text, size_t indent, std::string* out) {
  if (text.find('\n') != std::string::npos && text.find('\r') == std::string::npos &&
      (text.empty() || text[0] != ' ')) {
    bool trailing_newline = text.back() == '\n';
    *out += trailing_newline ? "|" : "|-";
    std::string pad(indent + 2, ' ');
    size_t pos = 0;
    std::string body = trailing_newline ? text.substr(0, text.size() - 1) : text;
    while (pos <= body.size()) {
      size_t nl = body.find('\n', pos);
      std::string line = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      *out += "\n";
      if (!line.empty()) *out += pad + line;
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    return;
  }
  AppendJsonString(text, out);
}

bool EncodeNode(const Value& value, size_t indent, uint32_t depth, const Limits& limits,
                std::string* out, CodecStatus* status);

void EncodeScalar(const Value& value, size_t indent, std::string* out) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      *out += "null";
      break;
    case Value::Kind::kBool:
      *out += value.as_bool() ? "true" : "false";
      break;
    case Value::Kind::kNumber:
      if (std::isinf(value.as_number())) {
        *out += value.as_number() > 0 ? ".inf" : "-.inf";
      } else {
        *out += JsonNumber(value.as_number());
      }
      break;
    case Value::Kind::kString:
      EncodeScalarString(value.as_string(), indent, out);
      break;
    default:
      break;
  }
}

bool IsEmptyCollection(const Value& v) {
  return (v.is_list() && v.as_list().empty()) || (v.is_map() && v.as_map().empty());
}

// Writes `value` as the content after "key:" or "- ".
bool EncodeChild(const Value& value, size_t indent, bool in_list, uint32_t depth,
                 const Limits& limits, std::string* out, CodecStatus* status) {
  if (value.is_list() && !value.as_list().empty()) {
    if (in_list) {
      *out += "- ";
      return EncodeNode(value, indent + 2, depth + 1, limits, out, status);
    }
    *out += ":\n";
    return EncodeNode(value, indent, depth + 1, limits, out, status);
  }
  if (value.is_map() && !value.as_map().empty()) {
    if (in_list) {
      *out += "- ";
      return EncodeNode(value, indent + 2, depth + 1, limits, out, status);
    }
    *out += ":\n";
    return EncodeNode(value, indent + 2, depth + 1, limits, out, status);
  }
  *out += in_list ? "- " : ": ";
  if (IsEmptyCollection(value)) {
    *out += value.is_list() ? "[]" : "{}";
  } else {
    EncodeScalar(value, indent, out);
  }
  *out += "\n";
  return true;
}

// Writes a collection whose first line continues the current line (after "- ") or starts a
// fresh line at `indent`.
bool EncodeNode(const Value& value, size_t indent, uint32_t depth, const Limits& limits,
                std::string* out, CodecStatus* status) {
  if (depth > limits.max_expression_depth) {
    status->error = "value is nested too deeply to encode";
    status->limit_exceeded = true;
    return false;
  }
  if (out->size() > limits.max_string_bytes) {
    status->error =
        "encoded YAML exceeds the limit of " + std::to_string(limits.max_string_bytes) + " bytes";
    status->limit_exceeded = true;
    return false;
  }
  std::string pad(indent, ' ');
  bool first = out->empty() || out->back() == '\n' ? false : true;  // continuing after "- "
  if (value.is_list()) {
    for (const Value& element : value.as_list()) {
      if (!first) *out += pad;
      first = false;
      if (!EncodeChild(element, indent, true, depth, limits, out, status)) return false;
    }
    return true;
  }
  for (const auto& [key, element] : value.as_map()) {
    if (!first) *out += pad;
    first = false;
    AppendJsonString(key, out);
    if (!EncodeChild(element, indent, false, depth, limits, out, status)) return false;
  }
  return true;
}

}  // namespace

bool DecodeYaml(std::string_view text, SourceRange range, const Limits& limits, Value* out,
                CodecStatus* status) {
  YamlDecoder decoder(range, limits);
  return decoder.Decode(text, out, status);
}

bool EncodeYaml(const Value& value, const Limits& limits, std::string* out, CodecStatus* status) {
  out->clear();
  if (value.is_list() || value.is_map()) {
    if (IsEmptyCollection(value)) {
      *out = value.is_list() ? "[]\n" : "{}\n";
      return true;
    }
    if (!EncodeNode(value, 0, 0, limits, out, status)) return false;
  } else {
    EncodeScalar(value, 0, out);
    *out += "\n";
  }
  if (out->size() > limits.max_string_bytes) {
    status->error =
        "encoded YAML exceeds the limit of " + std::to_string(limits.max_string_bytes) + " bytes";
    status->limit_exceeded = true;
    return false;
  }
  return true;
}

}  // namespace faultline::engine::eval
