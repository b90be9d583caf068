// Reading a located YAML value against a schema, with errors at file:line:col.
//
// The configuration files (.faultline.yaml, custom rule files) are loaded with parsers/yaml into
// located Values; these helpers check their shape. A map entry's key position is the start of the
// entry's range; a value's position is its origin (the value node). Every helper appends a
// ConfigError to the reader's list and returns a neutral result on a mismatch, so a loader can
// carry on and report every problem of a file in one run. Not thread-safe (one reader per file).
#ifndef FAULTLINE_ENGINE_PROJECT_YAML_SCHEMA_H_
#define FAULTLINE_ENGINE_PROJECT_YAML_SCHEMA_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/project/config_error.h"
#include "engine/value.h"

namespace faultline::engine::project {

class YamlSchemaReader {
 public:
  explicit YamlSchemaReader(std::vector<ConfigError>* errors) : errors_(errors) {}

  // Where a value sits (its node), and where a map entry's key starts.
  static ConfigLocation ValueLocation(const Value& value);
  static ConfigLocation KeyLocation(const Value& entry);

  void Error(const ConfigLocation& where, std::string message);

  // `what` names the value in messages ("rules", "custom rule condition").
  bool ExpectMap(const Value& value, std::string_view what);
  bool ExpectList(const Value& value, std::string_view what);
  // Reports every key of `map` that is not in `allowed` ("unknown key \"x\" in rules (expected
  // one of: a, b)").
  void CheckKeys(const Value& map, std::string_view what,
                 std::initializer_list<std::string_view> allowed);
  // A string scalar; numbers and booleans are not strings.
  std::optional<std::string> String(const Value& value, std::string_view what);
  // A string, or a list of strings (a single string counts as a list of one).
  std::vector<std::string> StringList(const Value& value, std::string_view what);
  // As StringList, with each element's location.
  std::vector<std::pair<std::string, ConfigLocation>> LocatedStringList(const Value& value,
                                                                        std::string_view what);
  std::optional<bool> Bool(const Value& value, std::string_view what);
  // A whole number within [min, max].
  std::optional<int64_t> Int(const Value& value, std::string_view what, int64_t min, int64_t max);

 private:
  std::vector<ConfigError>* errors_;
};

// The YAML kind of a value as users know it: "a string", "a number", "a mapping", ...
std::string_view DescribeKind(const Value& value);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_YAML_SCHEMA_H_
