// JSON-syntax entry points: ParseTfJson and ParseTfvarsJson (see parser.h).
//
// Terraform's JSON syntax, without provider schemas: top-level keys name block types with a
// known number of labels (resource/data 2, module/variable/output/provider/check 1, terraform/
// moved/import/removed 0, locals is a body of attributes). Each label level is a JSON object
// keyed by the label, and at any level an array stands for several of them. Inside a body,
// Terraform's own meta blocks (lifecycle, provisioner, connection, dynamic, validation, backend,
// required_providers, ...) are blocks; every other member is an attribute, so provider nested
// blocks written as objects or arrays of objects are attribute values (maps / tuples of maps).
// Members named "//" in bodies are comments. Strings are templates, except where Terraform reads
// an expression (variable `type`, `depends_on`, `provider`, lifecycle `ignore_changes`, ...) or
// a literal (variable `default`, `description`).
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parsers/hcl/embedded_parse.h"
#include "parsers/hcl/json_scanner.h"
#include "parsers/hcl/parser.h"
#include "parsers/hcl/template_text.h"

namespace faultline::parsers::hcl {
namespace {

// How string leaves of an attribute value are read.
enum class StringMode : uint8_t { kTemplate, kExpression, kLiteral };

struct BodySpec;

struct NestedBlock {
  std::string_view type;
  int labels;
  const BodySpec* body;
};

struct AttributeMode {
  std::string_view name;
  StringMode mode;
};

struct BodySpec {
  std::vector<NestedBlock> blocks;
  std::vector<AttributeMode> attributes;
};

const BodySpec kGenericBody{};
const BodySpec kConditionBody{};
const BodySpec kLifecycleBody{
    {{"precondition", 0, &kConditionBody}, {"postcondition", 0, &kConditionBody}},
    {{"ignore_changes", StringMode::kExpression},
     {"replace_triggered_by", StringMode::kExpression}}};
const BodySpec kConnectionBody{};
const BodySpec kProvisionerBody{{{"connection", 0, &kConnectionBody}}, {}};
const BodySpec kDynamicBody{{{"content", 0, &kGenericBody}}, {}};
const BodySpec kResourceBody{
    {{"lifecycle", 0, &kLifecycleBody},
     {"connection", 0, &kConnectionBody},
     {"provisioner", 1, &kProvisionerBody},
     {"dynamic", 1, &kDynamicBody}},
    {{"depends_on", StringMode::kExpression}, {"provider", StringMode::kExpression}}};
const BodySpec kModuleBody{
    {}, {{"depends_on", StringMode::kExpression}, {"providers", StringMode::kExpression}}};
const BodySpec kVariableBody{{{"validation", 0, &kConditionBody}},
                             {{"type", StringMode::kExpression},
                              {"default", StringMode::kLiteral},
                              {"description", StringMode::kLiteral}}};
const BodySpec kOutputBody{
    {{"precondition", 0, &kConditionBody}},
    {{"depends_on", StringMode::kExpression}, {"description", StringMode::kLiteral}}};
const BodySpec kCloudBody{{{"workspaces", 0, &kGenericBody}}, {}};
const BodySpec kTerraformBody{{{"required_providers", 0, &kGenericBody},
                               {"backend", 1, &kGenericBody},
                               {"cloud", 0, &kCloudBody},
                               {"provider_meta", 1, &kGenericBody}},
                              {}};
const BodySpec kCheckBody{{{"data", 2, &kResourceBody}, {"assert", 0, &kConditionBody}}, {}};
const BodySpec kMovedBody{{}, {{"from", StringMode::kExpression}, {"to", StringMode::kExpression}}};
const BodySpec kImportBody{
    {}, {{"to", StringMode::kExpression}, {"provider", StringMode::kExpression}}};
const BodySpec kRemovedBody{{{"lifecycle", 0, &kGenericBody}}, {{"from", StringMode::kExpression}}};

const NestedBlock kTopLevel[] = {
    {"resource", 2, &kResourceBody},   {"data", 2, &kResourceBody},
    {"ephemeral", 2, &kResourceBody},  {"module", 1, &kModuleBody},
    {"variable", 1, &kVariableBody},   {"output", 1, &kOutputBody},
    {"provider", 1, &kGenericBody},    {"check", 1, &kCheckBody},
    {"terraform", 0, &kTerraformBody}, {"moved", 0, &kMovedBody},
    {"import", 0, &kImportBody},       {"removed", 0, &kRemovedBody},
};

class JsonConverter {
 public:
  JsonConverter(const engine::SourceFile& file, const ParseLimits& limits,
                std::vector<ParseDiagnostic>* diagnostics)
      : file_(file), limits_(limits), diagnostics_(diagnostics) {}

  SourceRange Range(uint32_t begin, uint32_t end) const { return SourceRange{&file_, begin, end}; }

  void Diagnose(uint32_t begin, uint32_t end, std::string message) {
    diagnostics_->push_back(ParseDiagnostic{Range(begin, end), std::move(message)});
  }

  void ConvertRoot(const JsonValue& root, Body* out) {
    out->range = Range(root.begin, root.end);
    if (root.kind != JsonValue::Kind::kObject) {
      Diagnose(root.begin, root.end, "expected a JSON object at the top level");
      return;
    }
    for (const JsonMember& member : root.members) {
      if (member.key == "//") continue;
      if (member.key == "locals") {
        ConvertLocals(member.value, out);
        continue;
      }
      const NestedBlock* spec = nullptr;
      for (const NestedBlock& candidate : kTopLevel) {
        if (candidate.type == member.key) spec = &candidate;
      }
      if (spec == nullptr) {
        Diagnose(member.key_begin, member.key_end,
                 "unsupported top-level key \"" + member.key + "\"");
        continue;
      }
      ExpandBlocks(member, *spec, member.value, {}, {}, 1, out);
    }
  }

  void ConvertTfvars(const JsonValue& root, Body* out) {
    out->range = Range(root.begin, root.end);
    if (root.kind != JsonValue::Kind::kObject) {
      Diagnose(root.begin, root.end, "expected a JSON object of variable values");
      return;
    }
    std::unordered_set<std::string_view> names;
    for (const JsonMember& member : root.members) {
      Attribute attribute;
      attribute.name = member.key;
      attribute.name_range = Range(member.key_begin, member.key_end);
      attribute.range = Range(member.key_begin, member.value.end);
      attribute.value = Literal(member.value);
      AddAttribute(std::move(attribute), member.key, &names, out);
    }
  }

 private:
  // `names` holds the keys already used in `out` (views into the parsed JSON).
  void AddAttribute(Attribute attribute, std::string_view key,
                    std::unordered_set<std::string_view>* names, Body* out) {
    if (!names->insert(key).second) {
      Diagnose(attribute.name_range.begin, attribute.name_range.end,
               "attribute \"" + attribute.name + "\" redefined");
      return;
    }
    out->attributes.push_back(std::move(attribute));
  }

  // `locals`: an object of attributes, or an array of such objects.
  void ConvertLocals(const JsonValue& value, Body* out) {
    if (value.kind == JsonValue::Kind::kArray) {
      for (const JsonValue& element : value.elements) ConvertLocals(element, out);
      return;
    }
    if (value.kind != JsonValue::Kind::kObject) {
      Diagnose(value.begin, value.end, "expected a JSON object for \"locals\"");
      return;
    }
    Block block;
    block.type = "locals";
    block.type_range = Range(value.begin, value.begin + 1);
    block.header_range = block.type_range;
    block.range = Range(value.begin, value.end);
    ConvertBody(value, kGenericBody, 1, &block.body);
    out->blocks.push_back(std::move(block));
  }

  // Peels one label level per object nesting; arrays stand for several values at the same
  // level. `key` is the member whose value is `value` (for ranges).
  void ExpandBlocks(const JsonMember& type_member, const NestedBlock& spec, const JsonValue& value,
                    std::vector<const JsonMember*> labels, const JsonMember* key, uint32_t depth,
                    Body* out) {
    if (depth > limits_.max_nesting_depth) {
      Diagnose(
          value.begin, value.end,
          "nesting exceeds the limit of " + std::to_string(limits_.max_nesting_depth) + " levels");
      return;
    }
    if (value.kind == JsonValue::Kind::kArray) {
      for (const JsonValue& element : value.elements) {
        ExpandBlocks(type_member, spec, element, labels, nullptr, depth + 1, out);
      }
      return;
    }
    if (value.kind != JsonValue::Kind::kObject) {
      Diagnose(value.begin, value.end,
               "expected a JSON object for the \"" + std::string(spec.type) + "\" block");
      return;
    }
    if (static_cast<int>(labels.size()) < spec.labels) {
      for (const JsonMember& member : value.members) {
        labels.push_back(&member);
        ExpandBlocks(type_member, spec, member.value, labels, &member, depth + 1, out);
        labels.pop_back();
      }
      return;
    }
    Block block;
    block.type = type_member.key;
    block.type_range = Range(type_member.key_begin, type_member.key_end);
    uint32_t header_end = type_member.key_end;
    for (const JsonMember* label : labels) {
      block.labels.push_back(label->key);
      block.label_ranges.push_back(Range(label->key_begin, label->key_end));
      header_end = label->key_end;
    }
    block.header_range = Range(type_member.key_begin, std::max(type_member.key_begin, header_end));
    block.range = Range(key != nullptr ? key->key_begin : value.begin, value.end);
    ConvertBody(value, *spec.body, depth + 1, &block.body);
    out->blocks.push_back(std::move(block));
  }

  void ConvertBody(const JsonValue& object, const BodySpec& spec, uint32_t depth, Body* out) {
    out->range = Range(object.begin, object.end);
    std::unordered_set<std::string_view> names;
    for (const JsonMember& member : object.members) {
      if (member.key == "//") continue;
      const NestedBlock* nested = nullptr;
      for (const NestedBlock& candidate : spec.blocks) {
        if (candidate.type == member.key) nested = &candidate;
      }
      if (nested != nullptr) {
        ExpandBlocks(member, *nested, member.value, {}, &member, depth + 1, out);
        continue;
      }
      StringMode mode = StringMode::kTemplate;
      for (const AttributeMode& candidate : spec.attributes) {
        if (candidate.name == member.key) mode = candidate.mode;
      }
      Attribute attribute;
      attribute.name = member.key;
      attribute.name_range = Range(member.key_begin, member.key_end);
      attribute.range = Range(member.key_begin, member.value.end);
      attribute.value = mode == StringMode::kLiteral
                            ? Literal(member.value)
                            : ValueExpression(member.value, mode, depth + 1);
      AddAttribute(std::move(attribute), member.key, &names, out);
    }
  }

  // A JSON value as an engine value (strings are not templates).
  engine::Value LiteralValue(const JsonValue& value) const {
    SourceRange range = Range(value.begin, value.end);
    switch (value.kind) {
      case JsonValue::Kind::kNull:
        return engine::Value::Null(range);
      case JsonValue::Kind::kBool:
        return engine::Value::Bool(value.boolean, range);
      case JsonValue::Kind::kNumber:
        return engine::Value::Number(value.number, range);
      case JsonValue::Kind::kString:
        return engine::Value::String(value.string, range);
      case JsonValue::Kind::kArray: {
        engine::ValueList list;
        list.reserve(value.elements.size());
        for (const JsonValue& element : value.elements) list.push_back(LiteralValue(element));
        return engine::Value::List(std::move(list), range);
      }
      case JsonValue::Kind::kObject: {
        engine::ValueMap map;
        for (const JsonMember& member : value.members) {
          map.insert_or_assign(member.key, LiteralValue(member.value));
        }
        return engine::Value::Map(std::move(map), range);
      }
    }
    return engine::Value::Null(range);
  }

  ExpressionPtr Literal(const JsonValue& value) const {
    auto expression = std::make_unique<hcl::Expression>();
    expression->kind = ExpressionKind::kLiteral;
    expression->range = Range(value.begin, value.end);
    expression->literal = LiteralValue(value);
    return expression;
  }

  // A JSON string read as an HCL template or expression; ranges map into the JSON string.
  ExpressionPtr StringExpression(uint32_t begin, uint32_t end, const std::string& decoded,
                                 StringMode mode) {
    bool plain = mode == StringMode::kTemplate && decoded.find("${") == std::string::npos &&
                 decoded.find("%{") == std::string::npos;
    if (plain) {
      auto expression = std::make_unique<hcl::Expression>();
      expression->kind = ExpressionKind::kLiteral;
      expression->range = Range(begin, end);
      expression->literal = engine::Value::String(decoded, expression->range);
      return expression;
    }
    std::string text;
    std::vector<uint32_t> offsets;
    std::string_view token(file_.text().data() + begin, end - begin);
    if (!DecodeJsonStringWithOffsets(token, begin, &text, &offsets)) {
      auto expression = std::make_unique<hcl::Expression>();
      expression->kind = ExpressionKind::kInvalid;
      expression->range = Range(begin, end);
      expression->set_error("malformed string");
      return expression;
    }
    OffsetMap map;
    map.table = &offsets;
    ExpressionPtr expression =
        mode == StringMode::kTemplate
            ? ParseEmbeddedTemplate(file_, text, map, limits_, diagnostics_)
            : ParseEmbeddedExpression(file_, text, map, limits_, diagnostics_);
    if (mode == StringMode::kTemplate) expression->range = Range(begin, end);
    return expression;
  }

  ExpressionPtr ValueExpression(const JsonValue& value, StringMode mode, uint32_t depth) {
    SourceRange range = Range(value.begin, value.end);
    if (depth > limits_.max_nesting_depth) {
      Diagnose(
          value.begin, value.end,
          "nesting exceeds the limit of " + std::to_string(limits_.max_nesting_depth) + " levels");
      auto expression = std::make_unique<hcl::Expression>();
      expression->kind = ExpressionKind::kInvalid;
      expression->range = range;
      expression->set_error("nesting too deep");
      return expression;
    }
    switch (value.kind) {
      case JsonValue::Kind::kString:
        return StringExpression(value.begin, value.end, value.string, mode);
      case JsonValue::Kind::kArray: {
        auto expression = std::make_unique<hcl::Expression>();
        expression->kind = ExpressionKind::kTuple;
        expression->range = range;
        for (const JsonValue& element : value.elements) {
          expression->operands.push_back(ValueExpression(element, mode, depth + 1));
        }
        return expression;
      }
      case JsonValue::Kind::kObject: {
        auto expression = std::make_unique<hcl::Expression>();
        expression->kind = ExpressionKind::kObject;
        expression->range = range;
        for (const JsonMember& member : value.members) {
          ObjectItem item;
          // Keys are templates in Terraform's JSON syntax, even where values are expressions.
          item.key =
              StringExpression(member.key_begin, member.key_end, member.key, StringMode::kTemplate);
          item.value = ValueExpression(member.value, mode, depth + 1);
          item.range = Range(member.key_begin, member.value.end);
          expression->items.push_back(std::move(item));
        }
        return expression;
      }
      default:
        return Literal(value);
    }
  }

  const engine::SourceFile& file_;
  const ParseLimits& limits_;
  std::vector<ParseDiagnostic>* diagnostics_;
};

// Parses the JSON text of `file`; on failure adds a diagnostic and returns false.
bool ReadJson(const engine::SourceFile& file, const ParseLimits& limits, JsonValue* root,
              std::vector<ParseDiagnostic>* diagnostics) {
  uint32_t bad = 0;
  if (!IsValidUtf8(file.text(), &bad)) {
    diagnostics->push_back(
        ParseDiagnostic{SourceRange{&file, bad, bad + 1}, "invalid UTF-8 byte in input"});
    return false;
  }
  JsonError error;
  if (!ParseJson(file.text(), limits.max_nesting_depth, root, &error)) {
    uint32_t end = std::min<uint32_t>(error.offset + 1, file.size());
    diagnostics->push_back(
        ParseDiagnostic{SourceRange{&file, error.offset, end}, "invalid JSON: " + error.message});
    return false;
  }
  return true;
}

}  // namespace

ConfigFile ParseTfJson(const engine::SourceFile& file, const ParseLimits& limits) {
  ConfigFile result;
  result.file = &file;
  result.from_json = true;
  result.body.range = SourceRange{&file, 0, file.size()};
  JsonValue root;
  if (!ReadJson(file, limits, &root, &result.diagnostics)) return result;
  JsonConverter converter(file, limits, &result.diagnostics);
  converter.ConvertRoot(root, &result.body);
  return result;
}

ConfigFile ParseTfvarsJson(const engine::SourceFile& file, const ParseLimits& limits) {
  ConfigFile result;
  result.file = &file;
  result.from_json = true;
  result.body.range = SourceRange{&file, 0, file.size()};
  JsonValue root;
  if (!ReadJson(file, limits, &root, &result.diagnostics)) return result;
  JsonConverter converter(file, limits, &result.diagnostics);
  converter.ConvertTfvars(root, &result.body);
  return result;
}

}  // namespace faultline::parsers::hcl
