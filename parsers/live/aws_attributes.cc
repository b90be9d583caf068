#include "parsers/live/aws_attributes.h"

#include <utility>

#include "engine/engine_rules.h"

namespace faultline::parsers::live {

using engine::Finding;
using engine::Resource;
using engine::SourceRange;
using engine::Value;
using engine::ValueList;
using engine::ValueMap;

const Value* Field(const Value* value, std::string_view key) {
  if (value == nullptr) return nullptr;
  return value->Get(key);
}

const Value* FieldPath(const Value* value, std::initializer_list<std::string_view> path) {
  for (std::string_view key : path) {
    value = Field(value, key);
    if (value == nullptr) return nullptr;
  }
  return value;
}

std::string StringOf(const Value* value) {
  if (value == nullptr || !value->is_string()) return {};
  return value->as_string();
}

Value Derived(Value value, const Value* from) {
  if (from != nullptr) value = value.WithRange(from->range()).WithOrigin(from->origin());
  return value.WithProvenance(Value::Provenance::kDerived);
}

Value DerivedString(std::string text, const Value* from) {
  return Derived(Value::String(std::move(text)), from);
}

Value DerivedBool(bool flag, const Value* from) { return Derived(Value::Bool(flag), from); }

Value DerivedNumber(double number, const Value* from) {
  return Derived(Value::Number(number), from);
}

Value TagsToMap(const Value* tags) {
  if (tags == nullptr || !tags->is_list()) return Value();
  ValueMap entries;
  for (const Value& tag : tags->as_list()) {
    const Value* key = tag.Get("Key");
    if (key == nullptr || !key->is_string()) continue;
    const Value* value = tag.Get("Value");
    if (value != nullptr && value->is_string()) {
      entries.insert_or_assign(key->as_string(), *value);
    } else {
      entries.insert_or_assign(key->as_string(), DerivedString("", &tag));
    }
  }
  return Derived(Value::Map(std::move(entries)), tags);
}

Value Pluck(const Value* list, std::string_view key) {
  if (list == nullptr || !list->is_list()) return Value();
  ValueList out;
  for (const Value& element : list->as_list()) {
    if (const Value* field = element.Get(key); field != nullptr && !field->is_null()) {
      out.push_back(*field);
    }
  }
  return Derived(Value::List(std::move(out)), list);
}

std::string ArnResourceName(std::string_view arn) {
  const size_t slash = arn.rfind('/');
  if (slash != std::string_view::npos) return std::string(arn.substr(slash + 1));
  const size_t colon = arn.rfind(':');
  if (colon != std::string_view::npos) return std::string(arn.substr(colon + 1));
  return std::string(arn);
}

AttributeBuilder& AttributeBuilder::Copy(std::string_view name, std::string_view aws_key) {
  if (const Value* value = item_.Get(aws_key); value != nullptr) {
    entries_.insert_or_assign(std::string(name), *value);
  }
  return *this;
}

AttributeBuilder& AttributeBuilder::CopyPath(std::string_view name,
                                             std::initializer_list<std::string_view> path) {
  if (const Value* value = FieldPath(&item_, path); value != nullptr) {
    entries_.insert_or_assign(std::string(name), *value);
  }
  return *this;
}

AttributeBuilder& AttributeBuilder::Set(std::string_view name, Value value) {
  if (value.is_null() && !value.range().valid()) return *this;
  entries_.insert_or_assign(std::string(name), std::move(value));
  return *this;
}

Value AttributeBuilder::Build() && {
  entries_.insert_or_assign("aws", item_);
  return Value::Map(std::move(entries_), item_.range());
}

void ReportSkipped(AwsMapContext& ctx, const Value* at, std::string message) {
  if (ctx.diagnostics == nullptr) return;
  SourceRange range;
  if (at != nullptr && at->range().valid()) {
    range = at->origin().valid() ? at->origin() : at->range();
  } else {
    range = SourceRange{ctx.file, 0, 0};
  }
  ctx.diagnostics->push_back(
      engine::MakeEngineFinding(engine::kFileSkippedId, range, std::move(message)));
}

void ForEachItem(AwsMapContext& ctx, const Value& root, std::string_view key,
                 const std::function<void(const Value&, const std::string&)>& fn,
                 std::string_view prefix) {
  const Value* list = root.Get(key);
  if (list == nullptr || list->is_null()) return;
  const std::string command(LiveExportKindName(ctx.kind));
  if (!list->is_list()) {
    ReportSkipped(ctx, list,
                  command + ": " + std::string(prefix) + std::string(key) + " is a " +
                      std::string(Value::KindName(list->kind())) + ", not a list; skipped");
    return;
  }
  size_t index = 0;
  for (const Value& item : list->as_list()) {
    std::string path = std::string(prefix) + std::string(key) + "[" + std::to_string(index++) + "]";
    if (!item.is_map()) {
      ReportSkipped(ctx, &item, command + ": " + path + " is not an object; skipped");
      continue;
    }
    fn(item, path);
  }
}

void AddResource(AwsMapContext& ctx, std::string_view type, const Value& item,
                 const std::string& path, std::string_view what, const std::string& identifier,
                 const Value* identifier_field, Value attributes) {
  if (identifier.empty()) {
    ReportSkipped(ctx, &item,
                  std::string(LiveExportKindName(ctx.kind)) + ": " + path + " has no " +
                      std::string(what) + "; skipped");
    return;
  }
  Resource resource;
  resource.origin = engine::Origin::kLive;
  resource.kind = engine::ResourceKind::kManaged;
  resource.type = std::string(type);
  resource.name = identifier;
  resource.address = "live:" + resource.type + "/" + identifier;
  resource.module_dir = ctx.module_dir;
  resource.attributes = std::move(attributes);
  resource.range = item.range();
  resource.header = identifier_field != nullptr && identifier_field->range().valid()
                        ? identifier_field->range()
                        : item.range();
  ctx.resources->push_back(std::move(resource));
}

}  // namespace faultline::parsers::live
