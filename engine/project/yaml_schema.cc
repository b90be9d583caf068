#include "engine/project/yaml_schema.h"

#include <cmath>

namespace faultline::engine::project {

namespace {

ConfigLocation LocationAt(const SourceRange& range) {
  ConfigLocation where;
  if (!range.valid()) return where;
  where.file = range.file->path();
  Position position = range.start();
  where.line = position.line + 1;
  where.column = position.column + 1;
  return where;
}

}  // namespace

std::string FormatConfigError(const ConfigError& error) {
  std::string out = error.where.file;
  if (error.where.line > 0) {
    out += ":" + std::to_string(error.where.line) + ":" + std::to_string(error.where.column);
  }
  return out + ": " + error.message;
}

std::string_view DescribeKind(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "a boolean";
    case Value::Kind::kNumber:
      return "a number";
    case Value::Kind::kString:
      return "a string";
    case Value::Kind::kList:
      return "a list";
    case Value::Kind::kMap:
      return "a mapping";
    case Value::Kind::kUnknown:
      return "an unknown value";
  }
  return "a value";
}

ConfigLocation YamlSchemaReader::ValueLocation(const Value& value) {
  return LocationAt(value.origin().valid() ? value.origin() : value.range());
}

ConfigLocation YamlSchemaReader::KeyLocation(const Value& entry) {
  return LocationAt(entry.range());
}

void YamlSchemaReader::Error(const ConfigLocation& where, std::string message) {
  errors_->push_back(ConfigError{where, std::move(message)});
}

bool YamlSchemaReader::ExpectMap(const Value& value, std::string_view what) {
  if (value.is_map()) return true;
  Error(ValueLocation(value),
        std::string(what) + " must be a mapping, not " + std::string(DescribeKind(value)));
  return false;
}

bool YamlSchemaReader::ExpectList(const Value& value, std::string_view what) {
  if (value.is_list()) return true;
  Error(ValueLocation(value),
        std::string(what) + " must be a list, not " + std::string(DescribeKind(value)));
  return false;
}

void YamlSchemaReader::CheckKeys(const Value& map, std::string_view what,
                                 std::initializer_list<std::string_view> allowed) {
  if (!map.is_map()) return;
  for (const auto& [key, entry] : map.as_map()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (known) continue;
    std::string expected;
    for (std::string_view name : allowed) {
      if (!expected.empty()) expected += ", ";
      expected += name;
    }
    Error(KeyLocation(entry), "unknown key \"" + key + "\" in " + std::string(what) +
                                  " (expected one of: " + expected + ")");
  }
}

std::optional<std::string> YamlSchemaReader::String(const Value& value, std::string_view what) {
  if (value.is_string()) return value.as_string();
  Error(ValueLocation(value),
        std::string(what) + " must be a string, not " + std::string(DescribeKind(value)));
  return std::nullopt;
}

std::vector<std::pair<std::string, ConfigLocation>> YamlSchemaReader::LocatedStringList(
    const Value& value, std::string_view what) {
  std::vector<std::pair<std::string, ConfigLocation>> out;
  if (value.is_string()) {
    out.emplace_back(value.as_string(), ValueLocation(value));
    return out;
  }
  if (!value.is_list()) {
    Error(ValueLocation(value), std::string(what) + " must be a list of strings, not " +
                                    std::string(DescribeKind(value)));
    return out;
  }
  for (const Value& element : value.as_list()) {
    std::optional<std::string> text = String(element, std::string(what) + " entry");
    if (text) out.emplace_back(std::move(*text), ValueLocation(element));
  }
  return out;
}

std::vector<std::string> YamlSchemaReader::StringList(const Value& value, std::string_view what) {
  std::vector<std::string> out;
  for (auto& [text, where] : LocatedStringList(value, what)) out.push_back(std::move(text));
  return out;
}

std::optional<bool> YamlSchemaReader::Bool(const Value& value, std::string_view what) {
  if (value.is_bool()) return value.as_bool();
  Error(ValueLocation(value),
        std::string(what) + " must be true or false, not " + std::string(DescribeKind(value)));
  return std::nullopt;
}

std::optional<int64_t> YamlSchemaReader::Int(const Value& value, std::string_view what, int64_t min,
                                             int64_t max) {
  if (!value.is_number() || std::floor(value.as_number()) != value.as_number()) {
    Error(ValueLocation(value),
          std::string(what) + " must be a whole number, not " +
              (value.is_number() ? std::string("a fraction") : std::string(DescribeKind(value))));
    return std::nullopt;
  }
  double number = value.as_number();
  if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
    Error(ValueLocation(value), std::string(what) + " must be between " + std::to_string(min) +
                                    " and " + std::to_string(max) + ", not " +
                                    FormatNumber(number));
    return std::nullopt;
  }
  return static_cast<int64_t>(number);
}

}  // namespace faultline::engine::project
