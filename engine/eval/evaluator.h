// EvaluateExpression: Terraform-style evaluation of an HCL expression to a Value.
//
// References (var.x, local.y, aws_subnet.a.id, module.m.out, each.key, count.index, path.module,
// self...) are resolved by the caller's ReferenceResolver, which knows the module instance being
// evaluated. Names bound by for-expressions, template `for` directives and splats are handled
// here. Anything unresolved is Unknown and Unknown propagates through every operator and
// function (a conditional with a known condition still picks its branch; `try`/`can` and
// `coalesce` handle Unknown as Terraform does).
//
// Errors (type errors, bad function arguments, exceeded limits) yield Unknown with the reason and
// are reported once to `EvalContext::diagnostics`. Evaluation never throws, and its work is
// bounded by `EvalContext::limits` (steps, depth, collection sizes, string sizes).
#ifndef FAULTLINE_ENGINE_EVAL_EVALUATOR_H_
#define FAULTLINE_ENGINE_EVAL_EVALUATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/file_provider.h"
#include "engine/limits.h"
#include "engine/source_range.h"
#include "engine/value.h"
#include "parsers/hcl/syntax.h"

namespace faultline::engine::eval {

// One step of a static reference: `.name` or `[key]` (key already evaluated).
struct TraversalStep {
  std::string attribute;  // set for `.name`
  Value key;              // set for `[key]` (number or string); null for attribute steps
  bool is_index = false;
  SourceRange range;
};

// A reference as written: a root name followed by attribute and index steps, e.g.
// `aws_instance.web[0].id` = root "aws_instance", steps [.web, [0], .id].
struct Traversal {
  std::string root;
  std::vector<TraversalStep> steps;
  SourceRange range;
};

class ReferenceResolver {
 public:
  virtual ~ReferenceResolver() = default;
  // Resolves a prefix of `traversal`, returning its value and setting `*consumed` to the number
  // of steps used (0..steps.size()); the evaluator applies the remaining steps. Unresolvable
  // references return Unknown (with a reason and the referenced address), never an error.
  virtual Value Resolve(const Traversal& traversal, size_t* consumed) = 0;
};

struct EvalDiagnostic {
  SourceRange range;
  std::string message;
  bool limit_exceeded = false;  // a Limits bound was hit (reported as FL-ENG-0004)
};

// Shared, mutable state of one evaluation run (one root module instance tree). Not thread-safe.
struct EvalContext {
  ReferenceResolver* resolver = nullptr;
  const Limits* limits = nullptr;       // required
  const FileProvider* files = nullptr;  // for file()/templatefile(); null disables them
  std::string module_dir;               // base directory for file()/templatefile()/path.module
  std::vector<EvalDiagnostic>* diagnostics = nullptr;  // may be null
  uint64_t steps = 0;                                  // incremented per expression node evaluated
  uint32_t depth = 0;                                  // current nesting (managed by the evaluator)
};

Value EvaluateExpression(const parsers::hcl::Expression& expression, EvalContext& context);

// Collects the static references in an expression (roots and leading attribute/literal-index
// steps, e.g. "aws_subnet.a.id", "var.x", "local.y") without evaluating it; names bound by
// for-expressions and splat anchors are excluded. Used to build graph edges and dependency order.
std::vector<Traversal> CollectReferences(const parsers::hcl::Expression& expression);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_EVALUATOR_H_
