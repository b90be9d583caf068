#include "parsers/yaml/json_document.h"

#include <string>
#include <utility>

#include "engine/engine_rules.h"
#include "parsers/hcl/json_scanner.h"

namespace faultline::parsers::yaml {
namespace {

using engine::SourceRange;
using engine::Value;
using hcl::JsonValue;

class Converter {
 public:
  Converter(const engine::SourceFile& file, uint32_t base,
            std::vector<engine::Finding>* diagnostics)
      : file_(file), base_(base), diagnostics_(diagnostics) {}

  // Converts `json`, releasing its subtrees as they are converted (the DOM and the Values are
  // never both whole in memory). Recursion is bounded by the reader's max_depth.
  Value Convert(JsonValue& json) {
    SourceRange range{&file_, base_ + json.begin, base_ + json.end};
    switch (json.kind) {
      case JsonValue::Kind::kNull:
        return Value::Null(range);
      case JsonValue::Kind::kBool:
        return Value::Bool(json.boolean, range);
      case JsonValue::Kind::kNumber:
        return Value::Number(json.number, range);
      case JsonValue::Kind::kString:
        return Value::String(std::move(json.string), range);
      case JsonValue::Kind::kArray: {
        engine::ValueList elements;
        elements.reserve(json.elements.size());
        for (size_t i = 0; i < json.elements.size(); ++i) {
          path_.push_back({std::string_view(), i});
          elements.push_back(Convert(json.elements[i]));
          json.elements[i] = JsonValue();  // free the converted part of the tree as we go
          path_.pop_back();
        }
        return Value::List(std::move(elements), range);
      }
      case JsonValue::Kind::kObject: {
        engine::ValueMap entries;
        for (hcl::JsonMember& member : json.members) {
          path_.push_back({member.key, 0});
          Value value = Convert(member.value)
                            .WithRange(SourceRange{&file_, base_ + member.key_begin,
                                                   base_ + member.value.end});
          member.value = JsonValue();
          path_.pop_back();
          auto [it, inserted] = entries.try_emplace(std::move(member.key), std::move(value));
          if (!inserted) {
            std::string path = Path();
            std::string where = path.empty() ? "" : " in " + path;
            diagnostics_->push_back(engine::MakeEngineFinding(
                engine::kDuplicateKeyId,
                SourceRange{&file_, base_ + member.key_begin, base_ + member.key_end},
                "duplicate key \"" + member.key + "\"" + where + "; the last value is used",
                "duplicate key 1:" + path + "." + member.key));
            it->second = std::move(value);
          }
        }
        return Value::Map(std::move(entries), range);
      }
    }
    return Value::Null(range);
  }

 private:
  // One step of the path to the value being converted: a key, or an index when key is empty.
  struct Step {
    std::string_view key;
    size_t index;
  };

  // The path of the object being converted, e.g. "items[3].metadata" (for diagnostics only).
  std::string Path() const {
    std::string path;
    for (const Step& step : path_) {
      if (step.key.data() == nullptr) {
        path += "[" + std::to_string(step.index) + "]";
      } else {
        if (!path.empty()) path += '.';
        path += step.key;
      }
    }
    return path;
  }

  const engine::SourceFile& file_;
  uint32_t base_;
  std::vector<engine::Finding>* diagnostics_;
  std::vector<Step> path_;
};

}  // namespace

std::optional<YamlDocument> ReadJsonDocument(const engine::SourceFile& file, uint32_t begin,
                                             uint32_t max_depth,
                                             std::vector<engine::Finding>* diagnostics) {
  std::string_view text = std::string_view(file.text()).substr(begin);
  JsonValue json;
  hcl::JsonError error;
  if (!hcl::ParseJson(text, max_depth, &json, &error)) return std::nullopt;
  Converter converter(file, begin, diagnostics);
  Value root = converter.Convert(json);
  SourceRange range = root.range();
  return YamlDocument{std::move(root), range};
}

}  // namespace faultline::parsers::yaml
