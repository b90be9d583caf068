// Internal value operations shared by the evaluator and the function library: Terraform's
// implicit conversions between primitives, three-valued equality, Unknown search, set ordering
// and relocation of values that were built from a temporary source file.
#ifndef FAULTLINE_ENGINE_EVAL_VALUE_OPS_H_
#define FAULTLINE_ENGINE_EVAL_VALUE_OPS_H_

#include <string>
#include <string_view>

#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::engine::eval {

// A type name for messages: "string", "number", "bool", "null", "list", "object", "unknown".
std::string TypeName(const Value& value);

// Parses a number as Terraform converts a string to a number: optional sign, decimal digits,
// optional fraction and exponent; no surrounding spaces, no hex.
bool ParseNumber(std::string_view text, double* out);

// Terraform's primitive conversions. Each returns false and sets `*error` when the value cannot
// be converted (null, collections, unparseable strings). The value must be known.
bool ToStringValue(const Value& value, std::string* out, std::string* error);
bool ToNumberValue(const Value& value, double* out, std::string* error);
bool ToBoolValue(const Value& value, bool* out, std::string* error);

// Finds an Unknown inside `value` (itself included). When `open_is_unknown`, an open map (a
// resource instance with computed attributes) counts as unknown too. Sets `*found` to an
// Unknown value describing it.
bool FindUnknown(const Value& value, bool open_is_unknown, Value* found);

enum class Tri : uint8_t { kFalse, kTrue, kUnknown };
// Structural equality that knows about Unknown: kUnknown when the answer depends on an unknown
// part, kFalse as soon as a known part differs.
Tri EqualsTri(const Value& a, const Value& b);

// Total order used to sort set elements deterministically: null < bool < number < string <
// list < map; numbers numerically, strings bytewise, collections by their JSON text.
bool SetLess(const Value& a, const Value& b);
// Sorts and removes duplicates (Terraform sets iterate in a stable order).
ValueList SetElements(ValueList elements);

// When the known primitive elements mix strings, numbers and bools, converts them all to
// strings (Terraform unifies such collections to list(string)). Returns false (and sets
// `*error`) when a mix cannot be unified (primitives together with collections).
bool UnifyElements(ValueList* elements, std::string* error);

// Returns `value` with `range` applied to it and to every nested value whose range points into
// `file` (or every nested value when `file` is null).
Value Relocate(const Value& value, SourceRange range, const SourceFile* file);

// Marks a value computed by the engine.
inline Value Derived(const Value& value) {
  return value.WithProvenance(Value::Provenance::kDerived);
}

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_VALUE_OPS_H_
