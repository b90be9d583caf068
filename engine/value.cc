#include "engine/value.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace faultline::engine {

static_assert(sizeof(Value) == 48, "Value is meant to be 48 bytes (see value.h)");

struct Value::Payload::Text : Value::Payload {
  explicit Text(std::string value) : text(std::move(value)) {}
  std::string text;
};
struct Value::Payload::Elements : Value::Payload {
  explicit Elements(ValueList value) : elements(std::move(value)) {}
  ValueList elements;
};
struct Value::Payload::Entries : Value::Payload {
  Entries(ValueMap value, std::string address)
      : entries(std::move(value)), open_address(std::move(address)) {}
  ValueMap entries;
  std::string open_address;
};
struct Value::Payload::Unresolved : Value::Payload {
  explicit Unresolved(UnknownInfo value) : info(std::move(value)) {}
  UnknownInfo info;
};

void Value::DestroyPayload(Kind kind, const Payload* payload) {
  switch (kind) {
    case Kind::kString:
      delete static_cast<const Payload::Text*>(payload);
      break;
    case Kind::kList:
      delete static_cast<const Payload::Elements*>(payload);
      break;
    case Kind::kMap:
      delete static_cast<const Payload::Entries*>(payload);
      break;
    case Kind::kUnknown:
      delete static_cast<const Payload::Unresolved*>(payload);
      break;
    default:
      break;
  }
}

namespace {
const std::string kEmptyString;
const ValueList kEmptyList;
const ValueMap kEmptyMap;
const UnknownInfo kEmptyUnknown;
}  // namespace

Value Value::Null(SourceRange range) {
  Value v;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::Bool(bool value, SourceRange range) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = value;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::Number(double value, SourceRange range) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.slot_.number = value;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::String(std::string value, SourceRange range) {
  Value v;
  v.slot_.payload = new Payload::Text(std::move(value));
  v.kind_ = Kind::kString;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::List(ValueList elements, SourceRange range) {
  Value v;
  v.slot_.payload = new Payload::Elements(std::move(elements));
  v.kind_ = Kind::kList;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::Map(ValueMap entries, SourceRange range, std::string open_address) {
  entries.Consolidate();  // shared maps are fully sorted (see value_map.h)
  Value v;
  v.slot_.payload = new Payload::Entries(std::move(entries), std::move(open_address));
  v.kind_ = Kind::kMap;
  v.range_ = v.origin_ = range;
  return v;
}

Value Value::Unknown(std::string reason, SourceRange range, std::string address,
                     std::string attribute) {
  Value v;
  v.slot_.payload = new Payload::Unresolved(
      UnknownInfo{std::move(reason), std::move(address), std::move(attribute), nullptr});
  v.kind_ = Kind::kUnknown;
  v.range_ = v.origin_ = range;
  v.provenance_ = Provenance::kDerived;
  return v;
}

Value Value::PartlyUnknown(std::string reason, Value partial, SourceRange range,
                           std::string address, std::string attribute) {
  Value v;
  UnknownInfo info;
  info.reason = std::move(reason);
  info.address = std::move(address);
  info.attribute = std::move(attribute);
  info.partial = std::make_shared<const Value>(std::move(partial));
  v.slot_.payload = new Payload::Unresolved(std::move(info));
  v.kind_ = Kind::kUnknown;
  v.range_ = v.origin_ = range;
  v.provenance_ = Provenance::kDerived;
  return v;
}

const Value* Value::partial() const {
  if (kind_ != Kind::kUnknown) return nullptr;
  return static_cast<const Payload::Unresolved&>(*slot_.payload).info.partial.get();
}

bool Value::IsWhollyKnown() const {
  switch (kind_) {
    case Kind::kUnknown:
      return false;
    case Kind::kList:
      for (const Value& v : as_list()) {
        if (!v.IsWhollyKnown()) return false;
      }
      return true;
    case Kind::kMap:
      for (const auto& [k, v] : as_map()) {
        if (!v.IsWhollyKnown()) return false;
      }
      return true;
    default:
      return true;
  }
}

bool Value::as_bool() const {
  assert(kind_ == Kind::kBool);
  return bool_;
}

double Value::as_number() const {
  assert(kind_ == Kind::kNumber);
  return kind_ == Kind::kNumber ? slot_.number : 0;
}

const std::string& Value::as_string() const {
  assert(kind_ == Kind::kString);
  if (kind_ != Kind::kString) return kEmptyString;
  return static_cast<const Payload::Text&>(*slot_.payload).text;
}

const ValueList& Value::as_list() const {
  assert(kind_ == Kind::kList);
  if (kind_ != Kind::kList) return kEmptyList;
  return static_cast<const Payload::Elements&>(*slot_.payload).elements;
}

const ValueMap& Value::as_map() const {
  assert(kind_ == Kind::kMap);
  if (kind_ != Kind::kMap) return kEmptyMap;
  return static_cast<const Payload::Entries&>(*slot_.payload).entries;
}

const UnknownInfo& Value::unknown() const {
  assert(kind_ == Kind::kUnknown);
  if (kind_ != Kind::kUnknown) return kEmptyUnknown;
  return static_cast<const Payload::Unresolved&>(*slot_.payload).info;
}

const std::string& Value::open_address() const {
  if (kind_ != Kind::kMap) return kEmptyString;
  return static_cast<const Payload::Entries&>(*slot_.payload).open_address;
}

const Value* Value::Get(std::string_view key) const {
  if (kind_ != Kind::kMap) return nullptr;
  const ValueMap& map = as_map();
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

const Value* Value::At(size_t index) const {
  if (kind_ != Kind::kList) return nullptr;
  const ValueList& list = as_list();
  return index < list.size() ? &list[index] : nullptr;
}

const Value* Value::Find(const std::vector<std::string>& path) const {
  const Value* current = this;
  for (const std::string& step : path) {
    if (current->is_map()) {
      current = current->Get(step);
    } else if (current->is_list()) {
      size_t index = 0;
      auto [ptr, ec] = std::from_chars(step.data(), step.data() + step.size(), index);
      if (ec != std::errc() || ptr != step.data() + step.size()) return nullptr;
      current = current->At(index);
    } else {
      return nullptr;
    }
    if (current == nullptr) return nullptr;
  }
  return current;
}

size_t Value::size() const {
  switch (kind_) {
    case Kind::kList:
      return as_list().size();
    case Kind::kMap:
      return as_map().size();
    case Kind::kString:
      return as_string().size();
    default:
      return 0;
  }
}

Value Value::WithRange(SourceRange range) const& { return Value(*this).WithRange(range); }

Value Value::WithRange(SourceRange range) && {
  Value v = std::move(*this);
  if (!v.origin_.valid()) v.origin_ = v.range_;
  v.range_ = range;
  if (!v.origin_.valid()) v.origin_ = range;
  return v;
}

Value Value::WithOrigin(SourceRange origin) const {
  Value v = *this;
  v.origin_ = origin;
  return v;
}

Value Value::WithProvenance(Provenance provenance) const {
  Value v = *this;
  v.provenance_ = provenance;
  return v;
}

bool Value::Equals(const Value& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return bool_ == other.bool_;
    case Kind::kNumber:
      return slot_.number == other.slot_.number;
    case Kind::kString:
      return as_string() == other.as_string();
    case Kind::kList: {
      const ValueList& a = as_list();
      const ValueList& b = other.as_list();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!a[i].Equals(b[i])) return false;
      }
      return true;
    }
    case Kind::kMap: {
      const ValueMap& a = as_map();
      const ValueMap& b = other.as_map();
      if (a.size() != b.size()) return false;
      for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
        if (ia->first != ib->first || !ia->second.Equals(ib->second)) return false;
      }
      return true;
    }
    case Kind::kUnknown:
      return false;
  }
  return false;
}

std::string FormatNumber(double number) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "+Inf" : "-Inf";
  if (number == std::floor(number) && std::fabs(number) < 1e21) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", number);
    return buffer == std::string("-0") ? "0" : buffer;
  }
  char buffer[64];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, ptr);
}

std::string Value::ToDisplayString(size_t max_length) const {
  std::string out;
  switch (kind_) {
    case Kind::kNull:
      out = "null";
      break;
    case Kind::kBool:
      out = bool_ ? "true" : "false";
      break;
    case Kind::kNumber:
      out = FormatNumber(slot_.number);
      break;
    case Kind::kString:
      out = "\"" + as_string() + "\"";
      break;
    case Kind::kList: {
      out = "[";
      bool first = true;
      for (const Value& v : as_list()) {
        if (!first) out += ", ";
        first = false;
        out += v.ToDisplayString(max_length);
        if (out.size() > max_length) break;
      }
      out += "]";
      break;
    }
    case Kind::kMap: {
      out = "{";
      bool first = true;
      for (const auto& [k, v] : as_map()) {
        if (!first) out += ", ";
        first = false;
        out += k + " = " + v.ToDisplayString(max_length);
        if (out.size() > max_length) break;
      }
      out += "}";
      break;
    }
    case Kind::kUnknown:
      out = "(unknown)";
      break;
  }
  if (out.size() > max_length && max_length > 3) {
    out.resize(max_length - 3);
    out += "...";
  }
  return out;
}

std::string_view Value::KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "bool";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
    case Kind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace faultline::engine
