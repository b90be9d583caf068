// Internal: the shape of a built-in function and the helpers every built-in uses.
//
// A built-in receives a Call (evaluated arguments, the context, the call's range) and returns a
// Value. Argument helpers convert as Terraform does (strings to numbers, numbers to strings...)
// and, on failure, record the error in the Call and return false; the built-in then returns
// `call.Fail(...)` or the Unknown that `call.failed()` already produced. Results get the call's
// range and Derived provenance through `call.Result(...)`, except for values a built-in
// selects from its arguments (lookup, element, coalesce...), which keep their own location.
#ifndef FAULTLINE_ENGINE_EVAL_BUILTINS_H_
#define FAULTLINE_ENGINE_EVAL_BUILTINS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/eval/functions.h"
#include "engine/eval/value_ops.h"
#include "engine/value.h"

namespace faultline::engine::eval {

class Call {
 public:
  Call(std::string_view name, const std::vector<Value>& args, EvalContext& context,
       SourceRange range, FunctionError* error);

  std::string_view name() const { return name_; }
  const std::vector<Value>& args() const { return args_; }
  const Value& arg(size_t i) const { return args_[i]; }
  size_t size() const { return args_.size(); }
  EvalContext& context() { return context_; }
  const Limits& limits() const { return *limits_; }
  SourceRange range() const { return range_; }

  // Records an error and returns Unknown carrying it.
  Value Fail(std::string message);
  Value LimitFail(std::string message);
  bool failed() const { return !error_->message.empty(); }
  // The Unknown to return after a helper reported an error.
  Value Failed() const;

  Value Result(Value value) const;  // call range, Derived
  Value String(std::string text);   // checks max_string_bytes
  Value Number(double number) const;
  Value Bool(bool value) const;
  Value List(ValueList elements);  // checks max_collection_elements
  Value Map(ValueMap entries);
  Value UnknownResult(std::string reason) const;
  // Unknown carrying the identity of `unknown` (reason, address) at the call's range.
  Value Propagate(const Value& unknown) const;

  // Adds `units` of work to the evaluation steps; false (with a limit error) past the limit.
  bool Charge(uint64_t units);
  // Checks a string or collection size against the limits; false with a limit error.
  bool CheckStringSize(uint64_t bytes);
  bool CheckElements(uint64_t count);

  // Argument conversions; false after recording an error. `what` names the argument.
  bool ArgString(size_t i, std::string* out);
  bool ArgNumber(size_t i, double* out);
  bool ArgInteger(size_t i, int64_t* out);
  bool ArgBool(size_t i, bool* out);
  bool ArgList(size_t i, const ValueList** out);  // list (tuple/set) required, not null
  bool ArgMap(size_t i, const ValueMap** out);    // map/object required, not null

 private:
  std::string_view name_;
  const std::vector<Value>& args_;
  EvalContext& context_;
  const Limits* limits_;
  SourceRange range_;
  FunctionError* error_;
};

// How a function treats Unknown arguments before it runs.
enum class UnknownPolicy : uint8_t {
  kDeep,     // any argument containing Unknown (or an open map) makes the result Unknown
  kShallow,  // only top-level Unknown arguments do; the function copies nested Unknowns
  kCustom,   // the function inspects Unknowns itself
};

using BuiltinFunction = Value (*)(Call& call);

struct BuiltinSpec {
  std::string_view name;
  int min_args;
  int max_args;  // -1: variadic
  UnknownPolicy unknowns;
  BuiltinFunction function;
};

// The function groups; each returns its table (sorted or not; functions.cc indexes them).
std::span<const BuiltinSpec> StringBuiltins();
std::span<const BuiltinSpec> CollectionBuiltins();
std::span<const BuiltinSpec> NumericBuiltins();
std::span<const BuiltinSpec> ConversionBuiltins();
std::span<const BuiltinSpec> EncodingBuiltins();
std::span<const BuiltinSpec> FileBuiltins();
std::span<const BuiltinSpec> NetworkBuiltins();

// Internal evaluator entry point for templatefile()/templatestring(): evaluates `expression`
// with `names` as the only names in scope (no resolver), `in_template` forbidding nested
// templatefile() calls. Diagnostics go to `context.diagnostics`.
Value EvaluateIsolated(const parsers::hcl::Expression& expression, EvalContext& context,
                       const ValueMap& names);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_BUILTINS_H_
