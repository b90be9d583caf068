// Custom rules: the declarative rules users write in YAML (`custom_rules:` in .faultline.yaml, or
// *.yaml files under `--rules DIR`), parsed into a checked specification. docs/custom-rules.md
// documents the format; custom_rule.h runs a specification as an engine::Rule.
//
//   - id: ACME-0001                 # required; must not start with FL-
//     name: acme-s3-versioning      # optional (default: the id in lowercase)
//     severity: high                # info | low | medium | high | critical
//     title: ...                    # optional; description, remediation optional too
//     message: "bucket {name} ..."  # {name} {address} {type} are replaced
//     match: {resource_types: [aws_s3_bucket]}        # or {kinds: [Deployment]}
//     condition: {not: {connected: {types: [aws_s3_bucket_versioning]}}}
//
// A condition is {all: [...]}, {any: [...]}, {not: c}, a test of one attribute
// ({attribute: path, OP: operand} with OP one of exists, absent, equals, not_equals, in, regex,
// gt, lt, contains), or a graph test {connected: {types: [...], direction: in|out|both,
// condition: c}}. The rule reports a resource whose condition is true (three-valued: a condition
// that depends on an Unknown value is unknown and reports nothing).
// Every problem becomes a ConfigError at its file:line:col. Regexes are compiled with RE2 here.
#ifndef FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_SPEC_H_
#define FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_SPEC_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/project/config_error.h"
#include "engine/project/yaml_schema.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"
#include "engine/source_file.h"
#include "engine/value.h"

namespace re2 {
class RE2;
}

namespace faultline::engine::project {

// One step of an attribute path: `a.b[0].c`, `containers[*].image`, `annotations["x.io/y"]`.
struct PathSegment {
  enum class Kind : uint8_t { kKey, kIndex, kEach };
  Kind kind = Kind::kKey;
  std::string key;
  size_t index = 0;
};

// Parses an attribute path; nullopt (with `*error` set) when malformed.
std::optional<std::vector<PathSegment>> ParseAttributePath(std::string_view text,
                                                           std::string* error);

enum class ConditionOp : uint8_t {
  kAll,
  kAny,
  kNot,
  kExists,
  kAbsent,
  kEquals,
  kNotEquals,
  kIn,
  kRegex,
  kGt,
  kLt,
  kContains,
  kConnected,
};

enum class ConnectionDirection : uint8_t { kBoth, kOut, kIn };

struct Condition {
  ConditionOp op = ConditionOp::kAll;
  std::vector<Condition> children;  // all/any: the operands; not and connected: at most one
  // Attribute tests.
  std::string attribute;  // as written
  std::vector<PathSegment> path;
  Value operand;      // equals/not_equals/contains: a value; in: a list
  double number = 0;  // gt/lt
  std::shared_ptr<const re2::RE2> regex;
  // Graph tests: a resource connected by an edge (of `edge_kinds`, any when empty) whose type
  // or Kubernetes kind is one of `types`.
  std::vector<std::string> types;
  ConnectionDirection direction = ConnectionDirection::kBoth;
  std::vector<EdgeKind> edge_kinds;
};

struct CustomRuleSpec {
  RuleMetadata metadata;           // id, name, severity, title, summary, ...; scope from `match`
  std::vector<std::string> kinds;  // Kubernetes kinds matched (scope.types holds TF types)
  std::string message;             // template: {name} {address} {type}
  Condition condition;
  ConfigLocation where;                      // the rule's `id:` entry
  std::shared_ptr<const SourceFile> source;  // keeps operand locations valid
};

// Parses the rules of a `custom_rules:` list (or a custom rule file's document: one rule mapping
// or a list of them) into `*out`; problems go to the reader's error list.
void ParseCustomRules(const Value& rules, const std::shared_ptr<const SourceFile>& source,
                      YamlSchemaReader& reader, std::vector<CustomRuleSpec>* out);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_CUSTOM_RULE_SPEC_H_
