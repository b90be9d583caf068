#include "engine/eval/value_ops.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace faultline::engine::eval {

std::string TypeName(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kMap:
      return "object";
    case Value::Kind::kList:
      return "list";
    default:
      return std::string(Value::KindName(value.kind()));
  }
}

bool ParseNumber(std::string_view text, double* out) {
  size_t i = 0;
  const size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  size_t digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++digits;
  }
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) return false;
  }
  if (i != n) return false;
  std::string copy(text);
  *out = std::strtod(copy.c_str(), nullptr);
  return std::isfinite(*out);
}

bool ToStringValue(const Value& value, std::string* out, std::string* error) {
  switch (value.kind()) {
    case Value::Kind::kString:
      *out = value.as_string();
      return true;
    case Value::Kind::kNumber:
      *out = FormatNumber(value.as_number());
      return true;
    case Value::Kind::kBool:
      *out = value.as_bool() ? "true" : "false";
      return true;
    case Value::Kind::kNull:
      *error = "a string is required, but the value is null";
      return false;
    case Value::Kind::kUnknown:
      *error = "the value is unknown";
      return false;
    default:
      *error = "a string is required, not " + TypeName(value);
      return false;
  }
}

bool ToNumberValue(const Value& value, double* out, std::string* error) {
  switch (value.kind()) {
    case Value::Kind::kNumber:
      *out = value.as_number();
      return true;
    case Value::Kind::kString:
      if (ParseNumber(value.as_string(), out)) return true;
      *error = "cannot convert " + value.ToDisplayString(60) + " to number";
      return false;
    case Value::Kind::kNull:
      *error = "a number is required, but the value is null";
      return false;
    case Value::Kind::kUnknown:
      *error = "the value is unknown";
      return false;
    default:
      *error = "a number is required, not " + TypeName(value);
      return false;
  }
}

bool ToBoolValue(const Value& value, bool* out, std::string* error) {
  switch (value.kind()) {
    case Value::Kind::kBool:
      *out = value.as_bool();
      return true;
    case Value::Kind::kString:
      if (value.as_string() == "true") {
        *out = true;
        return true;
      }
      if (value.as_string() == "false") {
        *out = false;
        return true;
      }
      *error = "cannot convert " + value.ToDisplayString(60) + " to bool";
      return false;
    case Value::Kind::kNull:
      *error = "a bool is required, but the value is null";
      return false;
    case Value::Kind::kUnknown:
      *error = "the value is unknown";
      return false;
    default:
      *error = "a bool is required, not " + TypeName(value);
      return false;
  }
}

namespace {
// Values nested deeper than this are treated conservatively (Unknown / not equal / unordered):
// Terraform configurations never come close, and the helpers must not overflow the stack.
constexpr int kMaxValueDepth = 512;

bool FindUnknownAt(const Value& value, bool open_is_unknown, Value* found, int depth) {
  if (depth > kMaxValueDepth) {
    *found = Value::Unknown("value is nested too deeply", value.range());
    return true;
  }
  switch (value.kind()) {
    case Value::Kind::kUnknown:
      *found = value;
      return true;
    case Value::Kind::kList:
      for (const Value& element : value.as_list()) {
        if (FindUnknownAt(element, open_is_unknown, found, depth + 1)) return true;
      }
      return false;
    case Value::Kind::kMap:
      if (open_is_unknown && !value.open_address().empty()) {
        *found = Value::Unknown("computed attributes of " + value.open_address(), value.range(),
                                value.open_address());
        return true;
      }
      for (const auto& [key, element] : value.as_map()) {
        if (FindUnknownAt(element, open_is_unknown, found, depth + 1)) return true;
      }
      return false;
    default:
      return false;
  }
}

Tri EqualsTriAt(const Value& a, const Value& b, int depth);
bool SetLessAt(const Value& a, const Value& b, int depth);
Value RelocateAt(const Value& value, SourceRange range, const SourceFile* file, int depth);
}  // namespace

bool FindUnknown(const Value& value, bool open_is_unknown, Value* found) {
  return FindUnknownAt(value, open_is_unknown, found, 0);
}

Tri EqualsTri(const Value& a, const Value& b) { return EqualsTriAt(a, b, 0); }

bool SetLess(const Value& a, const Value& b) { return SetLessAt(a, b, 0); }

Value Relocate(const Value& value, SourceRange range, const SourceFile* file) {
  return RelocateAt(value, range, file, 0);
}

namespace {
Tri EqualsTriAt(const Value& a, const Value& b, int depth) {
  if (a.is_unknown() || b.is_unknown() || depth > kMaxValueDepth) return Tri::kUnknown;
  if (a.kind() != b.kind()) return Tri::kFalse;
  if (a.is_list()) {
    const ValueList& x = a.as_list();
    const ValueList& y = b.as_list();
    if (x.size() != y.size()) return Tri::kFalse;
    Tri result = Tri::kTrue;
    for (size_t i = 0; i < x.size(); ++i) {
      Tri t = EqualsTriAt(x[i], y[i], depth + 1);
      if (t == Tri::kFalse) return Tri::kFalse;
      if (t == Tri::kUnknown) result = Tri::kUnknown;
    }
    return result;
  }
  if (a.is_map()) {
    const ValueMap& x = a.as_map();
    const ValueMap& y = b.as_map();
    bool open = !a.open_address().empty() || !b.open_address().empty();
    if (!open && x.size() != y.size()) return Tri::kFalse;
    Tri result = open ? Tri::kUnknown : Tri::kTrue;
    for (const auto& [key, element] : x) {
      const Value* other = b.Get(key);
      if (other == nullptr) {
        if (b.open_address().empty()) return Tri::kFalse;
        continue;
      }
      Tri t = EqualsTriAt(element, *other, depth + 1);
      if (t == Tri::kFalse) return Tri::kFalse;
      if (t == Tri::kUnknown) result = Tri::kUnknown;
    }
    if (open) {
      for (const auto& [key, element] : y) {
        if (a.Get(key) == nullptr && a.open_address().empty()) return Tri::kFalse;
      }
    }
    return result;
  }
  return a.Equals(b) ? Tri::kTrue : Tri::kFalse;
}

int KindOrder(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return 0;
    case Value::Kind::kBool:
      return 1;
    case Value::Kind::kNumber:
      return 2;
    case Value::Kind::kString:
      return 3;
    case Value::Kind::kList:
      return 4;
    case Value::Kind::kMap:
      return 5;
    case Value::Kind::kUnknown:
      return 6;
  }
  return 6;
}
bool SetLessAt(const Value& a, const Value& b, int depth) {
  if (depth > kMaxValueDepth) return false;
  int ka = KindOrder(a), kb = KindOrder(b);
  if (ka != kb) return ka < kb;
  switch (a.kind()) {
    case Value::Kind::kBool:
      return !a.as_bool() && b.as_bool();
    case Value::Kind::kNumber:
      return a.as_number() < b.as_number();
    case Value::Kind::kString:
      return a.as_string() < b.as_string();
    case Value::Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (SetLessAt(x[i], y[i], depth + 1)) return true;
        if (SetLessAt(y[i], x[i], depth + 1)) return false;
      }
      return x.size() < y.size();
    }
    case Value::Kind::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      auto ix = x.begin();
      auto iy = y.begin();
      for (; ix != x.end() && iy != y.end(); ++ix, ++iy) {
        if (ix->first != iy->first) return ix->first < iy->first;
        if (SetLessAt(ix->second, iy->second, depth + 1)) return true;
        if (SetLessAt(iy->second, ix->second, depth + 1)) return false;
      }
      return x.size() < y.size();
    }
    default:
      return false;
  }
}

}  // namespace

ValueList SetElements(ValueList elements) {
  std::stable_sort(elements.begin(), elements.end(), SetLess);
  ValueList out;
  out.reserve(elements.size());
  for (Value& v : elements) {
    if (!out.empty() && out.back().Equals(v)) continue;
    out.push_back(std::move(v));
  }
  return out;
}

bool UnifyElements(ValueList* elements, std::string* error) {
  bool has_string = false, has_number = false, has_bool = false, has_collection = false;
  for (const Value& v : *elements) {
    switch (v.kind()) {
      case Value::Kind::kString:
        has_string = true;
        break;
      case Value::Kind::kNumber:
        has_number = true;
        break;
      case Value::Kind::kBool:
        has_bool = true;
        break;
      case Value::Kind::kList:
      case Value::Kind::kMap:
        has_collection = true;
        break;
      default:
        break;
    }
  }
  int primitive_kinds = int(has_string) + int(has_number) + int(has_bool);
  if (primitive_kinds == 0) return true;
  if (has_collection) {
    *error = "all elements must have the same type (primitive values are mixed with collections)";
    return false;
  }
  if (primitive_kinds == 1) return true;
  for (Value& v : *elements) {
    if (v.is_number() || v.is_bool()) {
      std::string s, ignored;
      ToStringValue(v, &s, &ignored);
      v = Value::String(std::move(s), v.range())
              .WithOrigin(v.origin())
              .WithProvenance(v.provenance());
    }
  }
  return true;
}

namespace {
Value RelocateAt(const Value& value, SourceRange range, const SourceFile* file, int depth) {
  if (depth > kMaxValueDepth) return value;
  auto relocate_one = [&](const Value& v) {
    if (file != nullptr && v.range().file != file && v.origin().file != file) return v;
    Value moved = v.WithRange(range);
    return moved.WithOrigin(range);
  };
  switch (value.kind()) {
    case Value::Kind::kList: {
      ValueList elements;
      elements.reserve(value.as_list().size());
      for (const Value& v : value.as_list())
        elements.push_back(RelocateAt(v, range, file, depth + 1));
      Value out = Value::List(std::move(elements), range).WithProvenance(value.provenance());
      return out;
    }
    case Value::Kind::kMap: {
      ValueMap entries;
      for (const auto& [k, v] : value.as_map())
        entries.emplace(k, RelocateAt(v, range, file, depth + 1));
      return Value::Map(std::move(entries), range, value.open_address())
          .WithProvenance(value.provenance());
    }
    case Value::Kind::kUnknown: {
      const UnknownInfo& info = value.unknown();
      return Value::Unknown(info.reason, range, info.address, info.attribute);
    }
    default:
      return relocate_one(value);
  }
}
}  // namespace

}  // namespace faultline::engine::eval
