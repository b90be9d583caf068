#include "engine/eval/functions.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/eval/builtins.h"

namespace faultline::engine::eval {

namespace {

constexpr uint64_t kElementCost = 4;    // evaluation steps charged per produced element
constexpr uint64_t kBytesPerStep = 16;  // string bytes produced per evaluation step

const Limits& DefaultLimits() {
  static const Limits limits;
  return limits;
}

using Table = std::unordered_map<std::string_view, const BuiltinSpec*>;

const Table& Functions() {
  static const Table table = [] {
    Table t;
    for (auto group :
         {StringBuiltins(), CollectionBuiltins(), NumericBuiltins(), ConversionBuiltins(),
          EncodingBuiltins(), FileBuiltins(), NetworkBuiltins()}) {
      for (const BuiltinSpec& spec : group) t.emplace(spec.name, &spec);
    }
    return t;
  }();
  return table;
}

std::string_view StripCoreNamespace(std::string_view name) {
  constexpr std::string_view kCore = "core::";
  if (name.substr(0, kCore.size()) == kCore) name.remove_prefix(kCore.size());
  return name;
}

}  // namespace

Call::Call(std::string_view name, const std::vector<Value>& args, EvalContext& context,
           SourceRange range, FunctionError* error)
    : name_(name),
      args_(args),
      context_(context),
      limits_(context.limits != nullptr ? context.limits : &DefaultLimits()),
      range_(range),
      error_(error) {}

Value Call::Fail(std::string message) {
  if (error_->message.empty()) error_->message = std::move(message);
  return Value::Unknown(error_->message, range_);
}

Value Call::LimitFail(std::string message) {
  if (error_->message.empty()) {
    error_->message = std::move(message);
    error_->limit_exceeded = true;
  }
  return Value::Unknown(error_->message, range_);
}

Value Call::Failed() const {
  return Value::Unknown(error_->message.empty() ? "function failed" : error_->message, range_);
}

Value Call::Result(Value value) const { return Derived(value.WithRange(range_)); }

Value Call::String(std::string text) {
  if (!CheckStringSize(text.size())) return Failed();
  if (!Charge(text.size() / kBytesPerStep)) return Failed();
  return Derived(Value::String(std::move(text), range_));
}

Value Call::Number(double number) const { return Derived(Value::Number(number, range_)); }

Value Call::Bool(bool value) const { return Derived(Value::Bool(value, range_)); }

Value Call::List(ValueList elements) {
  if (!CheckElements(elements.size())) return Failed();
  if (!Charge(elements.size() * kElementCost)) return Failed();
  return Derived(Value::List(std::move(elements), range_));
}

Value Call::Map(ValueMap entries) {
  if (!CheckElements(entries.size())) return Failed();
  if (!Charge(entries.size() * kElementCost)) return Failed();
  return Derived(Value::Map(std::move(entries), range_));
}

Value Call::UnknownResult(std::string reason) const {
  return Value::Unknown(std::move(reason), range_);
}

Value Call::Propagate(const Value& unknown) const {
  if (!unknown.is_unknown()) return UnknownResult("unknown argument");
  const UnknownInfo& info = unknown.unknown();
  return Value::Unknown(info.reason, range_, info.address, info.attribute);
}

bool Call::Charge(uint64_t units) {
  uint64_t before = context_.steps;
  context_.steps += units;
  if (context_.steps > limits_->max_eval_steps) {
    if (before <= limits_->max_eval_steps) {
      LimitFail("evaluation exceeded the limit of " + std::to_string(limits_->max_eval_steps) +
                " steps");
    } else {
      LimitFail("evaluation step limit exceeded");
    }
    return false;
  }
  return true;
}

bool Call::CheckStringSize(uint64_t bytes) {
  if (bytes > limits_->max_string_bytes) {
    LimitFail("result of " + std::string(name_) + " would be " + std::to_string(bytes) +
              " bytes, over the limit of " + std::to_string(limits_->max_string_bytes) + " bytes");
    return false;
  }
  return true;
}

bool Call::CheckElements(uint64_t count) {
  if (count > limits_->max_collection_elements) {
    LimitFail("result of " + std::string(name_) + " would have " + std::to_string(count) +
              " elements, over the limit of " + std::to_string(limits_->max_collection_elements));
    return false;
  }
  return true;
}

namespace {
std::string ArgLabel(size_t i) { return "argument " + std::to_string(i + 1); }
}  // namespace

bool Call::ArgString(size_t i, std::string* out) {
  std::string error;
  if (ToStringValue(args_[i], out, &error)) return true;
  Fail("invalid value for " + ArgLabel(i) + ": " + error);
  return false;
}

bool Call::ArgNumber(size_t i, double* out) {
  std::string error;
  if (ToNumberValue(args_[i], out, &error)) return true;
  Fail("invalid value for " + ArgLabel(i) + ": " + error);
  return false;
}

bool Call::ArgInteger(size_t i, int64_t* out) {
  double number;
  if (!ArgNumber(i, &number)) return false;
  if (number != std::floor(number) || std::fabs(number) > 9.007199254740992e15) {
    Fail("invalid value for " + ArgLabel(i) + ": a whole number is required, got " +
         FormatNumber(number));
    return false;
  }
  *out = static_cast<int64_t>(number);
  return true;
}

bool Call::ArgBool(size_t i, bool* out) {
  std::string error;
  if (ToBoolValue(args_[i], out, &error)) return true;
  Fail("invalid value for " + ArgLabel(i) + ": " + error);
  return false;
}

bool Call::ArgList(size_t i, const ValueList** out) {
  const Value& v = args_[i];
  if (v.is_list()) {
    *out = &v.as_list();
    return true;
  }
  if (v.is_null()) {
    Fail("invalid value for " + ArgLabel(i) + ": a list is required, but the value is null");
  } else {
    Fail("invalid value for " + ArgLabel(i) + ": a list is required, not " + TypeName(v));
  }
  return false;
}

bool Call::ArgMap(size_t i, const ValueMap** out) {
  const Value& v = args_[i];
  if (v.is_map()) {
    *out = &v.as_map();
    return true;
  }
  if (v.is_null()) {
    Fail("invalid value for " + ArgLabel(i) + ": a map is required, but the value is null");
  } else {
    Fail("invalid value for " + ArgLabel(i) + ": a map is required, not " + TypeName(v));
  }
  return false;
}

Value CallFunction(std::string_view name, const std::vector<Value>& args, EvalContext& context,
                   SourceRange range, FunctionError* error) {
  FunctionError local_error;
  if (error == nullptr) error = &local_error;
  *error = FunctionError{};
  std::string_view bare = StripCoreNamespace(name);
  const Table& table = Functions();
  auto it = table.find(bare);
  if (it == table.end()) {
    return Value::Unknown("unsupported function " + std::string(name), range);
  }
  const BuiltinSpec& spec = *it->second;
  Call call(spec.name, args, context, range, error);
  int count = static_cast<int>(args.size());
  if (count < spec.min_args || (spec.max_args >= 0 && count > spec.max_args)) {
    std::string expected;
    if (spec.max_args == spec.min_args) {
      expected = std::to_string(spec.min_args);
    } else if (spec.max_args < 0) {
      expected = "at least " + std::to_string(spec.min_args);
    } else {
      expected = std::to_string(spec.min_args) + " to " + std::to_string(spec.max_args);
    }
    return call.Fail("function " + std::string(spec.name) + " expects " + expected + " argument" +
                     (expected == "1" ? "" : "s") + ", got " + std::to_string(count));
  }
  if (!call.Charge(1)) return call.Failed();
  if (spec.unknowns != UnknownPolicy::kCustom) {
    for (const Value& arg : args) {
      Value found;
      if (spec.unknowns == UnknownPolicy::kDeep ? FindUnknown(arg, true, &found)
                                                : arg.is_unknown()) {
        Value unknown = call.Propagate(spec.unknowns == UnknownPolicy::kDeep ? found : arg);
        if (StripCoreNamespace(name) == "jsonencode" && unknown.is_unknown()) {
          // jsonencode of a partly unknown value: keep the value for rules (policies with one
          // computed ARN still show their literal actions).
          const UnknownInfo& info = unknown.unknown();
          return Value::PartlyUnknown(info.reason, arg, unknown.range(), info.address,
                                      info.attribute);
        }
        return unknown;
      }
    }
  }
  Value result = spec.function(call);
  if (call.failed() && !result.is_unknown()) return call.Failed();
  return result;
}

bool IsKnownFunction(std::string_view name) {
  if (name == "try" || name == "can") return true;
  std::string_view bare = StripCoreNamespace(name);
  if (bare == "try" || bare == "can") return true;
  if (bare.find("::") != std::string_view::npos) return false;
  return Functions().count(bare) > 0;
}

}  // namespace faultline::engine::eval
