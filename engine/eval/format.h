// Internal: Terraform's format() verbs (cty's printf dialect).
//
// Supports %%, %v, %#v, %t, %b, %d, %o, %x, %X, %e, %E, %f, %g, %G, %s, %q with the flags
// space, +, -, 0 and #, width, precision and explicit argument indexes (%[2]s). Width and
// string precision count grapheme clusters. Every argument must be known.
#ifndef FAULTLINE_ENGINE_EVAL_FORMAT_H_
#define FAULTLINE_ENGINE_EVAL_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/json_codec.h"
#include "engine/limits.h"
#include "engine/value.h"

namespace faultline::engine::eval {

bool FormatValues(std::string_view format, const std::vector<Value>& args, const Limits& limits,
                  std::string* out, CodecStatus* status);

// Go's shortest %g rendering of a number (as cty's %v prints numbers).
std::string GoShortestG(double number, bool upper);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_FORMAT_H_
