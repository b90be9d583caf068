#include "engine/project/custom_rule_spec.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace faultline::engine::project {

namespace {

constexpr std::string_view kOperators[] = {"exists", "absent", "equals", "not_equals", "in",
                                           "regex",  "gt",     "lt",     "contains"};

bool ValidRuleId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool ValidRuleName(std::string_view name) {
  if (name.empty() || name.size() > 96) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class ConditionParser {
 public:
  explicit ConditionParser(YamlSchemaReader& reader) : reader_(reader) {}

  // Parses `value` into `*out`; false when it is broken (errors reported).
  bool Parse(const Value& value, Condition* out, int depth = 0) {
    if (depth > 32) {
      reader_.Error(YamlSchemaReader::ValueLocation(value), "condition nested too deeply");
      return false;
    }
    if (!reader_.ExpectMap(value, "a condition")) return false;
    const ValueMap& map = value.as_map();
    if (map.empty()) {
      reader_.Error(YamlSchemaReader::ValueLocation(value),
                    "empty condition (expected all, any, not, connected or attribute)");
      return false;
    }
    if (const Value* all = value.Get("all"))
      return Combination(value, *all, ConditionOp::kAll, out, depth);
    if (const Value* any = value.Get("any"))
      return Combination(value, *any, ConditionOp::kAny, out, depth);
    if (const Value* negated = value.Get("not")) {
      reader_.CheckKeys(value, "a not condition", {"not"});
      out->op = ConditionOp::kNot;
      out->children.emplace_back();
      return Parse(*negated, &out->children.back(), depth + 1) && map.size() == 1;
    }
    if (const Value* connected = value.Get("connected")) {
      reader_.CheckKeys(value, "a connected condition", {"connected"});
      return Connected(*connected, out, depth) && map.size() == 1;
    }
    if (value.Get("attribute") != nullptr) return Attribute(value, out);
    reader_.Error(YamlSchemaReader::KeyLocation(map.begin()->second),
                  "unknown condition \"" + map.begin()->first +
                      "\" (expected all, any, not, connected or attribute)");
    return false;
  }

 private:
  bool Combination(const Value& value, const Value& list, ConditionOp op, Condition* out,
                   int depth) {
    std::string_view name = op == ConditionOp::kAll ? "all" : "any";
    reader_.CheckKeys(value, op == ConditionOp::kAll ? "an all condition" : "an any condition",
                      {name});
    out->op = op;
    if (!reader_.ExpectList(list, name)) return false;
    if (list.as_list().empty()) {
      reader_.Error(YamlSchemaReader::ValueLocation(list),
                    std::string(name) + " needs at least one condition");
      return false;
    }
    bool ok = value.as_map().size() == 1;
    for (const Value& element : list.as_list()) {
      out->children.emplace_back();
      ok = Parse(element, &out->children.back(), depth + 1) && ok;
    }
    return ok;
  }

  bool Connected(const Value& value, Condition* out, int depth) {
    out->op = ConditionOp::kConnected;
    if (!reader_.ExpectMap(value, "connected")) return false;
    reader_.CheckKeys(value, "connected", {"types", "direction", "edges", "condition"});
    bool ok = true;
    const Value* types = value.Get("types");
    if (types == nullptr) {
      reader_.Error(YamlSchemaReader::ValueLocation(value),
                    "connected needs `types` (resource types or Kubernetes kinds)");
      ok = false;
    } else {
      out->types = reader_.StringList(*types, "connected types");
      if (out->types.empty()) ok = false;
    }
    if (const Value* direction = value.Get("direction")) {
      std::optional<std::string> text = reader_.String(*direction, "direction");
      if (text == "out") {
        out->direction = ConnectionDirection::kOut;
      } else if (text == "in") {
        out->direction = ConnectionDirection::kIn;
      } else if (text == "both") {
        out->direction = ConnectionDirection::kBoth;
      } else {
        if (text) {
          reader_.Error(YamlSchemaReader::ValueLocation(*direction),
                        "direction must be in, out or both, not \"" + *text + "\"");
        }
        ok = false;
      }
    }
    if (const Value* edges = value.Get("edges")) {
      for (auto& [name, where] : reader_.LocatedStringList(*edges, "edges")) {
        bool found = false;
        for (EdgeKind kind : {EdgeKind::kReferences, EdgeKind::kSelects, EdgeKind::kTargets,
                              EdgeKind::kBinds, EdgeKind::kInstanceOf, EdgeKind::kContains}) {
          if (EdgeKindName(kind) == name) {
            out->edge_kinds.push_back(kind);
            found = true;
          }
        }
        if (!found) {
          reader_.Error(where, "unknown edge kind \"" + name +
                                   "\" (expected references, selects, targets, binds, "
                                   "instance_of or contains)");
          ok = false;
        }
      }
    }
    if (const Value* condition = value.Get("condition")) {
      out->children.emplace_back();
      ok = Parse(*condition, &out->children.back(), depth + 1) && ok;
    }
    return ok;
  }

  bool Attribute(const Value& value, Condition* out) {
    const Value& attribute = *value.Get("attribute");
    std::optional<std::string> path = reader_.String(attribute, "attribute");
    if (!path) return false;
    std::string error;
    std::optional<std::vector<PathSegment>> segments = ParseAttributePath(*path, &error);
    if (!segments) {
      reader_.Error(YamlSchemaReader::ValueLocation(attribute),
                    "invalid attribute path \"" + *path + "\": " + error);
      return false;
    }
    out->attribute = *path;
    out->path = std::move(*segments);
    const Value* operand = nullptr;
    std::string op_name;
    for (const auto& [key, entry] : value.as_map()) {
      if (key == "attribute") continue;
      if (std::find(std::begin(kOperators), std::end(kOperators), key) == std::end(kOperators)) {
        reader_.Error(YamlSchemaReader::KeyLocation(entry),
                      "unknown operator \"" + key +
                          "\" (expected exists, absent, equals, not_equals, in, regex, gt, lt "
                          "or contains)");
        return false;
      }
      if (operand != nullptr) {
        reader_.Error(YamlSchemaReader::KeyLocation(entry),
                      "one operator per attribute test (found " + op_name + " and " + key +
                          "; combine tests with all or any)");
        return false;
      }
      operand = &entry;
      op_name = key;
    }
    if (operand == nullptr) {
      reader_.Error(YamlSchemaReader::ValueLocation(value),
                    "attribute test for \"" + *path + "\" has no operator");
      return false;
    }
    if (op_name == "exists" || op_name == "absent") {
      std::optional<bool> flag = reader_.Bool(*operand, op_name);
      if (!flag) return false;
      bool exists = (op_name == "exists") == *flag;
      out->op = exists ? ConditionOp::kExists : ConditionOp::kAbsent;
      return true;
    }
    if (op_name == "equals" || op_name == "not_equals" || op_name == "contains") {
      out->op = op_name == "equals"       ? ConditionOp::kEquals
                : op_name == "not_equals" ? ConditionOp::kNotEquals
                                          : ConditionOp::kContains;
      if (operand->is_null()) {
        reader_.Error(YamlSchemaReader::ValueLocation(*operand),
                      op_name + " needs a value (use exists or absent to test for null)");
        return false;
      }
      out->operand = *operand;
      return true;
    }
    if (op_name == "in") {
      out->op = ConditionOp::kIn;
      if (!reader_.ExpectList(*operand, "in")) return false;
      out->operand = *operand;
      return true;
    }
    if (op_name == "gt" || op_name == "lt") {
      out->op = op_name == "gt" ? ConditionOp::kGt : ConditionOp::kLt;
      if (!operand->is_number()) {
        reader_.Error(YamlSchemaReader::ValueLocation(*operand),
                      op_name + " needs a number, not " + std::string(DescribeKind(*operand)));
        return false;
      }
      out->number = operand->as_number();
      return true;
    }
    // regex
    out->op = ConditionOp::kRegex;
    std::optional<std::string> pattern = reader_.String(*operand, "regex");
    if (!pattern) return false;
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(*pattern, options);
    if (!regex->ok()) {
      reader_.Error(YamlSchemaReader::ValueLocation(*operand),
                    "invalid regex \"" + *pattern + "\": " + regex->error());
      return false;
    }
    out->regex = std::move(regex);
    return true;
  }

  YamlSchemaReader& reader_;
};

void ParseOneRule(const Value& rule, const std::shared_ptr<const SourceFile>& source,
                  YamlSchemaReader& reader, std::vector<CustomRuleSpec>* out) {
  if (!reader.ExpectMap(rule, "a custom rule")) return;
  reader.CheckKeys(rule, "a custom rule",
                   {"id", "name", "severity", "title", "description", "remediation", "message",
                    "match", "condition"});
  std::vector<ConfigError> local;
  YamlSchemaReader checker(&local);
  CustomRuleSpec spec;
  spec.source = source;
  spec.where = YamlSchemaReader::ValueLocation(rule);
  auto required = [&](std::string_view key) -> const Value* {
    const Value* value = rule.Get(key);
    if (value == nullptr) {
      checker.Error(YamlSchemaReader::ValueLocation(rule),
                    "custom rule is missing `" + std::string(key) + "`");
    }
    return value;
  };
  if (const Value* id = required("id")) {
    spec.where = YamlSchemaReader::KeyLocation(*id);
    if (std::optional<std::string> text = checker.String(*id, "id")) {
      if (!ValidRuleId(*text)) {
        checker.Error(YamlSchemaReader::ValueLocation(*id),
                      "invalid rule id \"" + *text + "\" (letters, digits, '-', '_' and '.')");
      } else if (Lower(text->substr(0, 3)) == "fl-") {
        checker.Error(YamlSchemaReader::ValueLocation(*id),
                      "custom rule id \"" + *text +
                          "\" must not start with FL- (reserved for built-in rules)");
      }
      spec.metadata.id = *text;
    }
  }
  spec.metadata.name = Lower(spec.metadata.id);
  if (const Value* name = rule.Get("name")) {
    if (std::optional<std::string> text = checker.String(*name, "name")) {
      if (!ValidRuleName(*text)) {
        checker.Error(
            YamlSchemaReader::ValueLocation(*name),
            "invalid rule name \"" + *text + "\" (lowercase letters, digits, '-' and '_')");
      }
      spec.metadata.name = *text;
    }
  }
  if (const Value* severity = required("severity")) {
    if (std::optional<std::string> text = checker.String(*severity, "severity")) {
      std::optional<Severity> parsed = ParseSeverity(*text);
      if (!parsed) {
        checker.Error(
            YamlSchemaReader::ValueLocation(*severity),
            "unknown severity \"" + *text + "\" (expected info, low, medium, high or critical)");
      } else {
        spec.metadata.severity = *parsed;
      }
    }
  }
  if (const Value* message = required("message")) {
    if (std::optional<std::string> text = checker.String(*message, "message")) {
      spec.message = *text;
    }
  }
  auto optional_text = [&](std::string_view key, std::string* field) {
    if (const Value* value = rule.Get(key)) {
      if (std::optional<std::string> text = checker.String(*value, key)) *field = *text;
    }
  };
  optional_text("title", &spec.metadata.title);
  optional_text("description", &spec.metadata.why);
  optional_text("remediation", &spec.metadata.remediation);
  if (spec.metadata.title.empty()) spec.metadata.title = spec.metadata.name;
  spec.metadata.summary = "Custom rule: " + spec.metadata.title + ".";
  if (spec.metadata.why.empty()) spec.metadata.why = "Defined by the project's configuration.";
  if (spec.metadata.remediation.empty()) {
    spec.metadata.remediation = "See the project's documentation for this rule.";
  }
  spec.metadata.references.push_back(spec.where.file);

  if (const Value* match = required("match")) {
    if (checker.ExpectMap(*match, "match")) {
      checker.CheckKeys(*match, "match", {"resource_types", "kinds", "origins"});
      const Value* types = match->Get("resource_types");
      const Value* kinds = match->Get("kinds");
      if ((types == nullptr) == (kinds == nullptr)) {
        checker.Error(YamlSchemaReader::ValueLocation(*match),
                      "match needs exactly one of resource_types (Terraform) or kinds "
                      "(Kubernetes)");
      } else if (types != nullptr) {
        spec.metadata.scope.types = checker.StringList(*types, "resource_types");
        spec.metadata.scope.kinds = {ResourceKind::kManaged};
        if (spec.metadata.scope.types.empty()) {
          checker.Error(YamlSchemaReader::ValueLocation(*types), "resource_types is empty");
        }
      } else {
        spec.kinds = checker.StringList(*kinds, "kinds");
        spec.metadata.scope.kinds = {ResourceKind::kObject};
        if (spec.kinds.empty()) {
          checker.Error(YamlSchemaReader::ValueLocation(*kinds), "kinds is empty");
        }
      }
      if (const Value* origins = match->Get("origins")) {
        spec.metadata.scope.origins.clear();
        for (auto& [name, where] : checker.LocatedStringList(*origins, "origins")) {
          if (name == "config") {
            spec.metadata.scope.origins.push_back(Origin::kConfig);
          } else if (name == "state") {
            spec.metadata.scope.origins.push_back(Origin::kState);
          } else if (name == "live") {
            spec.metadata.scope.origins.push_back(Origin::kLive);
          } else {
            checker.Error(where,
                          "unknown origin \"" + name + "\" (expected config, state or live)");
          }
        }
      }
    }
  }
  if (const Value* condition = required("condition")) {
    ConditionParser parser(checker);
    parser.Parse(*condition, &spec.condition);
  }
  for (ConfigError& error : local) reader.Error(error.where, std::move(error.message));
  if (local.empty()) out->push_back(std::move(spec));
}

}  // namespace

std::optional<std::vector<PathSegment>> ParseAttributePath(std::string_view text,
                                                           std::string* error) {
  std::vector<PathSegment> out;
  size_t i = 0;
  bool expect_key = true;
  if (text.empty()) {
    *error = "empty path";
    return std::nullopt;
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) {
        *error = "unclosed '['";
        return std::nullopt;
      }
      std::string_view inside = text.substr(i + 1, close - i - 1);
      PathSegment segment;
      if (inside == "*") {
        segment.kind = PathSegment::Kind::kEach;
      } else if (inside.size() >= 2 && (inside.front() == '"' || inside.front() == '\'') &&
                 inside.back() == inside.front()) {
        segment.key = std::string(inside.substr(1, inside.size() - 2));
      } else if (!inside.empty() && std::all_of(inside.begin(), inside.end(), [](char d) {
                   return std::isdigit(static_cast<unsigned char>(d));
                 })) {
        if (inside.size() > 9) {
          *error = "index too large";
          return std::nullopt;
        }
        segment.kind = PathSegment::Kind::kIndex;
        segment.index = std::stoul(std::string(inside));
      } else {
        *error = "expected [N], [*] or [\"key\"] at column " + std::to_string(i + 1);
        return std::nullopt;
      }
      out.push_back(std::move(segment));
      i = close + 1;
      expect_key = false;
      continue;
    }
    if (c == '.') {
      if (expect_key) {
        *error = "empty segment at column " + std::to_string(i + 1);
        return std::nullopt;
      }
      expect_key = true;
      ++i;
      continue;
    }
    if (!expect_key) {
      *error = "expected '.' or '[' at column " + std::to_string(i + 1);
      return std::nullopt;
    }
    size_t end = text.find_first_of(".[", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view key = text.substr(i, end - i);
    PathSegment segment;
    if (key == "*") {
      segment.kind = PathSegment::Kind::kEach;
    } else {
      segment.key = std::string(key);
    }
    out.push_back(std::move(segment));
    i = end;
    expect_key = false;
  }
  if (expect_key) {
    *error = "path ends with '.'";
    return std::nullopt;
  }
  return out;
}

void ParseCustomRules(const Value& rules, const std::shared_ptr<const SourceFile>& source,
                      YamlSchemaReader& reader, std::vector<CustomRuleSpec>* out) {
  if (rules.is_map()) {
    ParseOneRule(rules, source, reader, out);
    return;
  }
  if (!reader.ExpectList(rules, "custom rules")) return;
  for (const Value& rule : rules.as_list()) ParseOneRule(rule, source, reader, out);
}

}  // namespace faultline::engine::project
