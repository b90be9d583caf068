// Type conversion functions: tostring, tonumber, tobool, tolist, toset, tomap, and the
// sensitivity wrappers (which the engine does not track: they return their argument).
#include <string>

#include "engine/eval/builtins.h"

namespace faultline::engine::eval {

namespace {

Value ToString(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null()) return v;
  if (v.is_string()) return v;
  std::string text, error;
  if (!ToStringValue(v, &text, &error)) {
    return call.Fail("cannot convert " + TypeName(v) + " to string");
  }
  return Derived(Value::String(std::move(text), v.range().valid() ? v.range() : call.range()));
}

Value ToNumber(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null() || v.is_number()) return v;
  if (v.is_string()) {
    double n;
    if (!ParseNumber(v.as_string(), &n)) {
      return call.Fail("cannot convert " + v.ToDisplayString(60) +
                       " to number; given string "
                       "must be a decimal representation of a number");
    }
    return Derived(Value::Number(n, v.range().valid() ? v.range() : call.range()));
  }
  return call.Fail("cannot convert " + TypeName(v) + " to number");
}

Value ToBool(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null() || v.is_bool()) return v;
  if (v.is_string()) {
    if (v.as_string() == "true" || v.as_string() == "false") {
      return Derived(
          Value::Bool(v.as_string() == "true", v.range().valid() ? v.range() : call.range()));
    }
    return call.Fail("cannot convert " + v.ToDisplayString(60) +
                     " to bool; only the strings \"true\" or \"false\" are allowed");
  }
  return call.Fail("cannot convert " + TypeName(v) + " to bool");
}

Value ToList(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null()) return v;
  if (!v.is_list()) return call.Fail("cannot convert " + TypeName(v) + " to list");
  ValueList elements = v.as_list();
  std::string error;
  if (!UnifyElements(&elements, &error)) return call.Fail("cannot convert to list: " + error);
  return Derived(Value::List(std::move(elements), v.range().valid() ? v.range() : call.range()));
}

Value ToSet(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null()) return v;
  if (!v.is_list()) return call.Fail("cannot convert " + TypeName(v) + " to set");
  ValueList elements = v.as_list();
  std::string error;
  if (!UnifyElements(&elements, &error)) return call.Fail("cannot convert to set: " + error);
  if (!call.Charge(elements.size())) return call.Failed();
  return Derived(
      Value::List(SetElements(std::move(elements)), v.range().valid() ? v.range() : call.range()));
}

Value ToMap(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null()) return v;
  if (!v.is_map()) return call.Fail("cannot convert " + TypeName(v) + " to map");
  if (!v.open_address().empty()) {
    return Value::Unknown("computed attributes of " + v.open_address(), call.range(),
                          v.open_address());
  }
  ValueList values;
  for (const auto& [key, element] : v.as_map()) values.push_back(element);
  std::string error;
  if (!UnifyElements(&values, &error)) return call.Fail("cannot convert to map: " + error);
  ValueMap out;
  size_t i = 0;
  for (const auto& [key, element] : v.as_map()) out.emplace(key, values[i++]);
  return Derived(Value::Map(std::move(out), v.range().valid() ? v.range() : call.range()));
}

Value Identity(Call& call) { return call.arg(0); }

Value IsSensitive(Call& call) {
  if (call.arg(0).is_unknown()) return call.Propagate(call.arg(0));
  return call.Bool(false);
}

constexpr BuiltinSpec kConversionBuiltins[] = {
    {"ephemeralasnull", 1, 1, UnknownPolicy::kCustom, Identity},
    {"issensitive", 1, 1, UnknownPolicy::kCustom, IsSensitive},
    {"nonsensitive", 1, 1, UnknownPolicy::kCustom, Identity},
    {"sensitive", 1, 1, UnknownPolicy::kCustom, Identity},
    {"tobool", 1, 1, UnknownPolicy::kShallow, ToBool},
    {"tolist", 1, 1, UnknownPolicy::kShallow, ToList},
    {"tomap", 1, 1, UnknownPolicy::kShallow, ToMap},
    {"tonumber", 1, 1, UnknownPolicy::kShallow, ToNumber},
    {"toset", 1, 1, UnknownPolicy::kDeep, ToSet},
    {"tostring", 1, 1, UnknownPolicy::kShallow, ToString},
};

}  // namespace

std::span<const BuiltinSpec> ConversionBuiltins() { return kConversionBuiltins; }

}  // namespace faultline::engine::eval
