// The Terraform function library: CallFunction(name, args) for every built-in the engine knows.
//
// Contract: arguments are already evaluated. If any argument is (or, for functions that must see
// the whole value, contains) Unknown, the result is Unknown, except where Terraform itself is
// more precise (length of a list with unknown elements, coalesce with a known non-null first
// argument, try/can are handled by the evaluator). Unknown function names yield Unknown with the
// reason "unsupported function NAME" (no diagnostic): the engine never guesses.
// Errors (wrong types, out-of-range indexes, limits) set `*error` and return Unknown.
#ifndef FAULTLINE_ENGINE_EVAL_FUNCTIONS_H_
#define FAULTLINE_ENGINE_EVAL_FUNCTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/value.h"

namespace faultline::engine::eval {

struct FunctionError {
  std::string message;  // empty when there was no error
  bool limit_exceeded = false;
};

// `context` supplies limits and files (for file/templatefile/fileexists); `range` is the call's
// location, given to the result.
Value CallFunction(std::string_view name, const std::vector<Value>& args, EvalContext& context,
                   SourceRange range, FunctionError* error);

// True when the engine implements `name` (provider-namespaced names are never known).
bool IsKnownFunction(std::string_view name);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_FUNCTIONS_H_
