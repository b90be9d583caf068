#include "engine/helpers/iam_policy.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <utility>

namespace faultline::engine {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// Nesting depth of JSON text, counting brackets outside strings; stops early past `limit`.
int JsonDepth(std::string_view text, int limit) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

// Converts parsed JSON into an (unlocated) Value so one walker serves strings and maps.
Value JsonToValue(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::boolean:
      return Value::Bool(json.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return Value::Number(json.get<double>());
    case nlohmann::json::value_t::string:
      return Value::String(json.get<std::string>());
    case nlohmann::json::value_t::array: {
      ValueList list;
      list.reserve(json.size());
      for (const auto& element : json) list.push_back(JsonToValue(element));
      return Value::List(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      ValueMap map;
      for (const auto& [key, element] : json.items()) map.emplace(key, JsonToValue(element));
      return Value::Map(std::move(map));
    }
    default:
      return Value::Null();
  }
}

// Fills `out` from a string-or-list value. Null counts as absent.
void ReadStringList(const Value* value, IamStringList* out) {
  if (value == nullptr || value->is_null()) return;
  out->present = true;
  if (value->is_unknown()) {
    out->has_unknown = true;
    return;
  }
  if (value->is_string()) {
    out->values.push_back(value->as_string());
    return;
  }
  if (value->is_list()) {
    for (const Value& element : value->as_list()) {
      if (element.is_string()) {
        out->values.push_back(element.as_string());
      } else if (element.is_unknown()) {
        out->has_unknown = true;
      }
    }
  }
}

IamEffect ReadEffect(const Value* value) {
  if (value == nullptr || value->is_null()) return IamEffect::kAllow;
  if (value->is_unknown()) return IamEffect::kUnknown;
  if (!value->is_string()) return IamEffect::kUnknown;
  if (EqualsIgnoreCase(value->as_string(), "Deny")) return IamEffect::kDeny;
  if (EqualsIgnoreCase(value->as_string(), "Allow")) return IamEffect::kAllow;
  return IamEffect::kUnknown;  // not a valid effect: AWS rejects the policy; decide nothing
}

void ReadSid(const Value* value, IamStatement* statement) {
  if (value == nullptr || value->is_null()) return;
  if (value->is_string()) {
    statement->sid = value->as_string();
  } else {
    statement->sid_unknown = value->is_unknown();
  }
}

// JSON principals: "*" or {"AWS": "..." | [...], "Service": ...}.
void ReadJsonPrincipals(const Value* value, IamPrincipalList* out) {
  if (value == nullptr || value->is_null()) return;
  out->present = true;
  if (value->is_unknown()) {
    out->has_unknown = true;
    return;
  }
  if (value->is_string()) {
    IamPrincipal principal;
    principal.type = value->as_string() == "*" ? "*" : "";
    principal.identifiers.present = true;
    principal.identifiers.values.push_back(value->as_string());
    out->entries.push_back(std::move(principal));
    return;
  }
  if (!value->is_map()) return;
  for (const auto& [type, identifiers] : value->as_map()) {
    IamPrincipal principal;
    principal.type = type;
    ReadStringList(&identifiers, &principal.identifiers);
    if (principal.identifiers.has_unknown) out->has_unknown = true;
    out->entries.push_back(std::move(principal));
  }
}

// Document principals: a list of maps {type, identifiers}.
void ReadDocumentPrincipals(const Value* value, std::string attribute_path, IamPrincipalList* out) {
  if (value == nullptr || value->is_null()) return;
  out->present = true;
  out->at = value;
  out->attribute_path = std::move(attribute_path);
  if (!value->is_list()) {
    out->has_unknown = value->is_unknown();
    return;
  }
  for (const Value& entry : value->as_list()) {
    if (!entry.is_map()) {
      if (entry.is_unknown()) out->has_unknown = true;
      continue;
    }
    IamPrincipal principal;
    const Value* type = entry.Get("type");
    if (type != nullptr && type->is_string()) {
      principal.type = type->as_string();
    } else {
      principal.type_unknown = true;
      out->has_unknown = true;
    }
    ReadStringList(entry.Get("identifiers"), &principal.identifiers);
    if (principal.identifiers.has_unknown) out->has_unknown = true;
    out->entries.push_back(std::move(principal));
  }
}

bool NonEmptyCondition(const Value* value) {
  if (value == nullptr || value->is_null()) return false;
  if (value->is_unknown()) return true;
  return value->size() > 0;
}

// JSON conditions: {"StringEquals": {"aws:SourceAccount": "1234" | [...]}, ...}.
void ReadJsonConditions(const Value* value, IamStatement* statement) {
  if (value == nullptr || value->is_null()) return;
  if (!value->is_map()) {
    statement->conditions_unknown = true;  // Unknown, or a shape AWS rejects: decide nothing
    return;
  }
  for (const auto& [op, tests] : value->as_map()) {
    if (!tests.is_map()) {
      statement->conditions_unknown = true;
      continue;
    }
    for (const auto& [key, values] : tests.as_map()) {
      IamCondition condition;
      condition.op = op;
      condition.key = key;
      ReadStringList(&values, &condition.values);
      statement->conditions.push_back(std::move(condition));
    }
  }
}

// Document conditions: a list of maps {test, variable, values}.
void ReadDocumentConditions(const Value* value, IamStatement* statement) {
  if (value == nullptr || value->is_null()) return;
  if (!value->is_list()) {
    statement->conditions_unknown = true;
    return;
  }
  for (const Value& entry : value->as_list()) {
    const Value* test = entry.Get("test");
    const Value* variable = entry.Get("variable");
    if (test == nullptr || !test->is_string() || variable == nullptr || !variable->is_string()) {
      statement->conditions_unknown = true;
      continue;
    }
    IamCondition condition;
    condition.op = test->as_string();
    condition.key = variable->as_string();
    ReadStringList(entry.Get("values"), &condition.values);
    statement->conditions.push_back(std::move(condition));
  }
}

std::string Indexed(std::string_view base, size_t index) {
  return std::string(base) + "[" + std::to_string(index) + "]";
}

// Statements of a JSON-shaped value (the parsed document, or a map written in HCL).
IamPolicy StatementsOfJsonShape(const Value& document, const Value& report_at,
                                std::string_view attribute_path) {
  IamPolicy policy;
  if (document.is_unknown()) {
    policy.status = IamPolicyStatus::kUnknown;
    return policy;
  }
  if (!document.is_map()) return policy;
  const Value* statements = document.Get("Statement");
  if (statements == nullptr || statements->is_null()) return policy;
  if (statements->is_unknown()) {
    policy.status = IamPolicyStatus::kUnknown;
    return policy;
  }
  std::vector<const Value*> entries;
  if (statements->is_map()) {
    entries.push_back(statements);
  } else if (statements->is_list()) {
    for (const Value& entry : statements->as_list()) entries.push_back(&entry);
  } else {
    return policy;
  }
  policy.status = IamPolicyStatus::kOk;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Value& entry = *entries[i];
    if (!entry.is_map()) continue;  // an Unknown statement decides nothing
    IamStatement statement;
    statement.index = i;
    statement.at = &report_at;
    statement.attribute_path = Indexed(std::string(attribute_path) + ".Statement", i);
    statement.policy_path = std::string(attribute_path);
    ReadSid(entry.Get("Sid"), &statement);
    statement.effect = ReadEffect(entry.Get("Effect"));
    auto read_list = [&](const char* key, IamStringList* out) {
      ReadStringList(entry.Get(key), out);
      if (out->present) {
        out->at = &report_at;
        out->attribute_path = statement.attribute_path + "." + key;
      }
    };
    read_list("Action", &statement.actions);
    read_list("NotAction", &statement.not_actions);
    read_list("Resource", &statement.resources);
    read_list("NotResource", &statement.not_resources);
    auto read_principals = [&](const char* key, IamPrincipalList* out) {
      ReadJsonPrincipals(entry.Get(key), out);
      if (out->present) {
        out->at = &report_at;
        out->attribute_path = statement.attribute_path + "." + key;
      }
    };
    read_principals("Principal", &statement.principals);
    read_principals("NotPrincipal", &statement.not_principals);
    statement.has_condition = NonEmptyCondition(entry.Get("Condition"));
    ReadJsonConditions(entry.Get("Condition"), &statement);
    policy.statements.push_back(std::move(statement));
  }
  return policy;
}

// Drops the statements a later statement with an unknown Sid might replace: those with a
// non-empty (or unknown) Sid. Statements without a Sid are never replaced.
void DropReplaceable(std::vector<IamStatement>* merged) {
  std::erase_if(*merged, [](const IamStatement& s) { return !s.sid.empty() || s.sid_unknown; });
}

// Merges `incoming` statements over `merged`: a statement with the same non-empty Sid replaces
// the earlier one; a statement with an Unknown Sid makes the earlier ones it may replace
// uncertain, so they are dropped.
void MergeBySid(std::vector<IamStatement> incoming, std::vector<IamStatement>* merged) {
  bool unknown_sid = std::any_of(incoming.begin(), incoming.end(),
                                 [](const IamStatement& s) { return s.sid_unknown; });
  if (unknown_sid) DropReplaceable(merged);
  std::unordered_map<std::string, size_t> by_sid;  // position in *merged of each Sid
  for (size_t i = 0; i < merged->size(); ++i) {
    if (!(*merged)[i].sid.empty()) by_sid.emplace((*merged)[i].sid, i);
  }
  for (IamStatement& statement : incoming) {
    if (!statement.sid.empty()) {
      auto [it, inserted] = by_sid.emplace(statement.sid, merged->size());
      if (!inserted) {
        (*merged)[it->second] = std::move(statement);
        continue;
      }
    }
    merged->push_back(std::move(statement));
  }
}

// Statements of each JSON document in a list attribute (source/override_policy_documents).
// Sets `*uncertain` when the list or one of its documents is Unknown.
std::vector<IamStatement> DocumentsIn(const Value* documents, std::string_view attribute_path,
                                      bool* uncertain) {
  std::vector<IamStatement> out;
  if (documents == nullptr || documents->is_null()) return out;
  if (!documents->is_list()) {
    *uncertain = documents->is_unknown();
    return out;
  }
  for (size_t i = 0; i < documents->as_list().size(); ++i) {
    const Value& document = documents->as_list()[i];
    IamPolicy policy = IamStatementsIn(document, Indexed(attribute_path, i));
    if (policy.status == IamPolicyStatus::kUnknown) *uncertain = true;
    std::vector<IamStatement> statements = std::move(policy.statements);
    MergeBySid(std::move(statements), &out);
  }
  return out;
}

}  // namespace

bool IamStringList::Contains(std::string_view text) const {
  return std::find(values.begin(), values.end(), text) != values.end();
}

namespace {

// Strings of a partly known template's text that hold an unknown part become Unknown again.
Value RestoreUnknownText(const Value& value, int depth) {
  if (depth > kMaxIamJsonDepth) return value;
  if (value.is_string()) {
    if (value.as_string().find(kUnknownText) == std::string::npos) return value;
    return Value::Unknown("part of the policy is known only after apply", value.range());
  }
  if (value.is_list()) {
    ValueList list;
    for (const Value& element : value.as_list()) {
      list.push_back(RestoreUnknownText(element, depth + 1));
    }
    return Value::List(std::move(list), value.range());
  }
  if (value.is_map()) {
    ValueMap map;
    for (const auto& [key, element] : value.as_map()) {
      map.emplace(key, RestoreUnknownText(element, depth + 1));
    }
    return Value::Map(std::move(map), value.range());
  }
  return value;
}

// The JSON document in `text` as a Value; null when it is not a JSON object.
// `text` without commas that directly precede a closing bracket (outside strings): the one
// JSON slip common in hand-written heredoc policies.
std::string WithoutTrailingCommas(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      size_t next = text.find_first_not_of(" \t\r\n", i + 1);
      if (next != std::string_view::npos && (text[next] == ']' || text[next] == '}')) continue;
    }
    out += c;
  }
  return out;
}

Value ParsePolicyText(const std::string& text) {
  if (JsonDepth(text, kMaxIamJsonDepth) > kMaxIamJsonDepth) return Value();
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    // Read the statements as written even when a trailing comma makes the JSON invalid: the
    // provider rejects such a policy at plan time, but the intent (and its risk) is plain, and
    // editors show findings while the text is being written.
    json = nlohmann::json::parse(WithoutTrailingCommas(text), nullptr, /*allow_exceptions=*/false);
  }
  if (json.is_discarded() || !json.is_object()) return Value();
  return JsonToValue(json);
}

}  // namespace

IamPolicy IamStatementsIn(const Value& policy, std::string_view attribute_path) {
  if (policy.is_unknown()) {
    // A policy with one computed part (a jsonencode'd map or a heredoc with an interpolated ARN)
    // still shows its literal statements: read what is known, the rest stays Unknown.
    if (const Value* partial = policy.partial()) {
      if (partial->is_map()) return StatementsOfJsonShape(*partial, policy, attribute_path);
      if (partial->is_string()) {
        Value document = ParsePolicyText(partial->as_string());
        if (document.is_map()) {
          return StatementsOfJsonShape(RestoreUnknownText(document, 0), policy, attribute_path);
        }
      }
    }
    IamPolicy result;
    result.status = IamPolicyStatus::kUnknown;
    return result;
  }
  if (policy.is_map()) return StatementsOfJsonShape(policy, policy, attribute_path);
  if (!policy.is_string()) return {};
  Value document = ParsePolicyText(policy.as_string());
  if (!document.is_map()) return {};
  return StatementsOfJsonShape(document, policy, attribute_path);
}

IamPolicy IamDocumentStatementsIn(const Value& statements, std::string_view attribute_path) {
  IamPolicy policy;
  if (statements.is_unknown()) {
    policy.status = IamPolicyStatus::kUnknown;
    return policy;
  }
  if (!statements.is_list()) return policy;
  policy.status = IamPolicyStatus::kOk;
  const ValueList& list = statements.as_list();
  for (size_t i = 0; i < list.size(); ++i) {
    const Value& entry = list[i];
    if (!entry.is_map()) continue;
    IamStatement statement;
    statement.index = i;
    statement.at = &entry;
    statement.attribute_path = Indexed(attribute_path, i);
    statement.policy_path = std::string(attribute_path);
    ReadSid(entry.Get("sid"), &statement);
    statement.effect = ReadEffect(entry.Get("effect"));
    auto read_list = [&](const char* key, IamStringList* out) {
      const Value* value = entry.Get(key);
      ReadStringList(value, out);
      if (out->present) {
        out->at = value;
        out->attribute_path = statement.attribute_path + "." + key;
      }
    };
    read_list("actions", &statement.actions);
    read_list("not_actions", &statement.not_actions);
    read_list("resources", &statement.resources);
    read_list("not_resources", &statement.not_resources);
    ReadDocumentPrincipals(entry.Get("principals"), statement.attribute_path + ".principals",
                           &statement.principals);
    ReadDocumentPrincipals(entry.Get("not_principals"),
                           statement.attribute_path + ".not_principals", &statement.not_principals);
    statement.has_condition = NonEmptyCondition(entry.Get("condition"));
    ReadDocumentConditions(entry.Get("condition"), &statement);
    policy.statements.push_back(std::move(statement));
  }
  return policy;
}

std::vector<IamStatement> IamPolicyDocumentStatements(const Value& attributes) {
  std::vector<IamStatement> merged;
  if (!attributes.is_map()) return merged;
  bool source_uncertain = false;  // an Unknown source document adds nothing we can see
  merged = DocumentsIn(attributes.Get("source_policy_documents"), "source_policy_documents",
                       &source_uncertain);
  if (const Value* statements = attributes.Get("statement"); statements != nullptr) {
    IamPolicy own = IamDocumentStatementsIn(*statements, "statement");
    MergeBySid(std::move(own.statements), &merged);
  }
  bool override_uncertain = false;
  std::vector<IamStatement> overrides =
      DocumentsIn(attributes.Get("override_policy_documents"), "override_policy_documents",
                  &override_uncertain);
  if (override_uncertain) {
    // An Unknown override document may replace any statement that has a Sid.
    DropReplaceable(&merged);
  }
  MergeBySid(std::move(overrides), &merged);
  return merged;
}

std::vector<GcpBindingMember> GcpPolicyMembers(const Value& policy_data) {
  std::vector<GcpBindingMember> out;
  Value document;
  if (policy_data.is_string()) {
    document = ParsePolicyText(policy_data.as_string());
  } else if (policy_data.is_unknown() && policy_data.partial() != nullptr) {
    const Value* partial = policy_data.partial();
    document = partial->is_string() ? ParsePolicyText(partial->as_string()) : *partial;
  } else if (policy_data.is_map()) {
    document = policy_data;
  }
  const Value* bindings = document.Get("bindings");
  if (bindings == nullptr || !bindings->is_list()) return out;
  for (const Value& binding : bindings->as_list()) {
    const Value* role = binding.Get("role");
    const Value* members = binding.Get("members");
    if (members == nullptr || !members->is_list()) continue;
    std::string role_name = role != nullptr && role->is_string() ? role->as_string() : "";
    for (const Value& member : members->as_list()) {
      if (member.is_string()) out.push_back({role_name, member.as_string()});
    }
  }
  return out;
}

}  // namespace faultline::engine
