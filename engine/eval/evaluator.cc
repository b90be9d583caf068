#include "engine/eval/evaluator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

#include "engine/eval/builtins.h"
#include "engine/eval/functions.h"
#include "engine/eval/value_ops.h"

namespace faultline::engine::eval {

namespace {

using parsers::hcl::Expression;
using parsers::hcl::ExpressionKind;
using parsers::hcl::Operator;
using parsers::hcl::TemplatePart;

constexpr uint64_t kIterationCost = 2;  // steps charged per for-expression iteration

const Limits& DefaultLimits() {
  static const Limits limits;
  return limits;
}

// The steps of a traversal ending at `last` (the GetAttr and Index nodes `is_step` accepts), from
// the root outwards, and the root they start from. Chains of up to 8 steps (nearly all) are held
// without allocating.
class StepChain {
 public:
  template <typename IsStep>
  StepChain(const Expression& last, IsStep is_step) {
    const Expression* node = &last;
    while (is_step(node)) {
      ++length_;
      node = node->operands[0].get();
    }
    root_ = node;
    if (length_ > kInlineSteps) {
      heap_.resize(length_);
      steps_ = heap_.data();
    }
    const Expression* step = &last;
    for (size_t i = length_; i > 0; --i) {
      steps_[i - 1] = step;
      step = step->operands[0].get();
    }
  }
  StepChain(const StepChain&) = delete;
  StepChain& operator=(const StepChain&) = delete;

  size_t size() const { return length_; }
  const Expression* operator[](size_t i) const { return steps_[i]; }
  const Expression* root() const { return root_; }

 private:
  static constexpr size_t kInlineSteps = 8;
  const Expression* inline_[kInlineSteps];
  std::vector<const Expression*> heap_;
  const Expression** steps_ = inline_;
  size_t length_ = 0;
  const Expression* root_ = nullptr;
};

SourceRange Span(const SourceRange& first, const SourceRange& last) {
  if (first.file == nullptr || first.file != last.file) return first.valid() ? first : last;
  return SourceRange{first.file, std::min(first.begin, last.begin), std::max(first.end, last.end)};
}

std::string OperatorText(Operator op) {
  switch (op) {
    case Operator::kAdd:
      return "+";
    case Operator::kSubtract:
      return "-";
    case Operator::kMultiply:
      return "*";
    case Operator::kDivide:
      return "/";
    case Operator::kModulo:
      return "%";
    case Operator::kEqual:
      return "==";
    case Operator::kNotEqual:
      return "!=";
    case Operator::kLess:
      return "<";
    case Operator::kLessEqual:
      return "<=";
    case Operator::kGreater:
      return ">";
    case Operator::kGreaterEqual:
      return ">=";
    case Operator::kAnd:
      return "&&";
    case Operator::kOr:
      return "||";
    case Operator::kNot:
      return "!";
    case Operator::kNegate:
      return "-";
  }
  return "?";
}

// Unknown that keeps the identity (reason, address) of `unknown` but sits at `range`.
Value Moved(const Value& unknown, SourceRange range) {
  const UnknownInfo& info = unknown.unknown();
  return Value::Unknown(info.reason, range, info.address, info.attribute);
}

class Evaluator {
 public:
  Evaluator(EvalContext& context, bool isolated)
      : ctx_(context),
        limits_(context.limits != nullptr ? context.limits : &DefaultLimits()),
        sink_(context.diagnostics),
        isolated_(isolated) {}

  void Bind(std::string_view name, const Value& value) { names_.emplace_back(name, value); }

  Value Eval(const Expression& e) {
    if (!Step(e.range, 1)) return Value::Unknown("evaluation step limit exceeded", e.range);
    DepthGuard guard(ctx_.depth);
    if (ctx_.depth > limits_->max_expression_depth) {
      if (!depth_reported_) {
        depth_reported_ = true;
        ReportLimit(e.range, "expression nesting exceeds the limit of " +
                                 std::to_string(limits_->max_expression_depth) + " levels");
      } else {
        ++limits_hit_;
      }
      return Value::Unknown("expression nesting limit exceeded", e.range);
    }
    switch (e.kind) {
      case ExpressionKind::kLiteral:
        return e.literal.WithRange(e.range).WithProvenance(Value::Provenance::kExplicit);
      case ExpressionKind::kTemplate:
        return EvalTemplate(e);
      case ExpressionKind::kVariable:
      case ExpressionKind::kGetAttr:
      case ExpressionKind::kIndex:
        return EvalTraversal(e);
      case ExpressionKind::kSplat:
        return EvalSplat(e);
      case ExpressionKind::kSplatAnchor:
        if (anchors_.empty()) return Error(e.range, "splat element used outside a splat");
        return anchors_.back();
      case ExpressionKind::kFunctionCall:
        return EvalCall(e);
      case ExpressionKind::kConditional:
        return EvalConditional(e);
      case ExpressionKind::kBinary:
        return EvalBinary(e);
      case ExpressionKind::kUnary:
        return EvalUnary(e);
      case ExpressionKind::kTuple:
        return EvalTuple(e);
      case ExpressionKind::kObject:
        return EvalObject(e);
      case ExpressionKind::kFor:
        return EvalFor(e);
      case ExpressionKind::kInvalid:
        return Value::Unknown(
            e.error().empty() ? "invalid expression" : "invalid expression: " + e.error(), e.range);
    }
    return Value::Unknown("invalid expression", e.range);
  }

 private:
  struct DepthGuard {
    explicit DepthGuard(uint32_t& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    uint32_t& depth_;
  };

  // ---- diagnostics and limits ----

  bool Step(const SourceRange& range, uint64_t units) {
    uint64_t before = ctx_.steps;
    ctx_.steps += units;
    if (ctx_.steps <= limits_->max_eval_steps) return true;
    if (before <= limits_->max_eval_steps) {
      ReportLimit(range, "evaluation exceeded the limit of " +
                             std::to_string(limits_->max_eval_steps) + " steps");
    } else {
      ++limits_hit_;
    }
    return false;
  }

  void ReportLimit(const SourceRange& range, std::string message) {
    ++limits_hit_;
    if (ctx_.diagnostics != nullptr) {
      ctx_.diagnostics->push_back(EvalDiagnostic{range, std::move(message), true});
    }
  }

  Value Error(const SourceRange& range, std::string message) {
    ++errors_;
    if (sink_ != nullptr) sink_->push_back(EvalDiagnostic{range, message, false});
    return Value::Unknown(std::move(message), range);
  }

  Value LimitError(const SourceRange& range, std::string message) {
    ReportLimit(range, message);
    return Value::Unknown(std::move(message), range);
  }

  // ---- names ----

  const Value* FindName(std::string_view name) const {
    for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
      if (it->first == name) return &it->second;
    }
    return nullptr;
  }

  struct ScopedNames {
    ScopedNames(Evaluator* ev) : ev_(ev), size_(ev->names_.size()) {}
    ~ScopedNames() { ev_->names_.resize(size_); }
    Evaluator* ev_;
    size_t size_;
  };

  // ---- traversals ----

  Value EvalTraversal(const Expression& e) {
    // The steps from the root outwards (StepChain).
    auto is_step = [](const Expression* x) {
      if (x->kind != ExpressionKind::kGetAttr && x->kind != ExpressionKind::kIndex) return false;
      if (x->operands.empty() || x->operands[0] == nullptr) return false;
      return x->kind != ExpressionKind::kIndex ||
             (x->operands.size() >= 2 && x->operands[1] != nullptr);
    };
    const StepChain chain(e, is_step);
    const size_t length = chain.size();
    const Expression* root = chain.root();
    if (root->kind == ExpressionKind::kGetAttr || root->kind == ExpressionKind::kIndex) {
      return Value::Unknown("invalid traversal", root->range);
    }
    if (length > 0 && !Step(e.range, length)) {
      return Value::Unknown("evaluation step limit exceeded", e.range);
    }

    // Index keys evaluated for the resolver are kept in traversal.steps (and the one that stopped
    // it, not a string or number, in stop_key): each key is evaluated once.
    Traversal traversal;
    Value stop_key;
    bool have_stop_key = false;
    Value base;
    size_t next = 0;  // first chain step not yet applied
    const Value* bound = root->kind == ExpressionKind::kVariable ? FindName(root->name) : nullptr;
    if (root->kind == ExpressionKind::kVariable && bound == nullptr) {
      if (isolated_) {
        return Error(root->range, "invalid template variable: the vars map does not contain \"" +
                                      root->name + "\"");
      }
      traversal.root = root->name;
      traversal.range = root->range;
      traversal.steps.reserve(length);
      for (size_t i = 0; i < length; ++i) {
        const Expression* step = chain[i];
        TraversalStep ts;
        ts.range = step->range;
        if (step->kind == ExpressionKind::kGetAttr) {
          ts.attribute = step->name;
        } else {
          Value key = Eval(*step->operands[1]);
          if (!key.is_string() && !key.is_number()) {
            stop_key = std::move(key);
            have_stop_key = true;
            break;
          }
          ts.key = std::move(key);
          ts.is_index = true;
        }
        traversal.steps.push_back(std::move(ts));
        traversal.range = Span(root->range, step->range);
      }
      size_t consumed = 0;
      if (ctx_.resolver != nullptr) {
        base = ctx_.resolver->Resolve(traversal, &consumed);
      } else {
        base = Value::Unknown("unresolved reference " + root->name, root->range);
      }
      next = std::min(consumed, traversal.steps.size());
    } else if (bound != nullptr) {
      base = *bound;
    } else {
      base = Eval(*root);
    }

    for (size_t i = next; i < length; ++i) {
      const Expression* step = chain[i];
      if (step->kind == ExpressionKind::kGetAttr) {
        base = GetAttr(base, step->name, step->range);
      } else if (i < traversal.steps.size()) {
        base = Index(base, traversal.steps[i].key, step->range);
      } else if (have_stop_key && i == traversal.steps.size()) {
        base = Index(base, stop_key, step->range);
      } else {
        Value key = Eval(*step->operands[1]);
        base = Index(base, key, step->range);
      }
    }
    return base;
  }

  Value GetAttr(const Value& base, const std::string& name, SourceRange range) {
    switch (base.kind()) {
      case Value::Kind::kUnknown:
        return Moved(base, range);
      case Value::Kind::kMap: {
        if (const Value* found = base.Get(name)) return *found;
        if (!base.open_address().empty()) {
          return Value::Unknown("computed attribute " + base.open_address() + "." + name, range,
                                base.open_address(), name);
        }
        return Error(
            range,
            "unsupported attribute: this object does not have an attribute named \"" + name + "\"");
      }
      case Value::Kind::kNull:
        return Error(range, "attempt to get attribute \"" + name + "\" from a null value");
      case Value::Kind::kList:
        return Error(range, "unsupported attribute: cannot access attribute \"" + name +
                                "\" on a list; use an index or a splat ([*])");
      default:
        return Error(range, "unsupported attribute: a " + TypeName(base) +
                                " value does not have attributes (\"" + name + "\")");
    }
  }

  Value Index(const Value& base, const Value& key, SourceRange range) {
    if (base.is_unknown()) return Moved(base, range);
    if (key.is_unknown()) return Moved(key, range);
    if (key.is_null()) return Error(range, "invalid index: the index value is null");
    switch (base.kind()) {
      case Value::Kind::kList: {
        double number;
        std::string error;
        if (!ToNumberValue(key, &number, &error)) {
          return Error(range,
                       "invalid index: a number is required to index a list (" + error + ")");
        }
        if (number != std::floor(number)) {
          return Error(range, "invalid index: " + FormatNumber(number) + " is not a whole number");
        }
        const ValueList& list = base.as_list();
        if (number < 0 || number >= static_cast<double>(list.size())) {
          return Error(range, "invalid index: index " + FormatNumber(number) +
                                  " is out of range for a list of " + std::to_string(list.size()) +
                                  " elements");
        }
        return list[static_cast<size_t>(number)];
      }
      case Value::Kind::kMap: {
        std::string name, error;
        if (!ToStringValue(key, &name, &error)) {
          return Error(range, "invalid index: a string is required to index a map (" + error + ")");
        }
        if (const Value* found = base.Get(name)) return *found;
        if (!base.open_address().empty()) {
          return Value::Unknown("computed attribute " + base.open_address() + "." + name, range,
                                base.open_address(), name);
        }
        return Error(
            range, "invalid index: the map does not have an element with the key \"" + name + "\"");
      }
      case Value::Kind::kNull:
        return Error(range, "invalid index: cannot index a null value");
      default:
        return Error(range, "invalid index: a " + TypeName(base) + " value cannot be indexed");
    }
  }

  Value EvalSplat(const Expression& e) {
    if (e.operands.empty() || e.operands[0] == nullptr)
      return Value::Unknown("invalid splat", e.range);
    Value source = Eval(*e.operands[0]);
    if (source.is_unknown()) return Moved(source, e.range);
    ValueList elements;
    if (source.is_null()) {
      // Terraform: a splat over null is an empty tuple.
    } else if (source.is_list()) {
      elements = source.as_list();
    } else {
      elements.push_back(source);  // a single value is treated as a one-element list
    }
    const Expression* each = e.operands.size() > 1 ? e.operands[1].get() : nullptr;
    ValueList results;
    results.reserve(elements.size());
    for (const Value& element : elements) {
      if (each == nullptr) {
        results.push_back(element);
        continue;
      }
      if (!Step(e.range, kIterationCost))
        return Value::Unknown("evaluation step limit exceeded", e.range);
      anchors_.push_back(element);
      results.push_back(Eval(*each));
      anchors_.pop_back();
    }
    return Derived(Value::List(std::move(results), e.range));
  }

  // ---- templates ----

  struct TemplateState {
    std::string out;
    bool unknown = false;
    Value first_unknown;
    bool failed = false;
    bool all_literal = true;
  };

  Value EvalTemplate(const Expression& e) {
    if (e.parts.size() == 1 && e.parts[0].kind == TemplatePart::Kind::kInterpolation &&
        e.parts[0].expression != nullptr) {
      return Eval(*e.parts[0].expression);  // "${x}" yields x unconverted
    }
    TemplateState state;
    AppendParts(e.parts, &state);
    if (state.failed) return Value::Unknown("template evaluation failed", e.range);
    if (state.unknown) {
      // Keep the known text, with each unknown part marked, so rules can still see literal
      // content beside an unknown interpolation (e.g. a heredoc JSON policy).
      const UnknownInfo& info = state.first_unknown.unknown();
      return Value::PartlyUnknown(info.reason, Value::String(std::move(state.out), e.range),
                                  e.range, info.address, info.attribute);
    }
    Value result = Value::String(std::move(state.out), e.range);
    return state.all_literal ? result : Derived(result);
  }

  void MarkUnknown(TemplateState* state, const Value& unknown) {
    if (!state->unknown) state->first_unknown = unknown;
    state->unknown = true;
    state->out += kUnknownText;
  }

  bool CheckTemplateSize(TemplateState* state, const SourceRange& range) {
    if (state->out.size() > limits_->max_string_bytes) {
      LimitError(range, "template result exceeds the limit of " +
                            std::to_string(limits_->max_string_bytes) + " bytes");
      state->failed = true;
      return false;
    }
    return true;
  }

  void AppendParts(const std::vector<TemplatePart>& parts, TemplateState* state) {
    DepthGuard guard(ctx_.depth);
    if (ctx_.depth > limits_->max_expression_depth) {
      if (!depth_reported_) {
        depth_reported_ = true;
        ReportLimit(parts.empty() ? SourceRange{} : parts[0].range,
                    "template nesting exceeds the limit of " +
                        std::to_string(limits_->max_expression_depth) + " levels");
      }
      state->failed = true;
      return;
    }
    for (const TemplatePart& part : parts) {
      if (state->failed) return;
      switch (part.kind) {
        case TemplatePart::Kind::kLiteral:
          state->out += part.text;
          CheckTemplateSize(state, part.range);
          break;
        case TemplatePart::Kind::kInterpolation: {
          state->all_literal = false;
          if (part.expression == nullptr) break;
          Value v = Eval(*part.expression);
          if (v.is_unknown()) {
            MarkUnknown(state, v);
            break;
          }
          if (v.is_null()) {
            Error(part.expression->range,
                  "invalid template interpolation value: the expression result is null; a null "
                  "value cannot be included in a string template");
            state->failed = true;
            return;
          }
          if (v.is_list() || v.is_map()) {
            Error(part.expression->range,
                  "invalid template interpolation value: cannot include a " + TypeName(v) +
                      " value in a string template; a string is required");
            state->failed = true;
            return;
          }
          std::string text, error;
          ToStringValue(v, &text, &error);
          if (state->out.size() + text.size() > limits_->max_string_bytes) {
            LimitError(part.range, "template result exceeds the limit of " +
                                       std::to_string(limits_->max_string_bytes) + " bytes");
            state->failed = true;
            return;
          }
          state->out += text;
          break;
        }
        case TemplatePart::Kind::kIf: {
          state->all_literal = false;
          if (part.expression == nullptr) break;
          Value c = Eval(*part.expression);
          if (c.is_unknown()) {
            MarkUnknown(state, c);
            break;
          }
          bool b;
          std::string error;
          if (!ToBoolValue(c, &b, &error)) {
            Error(part.expression->range, "invalid %{if} condition: " + error);
            state->failed = true;
            return;
          }
          AppendParts(b ? part.body : part.else_body, state);
          break;
        }
        case TemplatePart::Kind::kFor: {
          state->all_literal = false;
          if (part.expression == nullptr) break;
          Value collection = Eval(*part.expression);
          if (collection.is_unknown()) {
            MarkUnknown(state, collection);
            break;
          }
          std::vector<std::pair<Value, Value>> items;
          if (!Items(collection, part.expression->range, &items)) {
            state->failed = true;
            return;
          }
          for (auto& [key, value] : items) {
            if (!Step(part.range, kIterationCost)) {
              state->failed = true;
              return;
            }
            ScopedNames scope(this);
            if (!part.key_var.empty()) Bind(part.key_var, key);
            Bind(part.value_var, value);
            AppendParts(part.body, state);
            if (state->failed) return;
          }
          break;
        }
      }
    }
  }

  // Iteration items of a for expression or directive: (index, element) of a list, (key, value)
  // of a map. Reports an error for other values.
  bool Items(const Value& collection, SourceRange range,
             std::vector<std::pair<Value, Value>>* items) {
    if (collection.is_list()) {
      const ValueList& list = collection.as_list();
      items->reserve(list.size());
      for (size_t i = 0; i < list.size(); ++i) {
        items->emplace_back(Value::Number(static_cast<double>(i), list[i].range()), list[i]);
      }
      return true;
    }
    if (collection.is_map()) {
      for (const auto& [k, v] : collection.as_map()) {
        items->emplace_back(Value::String(k, v.range()), v);
      }
      return true;
    }
    if (collection.is_null()) {
      Error(range, "iteration over a null value: a for expression needs a list or a map");
    } else {
      Error(range, "a for expression can only iterate over a list or a map, not a " +
                       TypeName(collection));
    }
    return false;
  }

  // ---- calls ----

  Value EvalCall(const Expression& e) {
    std::string_view name = e.name;
    if (name.substr(0, 6) == "core::") name.remove_prefix(6);
    if (name == "try") return EvalTry(e);
    if (name == "can") return EvalCan(e);
    if (!IsKnownFunction(e.name)) {
      return Value::Unknown("unsupported function " + e.name, e.range);
    }
    if (isolated_ && name == "templatefile") {
      return Error(e.range, "cannot recursively call templatefile from inside a templatefile call");
    }
    std::vector<Value> args;
    args.reserve(e.operands.size());
    for (size_t i = 0; i < e.operands.size(); ++i) {
      if (e.operands[i] == nullptr) return Value::Unknown("invalid function argument", e.range);
      Value v = Eval(*e.operands[i]);
      if (e.flag && i + 1 == e.operands.size()) {
        if (v.is_unknown()) return Moved(v, e.range);
        if (!v.is_list()) {
          return Error(e.operands[i]->range,
                       "invalid expanding argument: the argument expanded "
                       "with ... must be a list, not " +
                           TypeName(v));
        }
        for (const Value& element : v.as_list()) args.push_back(element);
      } else {
        args.push_back(std::move(v));
      }
    }
    if (ctx_.steps > limits_->max_eval_steps) {  // already reported where it was crossed
      ++limits_hit_;
      return Value::Unknown("evaluation step limit exceeded", e.range);
    }
    FunctionError error;
    Value result = CallFunction(e.name, args, ctx_, e.range, &error);
    if (!error.message.empty()) {
      if (error.limit_exceeded) {
        ReportLimit(e.range, std::string(name) + ": " + error.message);
      } else {
        Error(e.range, "error in function call " + std::string(name) + ": " + error.message);
      }
      if (!result.is_unknown()) return Value::Unknown(error.message, e.range);
    }
    return result;
  }

  // Evaluates `e` with errors captured instead of reported. Returns true when it succeeded.
  bool EvalCaptured(const Expression& e, Value* out, std::string* first_error, bool* limited) {
    std::vector<EvalDiagnostic> captured;
    std::vector<EvalDiagnostic>* saved = sink_;
    uint64_t errors_before = errors_;
    uint64_t limits_before = limits_hit_;
    sink_ = &captured;
    *out = Eval(e);
    sink_ = saved;
    *limited = limits_hit_ != limits_before;
    bool ok = errors_ == errors_before;
    errors_ = errors_before;  // captured errors are not this evaluation's errors
    if (!ok && first_error->empty() && !captured.empty()) *first_error = captured.front().message;
    return ok;
  }

  Value EvalTry(const Expression& e) {
    if (e.operands.empty()) return Error(e.range, "try requires at least one argument");
    std::string first_error;
    for (const auto& operand : e.operands) {
      if (operand == nullptr) continue;
      Value v;
      bool limited = false;
      bool ok = EvalCaptured(*operand, &v, &first_error, &limited);
      if (limited) return Value::Unknown("evaluation limit exceeded", e.range);
      if (!ok) continue;
      Value unknown;
      if (FindUnknown(v, false, &unknown)) {
        const UnknownInfo& info = unknown.unknown();
        return Value::Unknown(info.reason, e.range, info.address, info.attribute);
      }
      return v;
    }
    return Error(e.range, "no expression given to try succeeded" +
                              (first_error.empty() ? std::string() : ": " + first_error));
  }

  Value EvalCan(const Expression& e) {
    if (e.operands.size() != 1 || e.operands[0] == nullptr) {
      return Error(e.range, "can requires exactly one argument");
    }
    Value v;
    std::string first_error;
    bool limited = false;
    bool ok = EvalCaptured(*e.operands[0], &v, &first_error, &limited);
    if (limited) return Value::Unknown("evaluation limit exceeded", e.range);
    if (!ok) return Derived(Value::Bool(false, e.range));
    Value unknown;
    if (FindUnknown(v, false, &unknown)) return Moved(unknown, e.range);
    return Derived(Value::Bool(true, e.range));
  }

  // ---- operators ----

  Value EvalConditional(const Expression& e) {
    if (e.operands.size() < 3 || !e.operands[0] || !e.operands[1] || !e.operands[2]) {
      return Value::Unknown("invalid conditional", e.range);
    }
    Value condition = Eval(*e.operands[0]);
    if (condition.is_unknown()) {
      const UnknownInfo& info = condition.unknown();
      return Value::Unknown("the condition is unknown (" + info.reason + ")", e.range, info.address,
                            info.attribute);
    }
    bool b;
    std::string error;
    if (!ToBoolValue(condition, &b, &error)) {
      return Error(e.operands[0]->range, "invalid conditional: " + error);
    }
    return Eval(*e.operands[b ? 1 : 2]);
  }

  Value EvalLogical(const Expression& e) {
    bool is_and = e.op == Operator::kAnd;
    Value left = Eval(*e.operands[0]);
    bool l = false;
    std::string error;
    if (!left.is_unknown()) {
      if (!ToBoolValue(left, &l, &error)) {
        return Error(e.operands[0]->range,
                     "invalid operand: unsuitable value for the left operand of " +
                         OperatorText(e.op) + ": " + error);
      }
      if (is_and ? !l : l) return Derived(Value::Bool(l, e.range));  // decided by the left
    }
    Value right = Eval(*e.operands[1]);
    bool r = false;
    if (!right.is_unknown()) {
      if (!ToBoolValue(right, &r, &error)) {
        return Error(e.operands[1]->range,
                     "invalid operand: unsuitable value for the right operand of " +
                         OperatorText(e.op) + ": " + error);
      }
      if (is_and ? !r : r) return Derived(Value::Bool(r, e.range));  // decided by the right
    }
    if (left.is_unknown()) return Moved(left, e.range);
    if (right.is_unknown()) return Moved(right, e.range);
    return Derived(Value::Bool(is_and ? (l && r) : (l || r), e.range));
  }

  Value EvalBinary(const Expression& e) {
    if (e.operands.size() < 2 || !e.operands[0] || !e.operands[1]) {
      return Value::Unknown("invalid binary expression", e.range);
    }
    if (e.op == Operator::kAnd || e.op == Operator::kOr) return EvalLogical(e);
    Value left = Eval(*e.operands[0]);
    Value right = Eval(*e.operands[1]);
    if (e.op == Operator::kEqual || e.op == Operator::kNotEqual) {
      Tri t = EqualsTri(left, right);
      if (t == Tri::kUnknown) {
        const Value& u = left.is_unknown() ? left : right.is_unknown() ? right : left;
        if (u.is_unknown()) return Moved(u, e.range);
        Value found;
        if (FindUnknown(left, true, &found) || FindUnknown(right, true, &found)) {
          return Moved(found, e.range);
        }
        return Value::Unknown("comparison with an unknown value", e.range);
      }
      bool equal = t == Tri::kTrue;
      return Derived(Value::Bool(e.op == Operator::kEqual ? equal : !equal, e.range));
    }
    if (left.is_unknown()) return Moved(left, e.range);
    if (right.is_unknown()) return Moved(right, e.range);
    double a, b;
    std::string error;
    if (!ToNumberValue(left, &a, &error)) {
      return Error(e.operands[0]->range,
                   "invalid operand: unsuitable value for the left operand of " +
                       OperatorText(e.op) + ": " + error);
    }
    if (!ToNumberValue(right, &b, &error)) {
      return Error(e.operands[1]->range,
                   "invalid operand: unsuitable value for the right operand of " +
                       OperatorText(e.op) + ": " + error);
    }
    switch (e.op) {
      case Operator::kAdd:
        return Derived(Value::Number(a + b, e.range));
      case Operator::kSubtract:
        return Derived(Value::Number(a - b, e.range));
      case Operator::kMultiply:
        return Derived(Value::Number(a * b, e.range));
      case Operator::kDivide:
        if (b == 0) return Error(e.range, "division by zero");
        return Derived(Value::Number(a / b, e.range));
      case Operator::kModulo:
        if (b == 0) return Error(e.range, "modulo by zero");
        return Derived(Value::Number(std::fmod(a, b), e.range));
      case Operator::kLess:
        return Derived(Value::Bool(a < b, e.range));
      case Operator::kLessEqual:
        return Derived(Value::Bool(a <= b, e.range));
      case Operator::kGreater:
        return Derived(Value::Bool(a > b, e.range));
      case Operator::kGreaterEqual:
        return Derived(Value::Bool(a >= b, e.range));
      default:
        return Value::Unknown("invalid binary operator", e.range);
    }
  }

  Value EvalUnary(const Expression& e) {
    if (e.operands.empty() || !e.operands[0])
      return Value::Unknown("invalid unary expression", e.range);
    Value operand = Eval(*e.operands[0]);
    if (operand.is_unknown()) return Moved(operand, e.range);
    std::string error;
    if (e.op == Operator::kNot) {
      bool b;
      if (!ToBoolValue(operand, &b, &error)) {
        return Error(e.operands[0]->range, "invalid operand for !: " + error);
      }
      return Derived(Value::Bool(!b, e.range));
    }
    double n;
    if (!ToNumberValue(operand, &n, &error)) {
      return Error(e.operands[0]->range, "invalid operand for unary -: " + error);
    }
    return Derived(Value::Number(-n, e.range));
  }

  // ---- constructors ----

  Value EvalTuple(const Expression& e) {
    ValueList elements;
    elements.reserve(e.operands.size());
    for (const auto& operand : e.operands) {
      if (operand == nullptr) continue;
      elements.push_back(Eval(*operand));
    }
    return Value::List(std::move(elements), e.range);
  }

  // Converts an evaluated object key to a string; false after reporting an error.
  bool KeyString(const Value& key, SourceRange range, std::string* out) {
    std::string error;
    if (key.is_null()) {
      Error(range, "invalid object key: the key is null");
      return false;
    }
    if (!ToStringValue(key, out, &error)) {
      Error(range, "invalid object key: a string is required, not " + TypeName(key));
      return false;
    }
    return true;
  }

  Value EvalObject(const Expression& e) {
    ValueMap entries;
    Value unknown_key;
    bool has_unknown_key = false;
    bool key_error = false;
    for (const auto& item : e.items) {
      if (item.key == nullptr || item.value == nullptr) continue;
      Value key = Eval(*item.key);
      if (key.is_unknown()) {
        if (!has_unknown_key) unknown_key = key;
        has_unknown_key = true;
        continue;
      }
      std::string name;
      if (!KeyString(key, item.key->range, &name)) {
        key_error = true;
        continue;
      }
      // As in HCL, a repeated key replaces the earlier value (no error).
      entries.insert_or_assign(std::move(name), Eval(*item.value));
    }
    if (has_unknown_key) {
      const UnknownInfo& info = unknown_key.unknown();
      return Value::Unknown("object key is unknown (" + info.reason + ")", e.range, info.address,
                            info.attribute);
    }
    if (key_error) return Value::Unknown("invalid object constructor", e.range);
    return Value::Map(std::move(entries), e.range);
  }

  Value EvalFor(const Expression& e) {
    if (e.operands.size() < 3 || e.operands[0] == nullptr || e.operands[2] == nullptr ||
        (e.for_object && e.operands[1] == nullptr)) {
      return Value::Unknown("invalid for expression", e.range);
    }
    Value collection = Eval(*e.operands[0]);
    if (collection.is_unknown()) return Moved(collection, e.range);
    if (collection.is_map() && !collection.open_address().empty()) {
      return Value::Unknown("iteration over resource instance " + collection.open_address() +
                                " with computed attributes",
                            e.range, collection.open_address());
    }
    std::vector<std::pair<Value, Value>> items;
    if (!Items(collection, e.operands[0]->range, &items)) {
      return Value::Unknown("invalid for expression collection", e.range);
    }
    const Expression* condition = e.operands.size() > 3 ? e.operands[3].get() : nullptr;
    ValueList list;
    ValueMap object;
    std::map<std::string, ValueList, std::less<>> groups;
    for (auto& [key, value] : items) {
      if (!Step(e.range, kIterationCost))
        return Value::Unknown("evaluation step limit exceeded", e.range);
      ScopedNames scope(this);
      if (!e.key_var().empty()) Bind(e.key_var(), key);
      Bind(e.value_var(), value);
      if (condition != nullptr) {
        Value c = Eval(*condition);
        if (c.is_unknown()) {
          const UnknownInfo& info = c.unknown();
          return Value::Unknown("for expression condition is unknown (" + info.reason + ")",
                                e.range, info.address, info.attribute);
        }
        bool keep;
        std::string error;
        if (!ToBoolValue(c, &keep, &error)) {
          return Error(condition->range, "invalid for expression condition: " + error);
        }
        if (!keep) continue;
      }
      if (!e.for_object) {
        list.push_back(Eval(*e.operands[2]));
        continue;
      }
      Value k = Eval(*e.operands[1]);
      if (k.is_unknown()) {
        const UnknownInfo& info = k.unknown();
        return Value::Unknown("for expression key is unknown (" + info.reason + ")", e.range,
                              info.address, info.attribute);
      }
      std::string name;
      if (!KeyString(k, e.operands[1]->range, &name)) {
        return Value::Unknown("invalid for expression key", e.range);
      }
      Value v = Eval(*e.operands[2]);
      if (e.flag) {
        groups[name].push_back(std::move(v));
      } else if (!object.emplace(name, std::move(v)).second) {
        return Error(e.operands[1]->range,
                     "duplicate object key \"" + name +
                         "\" in for expression; use the grouping mode (...) to collect values "
                         "with the same key");
      }
    }
    if (!e.for_object) return Derived(Value::List(std::move(list), e.range));
    if (e.flag) {
      for (auto& [name, values] : groups) {
        object.emplace(name, Derived(Value::List(std::move(values), e.range)));
      }
    }
    return Derived(Value::Map(std::move(object), e.range));
  }

  EvalContext& ctx_;
  const Limits* limits_;
  std::vector<EvalDiagnostic>* sink_;
  bool isolated_;
  uint64_t errors_ = 0;
  uint64_t limits_hit_ = 0;
  bool depth_reported_ = false;
  std::vector<std::pair<std::string_view, Value>> names_;
  std::vector<Value> anchors_;
};

// ---- CollectReferences ----

class ReferenceCollector {
 public:
  std::vector<Traversal> Take() { return std::move(out_); }

  void Walk(const Expression* e) {
    if (e == nullptr || depth_ >= kMaxDepth) return;  // syntax trees from parsers are shallower
    ++depth_;
    WalkNode(*e);
    --depth_;
  }

 private:
  static constexpr int kMaxDepth = 1024;

  void WalkNode(const Expression& node) {
    const Expression* e = &node;
    switch (e->kind) {
      case ExpressionKind::kVariable:
      case ExpressionKind::kGetAttr:
      case ExpressionKind::kIndex:
        WalkTraversal(*e);
        return;
      case ExpressionKind::kTemplate:
        WalkParts(e->parts);
        return;
      case ExpressionKind::kObject:
        for (const auto& item : e->items) {
          if (item.key != nullptr && item.key->kind != ExpressionKind::kLiteral)
            Walk(item.key.get());
          Walk(item.value.get());
        }
        return;
      case ExpressionKind::kFor: {
        if (!e->operands.empty()) Walk(e->operands[0].get());
        size_t mark = bound_.size();
        if (!e->key_var().empty()) bound_.push_back(e->key_var());
        bound_.push_back(e->value_var());
        for (size_t i = 1; i < e->operands.size(); ++i) Walk(e->operands[i].get());
        bound_.resize(mark);
        return;
      }
      default:
        for (const auto& operand : e->operands) Walk(operand.get());
        return;
    }
  }

  bool IsBound(const std::string& name) const {
    return std::find(bound_.begin(), bound_.end(), name) != bound_.end();
  }

  void WalkTraversal(const Expression& e) {
    // The steps from the root outwards (StepChain).
    auto is_step = [](const Expression* x) {
      return (x->kind == ExpressionKind::kGetAttr || x->kind == ExpressionKind::kIndex) &&
             !x->operands.empty() && x->operands[0] != nullptr;
    };
    const StepChain chain(e, is_step);
    const size_t length = chain.size();
    const Expression* root = chain.root();
    if (root->kind == ExpressionKind::kGetAttr || root->kind == ExpressionKind::kIndex) return;
    size_t included = 0;
    if (root->kind == ExpressionKind::kVariable && !IsBound(root->name)) {
      Traversal t;
      t.root = root->name;
      t.range = root->range;
      t.steps.reserve(length);
      for (size_t i = 0; i < length; ++i) {
        const Expression* step = chain[i];
        TraversalStep ts;
        ts.range = step->range;
        if (step->kind == ExpressionKind::kGetAttr) {
          ts.attribute = step->name;
        } else {
          const Expression* key = step->operands.size() > 1 ? step->operands[1].get() : nullptr;
          if (key == nullptr || key->kind != ExpressionKind::kLiteral ||
              !(key->literal.is_number() || key->literal.is_string())) {
            break;
          }
          ts.key = key->literal;
          ts.is_index = true;
        }
        t.steps.push_back(std::move(ts));
        t.range = Span(root->range, step->range);
        ++included;
      }
      out_.push_back(std::move(t));
    } else if (root->kind != ExpressionKind::kVariable) {
      Walk(root);
    }
    for (size_t i = included; i < length; ++i) {
      if (chain[i]->kind == ExpressionKind::kIndex && chain[i]->operands.size() > 1) {
        Walk(chain[i]->operands[1].get());
      }
    }
  }

  void WalkParts(const std::vector<TemplatePart>& parts) {
    for (const TemplatePart& part : parts) {
      switch (part.kind) {
        case TemplatePart::Kind::kLiteral:
          break;
        case TemplatePart::Kind::kInterpolation:
          Walk(part.expression.get());
          break;
        case TemplatePart::Kind::kIf:
          Walk(part.expression.get());
          WalkParts(part.body);
          WalkParts(part.else_body);
          break;
        case TemplatePart::Kind::kFor: {
          Walk(part.expression.get());
          size_t mark = bound_.size();
          if (!part.key_var.empty()) bound_.push_back(part.key_var);
          bound_.push_back(part.value_var);
          WalkParts(part.body);
          bound_.resize(mark);
          break;
        }
      }
    }
  }

  std::vector<std::string> bound_;
  std::vector<Traversal> out_;
  int depth_ = 0;
};

}  // namespace

Value EvaluateExpression(const parsers::hcl::Expression& expression, EvalContext& context) {
  Evaluator evaluator(context, /*isolated=*/false);
  return evaluator.Eval(expression);
}

Value EvaluateIsolated(const parsers::hcl::Expression& expression, EvalContext& context,
                       const ValueMap& names) {
  Evaluator evaluator(context, /*isolated=*/true);
  for (const auto& [name, value] : names) evaluator.Bind(name, value);
  return evaluator.Eval(expression);
}

std::vector<Traversal> CollectReferences(const parsers::hcl::Expression& expression) {
  ReferenceCollector collector;
  collector.Walk(&expression);
  return collector.Take();
}

}  // namespace faultline::engine::eval
