#include "engine/config/module_evaluator.h"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine/engine_rules.h"
#include "engine/eval/evaluator.h"
#include "parsers/hcl/parser.h"

namespace faultline::engine::config {

namespace hcl = parsers::hcl;
using eval::Traversal;

std::string FormatInstanceKey(const Value& key) {
  if (key.is_number()) return "[" + FormatNumber(key.as_number()) + "]";
  if (key.is_string()) {
    std::string out = "[\"";
    for (char c : key.as_string()) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    return out + "\"]";
  }
  return "[*]";  // unknown key
}

namespace {

enum class State : uint8_t { kNotStarted, kInProgress, kDone };

// The relative path from directory `from` to directory `to` (both normalised, same base).
std::string RelativePath(const std::string& from, const std::string& to) {
  auto split = [](const std::string& p) {
    std::vector<std::string> parts;
    if (p == ".") return parts;
    size_t i = 0;
    while (i <= p.size()) {
      size_t j = p.find('/', i);
      if (j == std::string::npos) j = p.size();
      if (j > i) parts.push_back(p.substr(i, j - i));
      i = j + 1;
    }
    return parts;
  };
  std::vector<std::string> a = split(from), b = split(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < b.size(); ++i) out += (out.empty() ? "" : "/") + b[i];
  return out.empty() ? "." : out;
}

bool IsLocalSource(const std::string& source) {
  return source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0 || source == "." ||
         source == "..";
}

// Meta-arguments that are not part of a resource's attributes.
bool IsMetaAttribute(std::string_view name) {
  return name == "count" || name == "for_each" || name == "depends_on" || name == "provider" ||
         name == "providers";
}
bool IsMetaBlock(std::string_view type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}

// Variables from a tfvars file may not refer to anything.
class NoReferences : public eval::ReferenceResolver {
 public:
  Value Resolve(const Traversal& traversal, size_t* consumed) override {
    *consumed = 0;
    return Value::Unknown("references are not allowed here (" + traversal.root + ")",
                          traversal.range);
  }
};

struct InstanceContext {
  bool has_count = false;
  bool has_each = false;
  Value count_index;
  Value each_key;
  Value each_value;
};

class RootEvaluation;
class ModuleInstance;

struct Instance {
  Value key;         // null when the declaration has neither count nor for_each
  Value each_value;  // for_each value
  std::string address;
  State state = State::kNotStarted;
  Value attributes;  // map
};

struct Declaration {
  const hcl::Block* block = nullptr;
  ResourceKind kind = ResourceKind::kManaged;
  std::string type;
  std::string name;
  std::string base_address;  // "module.a.aws_x.y" / "module.a.data.aws_x.y"
  State expansion = State::kNotStarted;
  bool has_count = false;
  bool has_for_each = false;
  bool expansion_unknown = false;
  std::vector<Instance> instances;
};

struct CallInstance {
  Value key;
  Value each_value;
  std::string address;  // "module.a" or "module.a[0]"
  std::unique_ptr<ModuleInstance> child;
};

struct ModuleCall {
  const hcl::Block* block = nullptr;
  std::string name;
  std::string source;
  std::string child_dir;  // empty when the source is not available
  std::string base_address;
  State expansion = State::kNotStarted;
  bool has_count = false;
  bool has_for_each = false;
  bool expansion_unknown = false;
  std::vector<CallInstance> instances;
};

struct Variable {
  const hcl::Block* block = nullptr;
  State state = State::kNotStarted;
  Value value;
};

struct Local {
  const hcl::Attribute* attribute = nullptr;
  State state = State::kNotStarted;
  Value value;
};

struct Output {
  const hcl::Block* block = nullptr;
  State state = State::kNotStarted;
  Value value;
};

// State shared by every module instance of one root module evaluation.
class RootEvaluation {
 public:
  RootEvaluation(const std::string& dir, ModuleLoader& loader, const Limits& limits,
                 const FileProvider& files)
      : dir_(dir), loader_(loader), limits_(limits), files_(files) {
    context_.limits = &limits_;
    context_.files = &files_;
    context_.module_dir = dir_;
    context_.diagnostics = &diagnostics_;
    LoadModulesJson();
  }

  Value Evaluate(const hcl::Expression& expression, eval::ReferenceResolver* resolver) {
    eval::ReferenceResolver* saved = context_.resolver;
    context_.resolver = resolver;
    Value v = eval::EvaluateExpression(expression, context_);
    context_.resolver = saved;
    return v;
  }

  void Diagnose(const char* id, SourceRange range, std::string message) {
    if (!range.valid()) return;
    findings_.push_back(MakeEngineFinding(id, range, std::move(message)));
  }

  // The directory of a remote module call from modules.json ("" when not installed).
  std::string InstalledModuleDir(const std::string& key) const {
    auto it = installed_modules_.find(key);
    return it == installed_modules_.end() ? "" : it->second;
  }

  const std::string& dir() const { return dir_; }
  ModuleLoader& loader() { return loader_; }
  const Limits& limits() const { return limits_; }
  std::vector<Finding>& findings() { return findings_; }

  // Converts the evaluator's diagnostics collected so far into findings.
  void FlushDiagnostics() {
    for (const eval::EvalDiagnostic& d : diagnostics_) {
      Diagnose(d.limit_exceeded ? kLimitExceededId : kEvaluationErrorId, d.range, d.message);
    }
    diagnostics_.clear();
  }

 private:
  void LoadModulesJson() {
    std::string path = JoinPath(dir_, ".terraform/modules/modules.json");
    if (files_.Stat(path) != EntryType::kFile) return;
    ReadResult read = files_.ReadFile(path, limits_.max_file_bytes);
    if (read.status != ReadResult::Status::kOk) return;
    nlohmann::json doc = nlohmann::json::parse(read.text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object() || !doc.contains("Modules") || !doc["Modules"].is_array()) return;
    for (const nlohmann::json& m : doc["Modules"]) {
      if (!m.is_object()) continue;
      auto key = m.find("Key");
      auto module_dir = m.find("Dir");
      if (key == m.end() || module_dir == m.end() || !key->is_string() ||
          !module_dir->is_string()) {
        continue;
      }
      installed_modules_[key->get<std::string>()] = JoinPath(dir_, module_dir->get<std::string>());
    }
  }

  std::string dir_;
  ModuleLoader& loader_;
  const Limits& limits_;
  const FileProvider& files_;
  eval::EvalContext context_;
  std::vector<eval::EvalDiagnostic> diagnostics_;
  std::vector<Finding> findings_;
  std::map<std::string, std::string> installed_modules_;
};

class ModuleInstance : public eval::ReferenceResolver {
 public:
  // `inputs` are the variable values given by the caller (root: external inputs).
  ModuleInstance(RootEvaluation& root, const Module& module, std::string address,
                 std::string module_key, int depth)
      : root_(root),
        module_(module),
        address_(std::move(address)),
        module_key_(std::move(module_key)),
        depth_(depth) {
    Index();
  }

  // Root inputs: already-evaluated values by variable name.
  void SetInputValue(const std::string& name, Value value) { inputs_[name] = std::move(value); }
  // Child inputs: the caller's module block, evaluated lazily in the caller.
  void SetCaller(ModuleInstance* caller, const hcl::Block* call, InstanceContext call_context) {
    caller_ = caller;
    call_block_ = call;
    call_context_ = std::move(call_context);
  }

  const Module& module() const { return module_; }
  const std::map<std::string, Variable>& variables() const { return variables_; }

  Value Resolve(const Traversal& t, size_t* consumed) override {
    *consumed = 0;
    const std::string& root = t.root;
    // dynamic-block iterators shadow everything else.
    for (auto it = iterators_.rbegin(); it != iterators_.rend(); ++it) {
      if (it->first == root) return it->second;
    }
    auto step_name = [&](size_t i) -> const std::string* {
      if (i >= t.steps.size() || t.steps[i].is_index) return nullptr;
      return &t.steps[i].attribute;
    };
    if (root == "var") {
      const std::string* name = step_name(0);
      if (!name) return Value::Unknown("var used without a name", t.range);
      *consumed = 1;
      return VariableValue(*name, t.range);
    }
    if (root == "local") {
      const std::string* name = step_name(0);
      if (!name) return Value::Unknown("local used without a name", t.range);
      *consumed = 1;
      return LocalValue(*name, t.range);
    }
    if (root == "count") {
      *consumed = step_name(0) ? 1 : 0;
      if (!context_.has_count) {
        return Value::Unknown("count.index used outside a counted block", t.range);
      }
      return context_.count_index;
    }
    if (root == "each") {
      const std::string* name = step_name(0);
      if (!name) return Value::Unknown("each used without key or value", t.range);
      *consumed = 1;
      if (!context_.has_each) {
        return Value::Unknown("each." + *name + " used outside a for_each block", t.range);
      }
      return *name == "key" ? context_.each_key : context_.each_value;
    }
    if (root == "path") {
      const std::string* name = step_name(0);
      if (!name) return Value::Unknown("path used without an attribute", t.range);
      *consumed = 1;
      if (*name == "module") return Value::String(RelativePath(root_.dir(), module_.dir));
      if (*name == "root" || *name == "cwd") return Value::String(".");
      return Value::Unknown("unknown path attribute path." + *name, t.range);
    }
    if (root == "terraform") {
      const std::string* name = step_name(0);
      *consumed = name ? 1 : 0;
      if (name && *name == "workspace") return Value::String("default");
      return Value::Unknown("terraform metadata is not known", t.range);
    }
    if (root == "self") {
      return Value::Unknown("self refers to the resource being created", t.range);
    }
    if (root == "module") {
      const std::string* name = step_name(0);
      if (!name) return Value::Unknown("module used without a name", t.range);
      return ModuleReference(*name, t, consumed);
    }
    if (root == "data") {
      const std::string* type = step_name(0);
      const std::string* name = step_name(1);
      if (!type || !name) return Value::Unknown("incomplete data source reference", t.range);
      auto it = data_.find(*type + "." + *name);
      if (it == data_.end()) {
        *consumed = 2;
        return Value::Unknown("reference to undeclared data source data." + *type + "." + *name,
                              t.range);
      }
      return DeclarationReference(it->second, t, 2, consumed);
    }
    const std::string* name = step_name(0);
    if (!name) return Value::Unknown("unknown name " + root, t.range);
    auto it = resources_.find(root + "." + *name);
    if (it == resources_.end()) {
      *consumed = 1;
      return Value::Unknown("reference to undeclared resource " + root + "." + *name, t.range);
    }
    return DeclarationReference(it->second, t, 1, consumed);
  }

  // Evaluates everything and appends nodes/edges to `out`; `module_node` is the id of the
  // module call node that contains this instance (or -1 for the root).
  void Materialize(EvaluationOutput& out, int64_t module_node);

 private:
  void Index();
  Value VariableValue(const std::string& name, SourceRange at);
  Value LocalValue(const std::string& name, SourceRange at);
  Value OutputValue(const std::string& name, SourceRange at);
  Value ModuleReference(const std::string& name, const Traversal& t, size_t* consumed);
  Value DeclarationReference(Declaration& decl, const Traversal& t, size_t first_step,
                             size_t* consumed);
  Value InstanceObject(Declaration& decl, Instance& instance);
  void Expand(Declaration& decl);
  void ExpandCall(ModuleCall& call);
  // Evaluates count/for_each of a block into instance keys. Returns false when unknown.
  bool ExpandKeys(const hcl::Block& block, const std::string& what,
                  std::vector<std::pair<Value, Value>>* keys, bool* has_count, bool* has_for_each);
  Value EvaluateBody(const hcl::Body& body, bool top_level, SourceRange range);
  // The entries of EvaluateBody's map.
  ValueMap EvaluateBodyMap(const hcl::Body& body, bool top_level);
  void ExpandDynamic(const hcl::Block& block, std::map<std::string, ValueList>* lists,
                     std::map<std::string, SourceRange>* first_range);
  Value EvaluateIn(const hcl::Expression& expression, const InstanceContext& context);
  Value Evaluate(const hcl::Expression& expression) { return root_.Evaluate(expression, this); }
  Value CallOutputs(CallInstance& instance, SourceRange at);
  std::string Prefix() const { return address_.empty() ? "" : address_ + "."; }

  RootEvaluation& root_;
  const Module& module_;
  std::string address_;     // "" for the root, "module.a", "module.a[\"x\"].module.b"
  std::string module_key_;  // modules.json key: "" for root, "a", "a.b"
  int depth_;
  ModuleInstance* caller_ = nullptr;
  const hcl::Block* call_block_ = nullptr;
  InstanceContext call_context_;
  std::map<std::string, Value> inputs_;

  InstanceContext context_;  // the instance whose body is being evaluated
  std::vector<std::pair<std::string, Value>> iterators_;

  std::map<std::string, Variable> variables_;
  std::map<std::string, Local> locals_;
  std::map<std::string, Output> outputs_;
  std::map<std::string, Declaration> resources_;  // "type.name"
  std::map<std::string, Declaration> data_;       // "type.name"
  std::map<std::string, ModuleCall> calls_;
  std::vector<std::string> resource_order_, data_order_, call_order_;
  std::vector<const hcl::Block*> providers_, terraform_blocks_;
};

void ModuleInstance::Index() {
  for (const hcl::Block* block : module_.blocks) {
    const std::string& type = block->type;
    const auto& labels = block->labels;
    if (type == "variable" && labels.size() == 1) {
      variables_.try_emplace(labels[0], Variable{block, State::kNotStarted, Value()});
    } else if (type == "locals") {
      for (const hcl::Attribute& attr : block->body.attributes) {
        if (!locals_.try_emplace(attr.name, Local{&attr, State::kNotStarted, Value()}).second) {
          root_.Diagnose(kEvaluationErrorId, attr.name_range,
                         "duplicate local value \"" + attr.name + "\"");
        }
      }
    } else if (type == "output" && labels.size() == 1) {
      outputs_.try_emplace(labels[0], Output{block, State::kNotStarted, Value()});
    } else if ((type == "resource" || type == "data") && labels.size() == 2) {
      bool is_data = type == "data";
      Declaration decl;
      decl.block = block;
      decl.kind = is_data ? ResourceKind::kData : ResourceKind::kManaged;
      decl.type = labels[0];
      decl.name = labels[1];
      decl.base_address = Prefix() + (is_data ? "data." : "") + labels[0] + "." + labels[1];
      auto& table = is_data ? data_ : resources_;
      std::string key = labels[0] + "." + labels[1];
      if (table.try_emplace(key, std::move(decl)).second) {
        (is_data ? data_order_ : resource_order_).push_back(key);
      } else {
        root_.Diagnose(
            kEvaluationErrorId, block->header_range,
            "duplicate " + std::string(is_data ? "data source" : "resource") + " " + key);
      }
    } else if (type == "module" && labels.size() == 1) {
      ModuleCall call;
      call.block = block;
      call.name = labels[0];
      call.base_address = Prefix() + "module." + labels[0];
      if (calls_.try_emplace(labels[0], std::move(call)).second) call_order_.push_back(labels[0]);
    } else if (type == "provider") {
      providers_.push_back(block);
    } else if (type == "terraform") {
      terraform_blocks_.push_back(block);
    }
  }
}

// Converts an input value to a variable's primitive type constraint, as Terraform does.
// Converts a primitive value to a primitive type, as Terraform does ("3" -> 3 for number).
Value ConvertPrimitive(const std::string& t, const Value& value) {
  if (t == "number" && value.is_string()) {
    const std::string& s = value.as_string();
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) {
      return Value::Number(d, value.range()).WithOrigin(value.origin());
    }
  } else if (t == "bool" && value.is_string()) {
    if (value.as_string() == "true") {
      return Value::Bool(true, value.range()).WithOrigin(value.origin());
    }
    if (value.as_string() == "false") {
      return Value::Bool(false, value.range()).WithOrigin(value.origin());
    }
  } else if (t == "string" && (value.is_number() || value.is_bool())) {
    std::string s =
        value.is_bool() ? (value.as_bool() ? "true" : "false") : FormatNumber(value.as_number());
    return Value::String(s, value.range()).WithOrigin(value.origin());
  }
  return value;
}

// Converts a variable's value to its type constraint, as Terraform does: primitives convert,
// object({...}) keeps exactly its declared attributes, filling absent ones with their
// optional() default (or null), and list/set/map(T) convert each element. `evaluate` evaluates
// optional() defaults. Values that do not fit are returned as they are (Terraform would reject
// them; the engine does not guess). Bounded by `depth`.
template <typename Evaluate>
Value ConvertToType(const hcl::Expression* type, const Value& value, Evaluate&& evaluate,
                    int depth = 0) {
  if (type == nullptr || value.is_unknown() || depth > 64) return value;
  if (type->kind == hcl::ExpressionKind::kVariable) return ConvertPrimitive(type->name, value);
  if (type->kind != hcl::ExpressionKind::kFunctionCall || type->operands.empty()) return value;
  const std::string& constructor = type->name;
  const hcl::Expression* inner = type->operands[0].get();
  if (constructor == "optional") {
    if (value.is_null() && type->operands.size() > 1 && type->operands[1]) {
      return ConvertToType(inner, evaluate(*type->operands[1]), evaluate, depth + 1);
    }
    return ConvertToType(inner, value, evaluate, depth + 1);
  }
  if (value.is_null()) return value;
  if ((constructor == "list" || constructor == "set") && value.is_list()) {
    ValueList out;
    for (const Value& element : value.as_list()) {
      out.push_back(ConvertToType(inner, element, evaluate, depth + 1));
    }
    return Value::List(std::move(out), value.range()).WithOrigin(value.origin());
  }
  if (constructor == "map" && value.is_map()) {
    ValueMap out;
    for (const auto& [key, element] : value.as_map()) {
      out.emplace(key, ConvertToType(inner, element, evaluate, depth + 1));
    }
    return Value::Map(std::move(out), value.range()).WithOrigin(value.origin());
  }
  if (constructor == "object" && value.is_map() && inner->kind == hcl::ExpressionKind::kObject) {
    ValueMap out;
    for (const hcl::ObjectItem& item : inner->items) {
      if (!item.key || item.key->kind != hcl::ExpressionKind::kLiteral ||
          !item.key->literal.is_string()) {
        return value;  // a computed attribute name: not a type the engine understands
      }
      const std::string& name = item.key->literal.as_string();
      const Value* present = value.Get(name);
      out.emplace(name, ConvertToType(item.value.get(), present ? *present : Value::Null(),
                                      evaluate, depth + 1));
    }
    return Value::Map(std::move(out), value.range()).WithOrigin(value.origin());
  }
  return value;
}

Value ModuleInstance::VariableValue(const std::string& name, SourceRange at) {
  auto it = variables_.find(name);
  if (it == variables_.end()) {
    return Value::Unknown("reference to undeclared variable var." + name, at);
  }
  Variable& var = it->second;
  if (var.state == State::kDone) return var.value;
  if (var.state == State::kInProgress) {
    return Value::Unknown("variable var." + name + " refers to itself", at);
  }
  var.state = State::kInProgress;
  const hcl::Attribute* type_attr = var.block->body.FindAttribute("type");
  const hcl::Expression* type = type_attr ? type_attr->value.get() : nullptr;
  Value value;
  bool have = false;
  auto input = inputs_.find(name);
  if (input != inputs_.end()) {
    value = input->second;
    have = true;
  } else if (caller_ != nullptr && call_block_ != nullptr) {
    if (const hcl::Attribute* arg = call_block_->body.FindAttribute(name)) {
      value = caller_->EvaluateIn(*arg->value, call_context_);
      have = true;
    }
  }
  if (!have || (value.is_null() && !value.is_unknown())) {
    // An explicit null input also falls back to the default (nullable = false semantics are
    // the common case for defaults that matter).
    if (const hcl::Attribute* def = var.block->body.FindAttribute("default")) {
      Value d = Evaluate(*def->value).WithProvenance(Value::Provenance::kDefaulted);
      if (!have || !d.is_null()) value = d;
      have = true;
    }
  }
  if (!have) {
    value = Value::Unknown("variable var." + name + " has no value", var.block->header_range,
                           Prefix() + "var." + name);
  }
  var.value = ConvertToType(type, value, [this](const hcl::Expression& e) { return Evaluate(e); });
  var.state = State::kDone;
  return var.value;
}

Value ModuleInstance::LocalValue(const std::string& name, SourceRange at) {
  auto it = locals_.find(name);
  if (it == locals_.end()) return Value::Unknown("reference to undeclared local." + name, at);
  Local& local = it->second;
  if (local.state == State::kDone) return local.value;
  if (local.state == State::kInProgress) {
    root_.Diagnose(kEvaluationErrorId, local.attribute->name_range,
                   "local value \"" + name + "\" depends on itself (cycle between locals)");
    return Value::Unknown("cycle through local." + name, at);
  }
  local.state = State::kInProgress;
  InstanceContext saved = context_;
  context_ = InstanceContext{};
  Value value = Evaluate(*local.attribute->value);
  context_ = saved;
  if (local.state == State::kInProgress) {
    local.value = value;
    local.state = State::kDone;
  }
  return local.value;
}

Value ModuleInstance::OutputValue(const std::string& name, SourceRange at) {
  auto it = outputs_.find(name);
  if (it == outputs_.end()) {
    return Value::Unknown("reference to undeclared output " + name + " of " + address_, at,
                          address_, name);
  }
  Output& output = it->second;
  if (output.state == State::kDone) return output.value;
  if (output.state == State::kInProgress) {
    return Value::Unknown("output " + name + " of " + address_ + " refers to itself", at);
  }
  output.state = State::kInProgress;
  const hcl::Attribute* value_attr = output.block->body.FindAttribute("value");
  InstanceContext saved = context_;
  context_ = InstanceContext{};
  output.value = value_attr ? Evaluate(*value_attr->value) : Value::Null();
  context_ = saved;
  output.state = State::kDone;
  return output.value;
}

Value ModuleInstance::EvaluateIn(const hcl::Expression& expression,
                                 const InstanceContext& context) {
  InstanceContext saved = context_;
  auto saved_iterators = std::move(iterators_);
  iterators_.clear();
  context_ = context;
  Value v = Evaluate(expression);
  context_ = saved;
  iterators_ = std::move(saved_iterators);
  return v;
}

bool ModuleInstance::ExpandKeys(const hcl::Block& block, const std::string& what,
                                std::vector<std::pair<Value, Value>>* keys, bool* has_count,
                                bool* has_for_each) {
  const hcl::Attribute* count = block.body.FindAttribute("count");
  const hcl::Attribute* for_each = block.body.FindAttribute("for_each");
  *has_count = count != nullptr;
  *has_for_each = for_each != nullptr && count == nullptr;
  uint64_t max = root_.limits().max_instances;
  if (count != nullptr) {
    Value n = EvaluateIn(*count->value, InstanceContext{});
    if (n.is_string()) {
      char* end = nullptr;
      double d = std::strtod(n.as_string().c_str(), &end);
      if (!n.as_string().empty() && end == n.as_string().c_str() + n.as_string().size()) {
        n = Value::Number(d, n.range());
      }
    }
    if (n.is_unknown()) return false;
    if (!n.is_number() || n.as_number() < 0 ||
        n.as_number() != static_cast<int64_t>(n.as_number())) {
      root_.Diagnose(
          kEvaluationErrorId, count->range,
          "count of " + what + " must be a whole non-negative number, not " + n.ToDisplayString());
      return true;  // no instances
    }
    uint64_t total = static_cast<uint64_t>(n.as_number());
    if (total > max) {
      root_.Diagnose(kLimitExceededId, count->range,
                     "count of " + what + " is " + std::to_string(total) + ", over the limit of " +
                         std::to_string(max) + " instances; only the first are analysed");
      total = max;
    }
    for (uint64_t i = 0; i < total; ++i) {
      keys->emplace_back(Value::Number(static_cast<double>(i)), Value());
    }
    return true;
  }
  if (for_each != nullptr) {
    Value collection = EvaluateIn(*for_each->value, InstanceContext{});
    if (collection.is_unknown()) return false;
    if (collection.is_map()) {
      for (const auto& [k, v] : collection.as_map()) {
        if (keys->size() >= max) break;
        keys->emplace_back(Value::String(k), v);
      }
      return true;
    }
    if (collection.is_list()) {
      std::set<std::string> seen;
      for (const Value& element : collection.as_list()) {
        if (element.is_unknown()) return false;
        if (!element.is_string()) {
          root_.Diagnose(kEvaluationErrorId, for_each->range,
                         "for_each of " + what + " must be a map or a set of strings");
          keys->clear();
          return true;
        }
        if (keys->size() >= max) break;
        if (seen.insert(element.as_string()).second) {
          keys->emplace_back(Value::String(element.as_string()), element);
        }
      }
      std::sort(keys->begin(), keys->end(), [](const auto& a, const auto& b) {
        return a.first.as_string() < b.first.as_string();
      });
      return true;
    }
    root_.Diagnose(kEvaluationErrorId, for_each->range,
                   "for_each of " + what + " must be a map or a set of strings, not " +
                       std::string(Value::KindName(collection.kind())));
    return true;
  }
  keys->emplace_back(Value(), Value());
  return true;
}

void ModuleInstance::Expand(Declaration& decl) {
  if (decl.expansion != State::kNotStarted) return;
  decl.expansion = State::kInProgress;
  std::vector<std::pair<Value, Value>> keys;
  bool known =
      ExpandKeys(*decl.block, decl.base_address, &keys, &decl.has_count, &decl.has_for_each);
  if (!known) {
    decl.expansion_unknown = true;
    Instance instance;
    instance.key = Value::Unknown("the instance key of " + decl.base_address + " is unknown");
    instance.each_value =
        Value::Unknown("each.value of " + decl.base_address + " is unknown (for_each unknown)");
    instance.address = decl.base_address + "[*]";
    decl.instances.push_back(std::move(instance));
  } else {
    for (auto& [key, each_value] : keys) {
      Instance instance;
      instance.address =
          decl.base_address + ((decl.has_count || decl.has_for_each) ? FormatInstanceKey(key) : "");
      instance.key = std::move(key);
      instance.each_value = std::move(each_value);
      decl.instances.push_back(std::move(instance));
    }
  }
  decl.expansion = State::kDone;
}

Value ModuleInstance::InstanceObject(Declaration& decl, Instance& instance) {
  if (instance.state == State::kInProgress) {
    return Value::Unknown("cycle through " + instance.address, decl.block->header_range,
                          instance.address);
  }
  if (instance.state == State::kNotStarted) {
    instance.state = State::kInProgress;
    InstanceContext context;
    context.has_count = decl.has_count;
    context.has_each = decl.has_for_each;
    if (decl.has_count) context.count_index = instance.key;
    if (decl.has_for_each) {
      context.each_key = instance.key;
      context.each_value = instance.each_value;
    }
    if (decl.expansion_unknown) {
      context.has_count = decl.has_count;
      context.has_each = decl.has_for_each;
      context.count_index = instance.key;
      context.each_key = instance.key;
      context.each_value = instance.each_value;
    }
    InstanceContext saved = context_;
    auto saved_iterators = std::move(iterators_);
    iterators_.clear();
    context_ = context;
    ValueMap entries = EvaluateBodyMap(decl.block->body, true);
    context_ = saved;
    iterators_ = std::move(saved_iterators);
    // Stored once as an open map: attributes not written in the configuration are computed.
    instance.attributes = Value::Map(std::move(entries), decl.block->range, instance.address);
    instance.state = State::kDone;
  }
  return instance.attributes;
}

Value ModuleInstance::DeclarationReference(Declaration& decl, const Traversal& t, size_t first_step,
                                           size_t* consumed) {
  Expand(decl);
  *consumed = first_step;
  if (decl.expansion == State::kInProgress) {
    return Value::Unknown("cycle through " + decl.base_address, t.range, decl.base_address);
  }
  if (!decl.has_count && !decl.has_for_each) {
    if (decl.instances.empty()) return Value::Null();
    return InstanceObject(decl, decl.instances[0]);
  }
  if (decl.expansion_unknown) {
    *consumed = first_step;
    if (first_step < t.steps.size() && t.steps[first_step].is_index) *consumed = first_step + 1;
    return Value::Unknown("instances of " + decl.base_address + " are unknown (count/for_each)",
                          t.range, decl.base_address);
  }
  // An index step with a known key selects one instance.
  if (first_step < t.steps.size() && t.steps[first_step].is_index) {
    const Value& key = t.steps[first_step].key;
    for (Instance& instance : decl.instances) {
      bool match = false;
      if (decl.has_count && key.is_number()) match = instance.key.as_number() == key.as_number();
      if (decl.has_for_each && key.is_string()) match = instance.key.as_string() == key.as_string();
      if (match) {
        *consumed = first_step + 1;
        return InstanceObject(decl, instance);
      }
    }
    return Value::List({});  // let the evaluator report the bad index on the collection
  }
  if (decl.has_count) {
    ValueList list;
    for (Instance& instance : decl.instances) list.push_back(InstanceObject(decl, instance));
    return Value::List(std::move(list), decl.block->range);
  }
  ValueMap map;
  for (Instance& instance : decl.instances) {
    map.emplace(instance.key.as_string(), InstanceObject(decl, instance));
  }
  return Value::Map(std::move(map), decl.block->range);
}

Value ModuleInstance::CallOutputs(CallInstance& instance, SourceRange at) {
  if (!instance.child) {
    return Value::Unknown("outputs of " + instance.address + " are not available", at,
                          instance.address);
  }
  ValueMap outputs;
  for (const auto& [name, output] : instance.child->outputs_) {
    outputs.emplace(name, instance.child->OutputValue(name, at));
  }
  return Value::Map(std::move(outputs), at, instance.address);
}

Value ModuleInstance::ModuleReference(const std::string& name, const Traversal& t,
                                      size_t* consumed) {
  auto it = calls_.find(name);
  *consumed = 1;
  if (it == calls_.end()) {
    return Value::Unknown("reference to undeclared module module." + name, t.range);
  }
  ModuleCall& call = it->second;
  ExpandCall(call);
  if (call.expansion == State::kInProgress) {
    return Value::Unknown("cycle through module." + name, t.range, call.base_address);
  }
  auto output_of = [&](CallInstance& instance, size_t step) -> Value {
    if (step < t.steps.size() && !t.steps[step].is_index) {
      *consumed = step + 1;
      if (!instance.child) {
        return Value::Unknown("output " + t.steps[step].attribute + " of " + instance.address +
                                  " is not known (module source not available)",
                              t.range, instance.address, t.steps[step].attribute);
      }
      return instance.child->OutputValue(t.steps[step].attribute, t.range);
    }
    *consumed = step;
    return CallOutputs(instance, t.range);
  };
  if (call.expansion_unknown) {
    return Value::Unknown("instances of module." + name + " are unknown (count/for_each)", t.range,
                          call.base_address);
  }
  if (!call.has_count && !call.has_for_each) {
    if (call.instances.empty()) return Value::Null();
    return output_of(call.instances[0], 1);
  }
  if (1 < t.steps.size() && t.steps[1].is_index) {
    const Value& key = t.steps[1].key;
    for (CallInstance& instance : call.instances) {
      bool match =
          (call.has_count && key.is_number() && instance.key.as_number() == key.as_number()) ||
          (call.has_for_each && key.is_string() && instance.key.as_string() == key.as_string());
      if (match) return output_of(instance, 2);
    }
    return Value::List({});
  }
  if (call.has_count) {
    ValueList list;
    for (CallInstance& instance : call.instances) list.push_back(CallOutputs(instance, t.range));
    return Value::List(std::move(list), t.range);
  }
  ValueMap map;
  for (CallInstance& instance : call.instances) {
    map.emplace(instance.key.as_string(), CallOutputs(instance, t.range));
  }
  return Value::Map(std::move(map), t.range);
}

void ModuleInstance::ExpandCall(ModuleCall& call) {
  if (call.expansion != State::kNotStarted) return;
  call.expansion = State::kInProgress;
  const hcl::Attribute* source = call.block->body.FindAttribute("source");
  Value source_value = source ? EvaluateIn(*source->value, InstanceContext{}) : Value();
  std::string child_key = module_key_.empty() ? call.name : module_key_ + "." + call.name;
  if (source_value.is_string()) {
    call.source = source_value.as_string();
    std::string installed = root_.InstalledModuleDir(child_key);
    if (!installed.empty()) {
      call.child_dir = installed;
    } else if (IsLocalSource(call.source)) {
      call.child_dir = JoinPath(module_.dir, call.source);
    }
  }
  SourceRange at = source ? source->range : call.block->header_range;
  if (call.child_dir.empty()) {
    root_.Diagnose(kModuleNotLoadedId, at,
                   "module \"" + call.name + "\": source " +
                       (call.source.empty() ? std::string("is not a literal string")
                                            : "\"" + call.source + "\" is not available locally") +
                       "; its outputs are unknown (run `terraform init` to analyse it)");
  } else if (depth_ + 1 > static_cast<int>(root_.limits().max_module_depth)) {
    root_.Diagnose(kLimitExceededId, at,
                   "module \"" + call.name + "\" is nested deeper than " +
                       std::to_string(root_.limits().max_module_depth) +
                       " levels; it is not analysed");
    call.child_dir.clear();
  }
  const Module* child_module = nullptr;
  if (!call.child_dir.empty()) {
    child_module = &root_.loader().Get(call.child_dir);
    if (child_module->empty()) {
      root_.Diagnose(kModuleNotLoadedId, at,
                     "module \"" + call.name + "\": no Terraform files in " + call.child_dir);
      child_module = nullptr;
    }
  }
  std::vector<std::pair<Value, Value>> keys;
  bool known =
      ExpandKeys(*call.block, call.base_address, &keys, &call.has_count, &call.has_for_each);
  if (!known) {
    call.expansion_unknown = true;
    keys.clear();
    keys.emplace_back(Value::Unknown("the instance key of " + call.base_address + " is unknown"),
                      Value::Unknown("each.value of " + call.base_address + " is unknown"));
  }
  for (auto& [key, each_value] : keys) {
    CallInstance instance;
    instance.address =
        call.base_address +
        (call.expansion_unknown
             ? "[*]"
             : ((call.has_count || call.has_for_each) ? FormatInstanceKey(key) : ""));
    instance.key = key;
    instance.each_value = each_value;
    if (child_module != nullptr) {
      instance.child = std::make_unique<ModuleInstance>(root_, *child_module, instance.address,
                                                        child_key, depth_ + 1);
      InstanceContext context;
      context.has_count = call.has_count;
      context.has_each = call.has_for_each;
      context.count_index = key;
      context.each_key = key;
      context.each_value = each_value;
      instance.child->SetCaller(this, call.block, context);
    }
    call.instances.push_back(std::move(instance));
  }
  call.expansion = State::kDone;
}

void ModuleInstance::ExpandDynamic(const hcl::Block& block, std::map<std::string, ValueList>* lists,
                                   std::map<std::string, SourceRange>* first_range) {
  if (block.labels.size() != 1) return;
  const std::string& label = block.labels[0];
  std::string iterator = label;
  if (const hcl::Attribute* it = block.body.FindAttribute("iterator")) {
    if (it->value && it->value->kind == hcl::ExpressionKind::kVariable) iterator = it->value->name;
  }
  const hcl::Block* content = block.body.FindBlock("content");
  if (content == nullptr) return;
  const hcl::Attribute* for_each = block.body.FindAttribute("for_each");
  Value collection = for_each ? Evaluate(*for_each->value) : Value::Unknown("no for_each");
  std::vector<std::pair<Value, Value>> elements;
  if (collection.is_map()) {
    for (const auto& [k, v] : collection.as_map()) elements.emplace_back(Value::String(k), v);
  } else if (collection.is_list()) {
    for (size_t i = 0; i < collection.as_list().size(); ++i) {
      elements.emplace_back(Value::Number(static_cast<double>(i)), collection.as_list()[i]);
    }
  } else if (collection.is_null()) {
    // no blocks
  } else {
    // Unknown (or invalid) collection: evaluate the content once with an unknown iterator, so
    // literal settings in the content are still seen.
    elements.emplace_back(Value::Unknown("dynamic block key is unknown"),
                          Value::Unknown("dynamic block value is unknown"));
  }
  if (!first_range->count(label)) (*first_range)[label] = block.range;
  ValueList& list = (*lists)[label];
  uint64_t max = root_.limits().max_instances;
  for (auto& [key, value] : elements) {
    if (list.size() >= max) break;
    ValueMap iter;
    iter.emplace("key", key);
    iter.emplace("value", value);
    iterators_.emplace_back(iterator, Value::Map(std::move(iter)));
    list.push_back(EvaluateBody(content->body, false, content->range));
    iterators_.pop_back();
  }
}

Value ModuleInstance::EvaluateBody(const hcl::Body& body, bool top_level, SourceRange range) {
  return Value::Map(EvaluateBodyMap(body, top_level), range);
}

ValueMap ModuleInstance::EvaluateBodyMap(const hcl::Body& body, bool top_level) {
  ValueMap map;
  for (const hcl::Attribute& attr : body.attributes) {
    if (top_level && IsMetaAttribute(attr.name)) continue;
    map.insert_or_assign(attr.name, Evaluate(*attr.value).WithRange(attr.range));
  }
  std::map<std::string, ValueList> lists;
  std::map<std::string, SourceRange> first_range;
  for (const hcl::Block& block : body.blocks) {
    if (top_level && IsMetaBlock(block.type)) continue;
    if (block.type == "dynamic") {
      ExpandDynamic(block, &lists, &first_range);
      continue;
    }
    if (!first_range.count(block.type)) first_range[block.type] = block.range;
    lists[block.type].push_back(EvaluateBody(block.body, false, block.range));
  }
  for (auto& [type, list] : lists) {
    if (map.count(type)) continue;  // an attribute of the same name wins
    map.emplace(type, Value::List(std::move(list), first_range[type]));
  }
  return map;
}

// Static references of an expression, resolved to graph node keys of this module instance.
struct NodeKeys {
  std::vector<std::string> keys;  // "var.x", "local.y", "module.m", "aws_x.y", "data.t.n"
};

// Appends (key, attribute path) pairs to `*out`.
void AppendReferenceKeys(const hcl::Expression& expression, const std::string& path,
                         std::vector<std::pair<std::string, std::string>>* out) {
  for (const Traversal& t : eval::CollectReferences(expression)) {
    auto attr = [&](size_t i) -> const std::string* {
      if (i >= t.steps.size() || t.steps[i].is_index) return nullptr;
      return &t.steps[i].attribute;
    };
    const std::string& r = t.root;
    if (r == "count" || r == "each" || r == "path" || r == "self" || r == "terraform") continue;
    if (r == "var" || r == "local" || r == "module") {
      if (const std::string* n = attr(0)) out->emplace_back(r + "." + *n, path);
    } else if (r == "data") {
      const std::string* type = attr(0);
      const std::string* name = attr(1);
      if (type && name) out->emplace_back("data." + *type + "." + *name, path);
    } else if (const std::string* n = attr(0)) {
      out->emplace_back(r + "." + *n, path);
    }
  }
}

std::vector<std::pair<std::string, std::string>> ReferenceKeys(const hcl::Expression& expression,
                                                               const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  AppendReferenceKeys(expression, path, &out);
  return out;
}

void CollectBodyReferences(const hcl::Body& body, bool top_level, const std::string& prefix,
                           std::vector<std::pair<std::string, std::string>>* out) {
  for (const hcl::Attribute& attr : body.attributes) {
    std::string path = prefix.empty() ? attr.name : prefix + "." + attr.name;
    if (top_level &&
        (attr.name == "count" || attr.name == "for_each" || attr.name == "depends_on")) {
      path = attr.name;
    }
    if (top_level && attr.name == "provider") continue;
    AppendReferenceKeys(*attr.value, path, out);
  }
  for (const hcl::Block& block : body.blocks) {
    if (top_level && (block.type == "provisioner" || block.type == "connection")) continue;
    std::string name =
        block.type == "dynamic" && !block.labels.empty() ? block.labels[0] : block.type;
    CollectBodyReferences(block.body, false, prefix.empty() ? name : prefix + "." + name, out);
  }
}

void ModuleInstance::Materialize(EvaluationOutput& out, int64_t module_node) {
  // Node key -> ids. Unordered: the edges made from it are sorted by ResourceGraph::Finalize.
  std::unordered_map<std::string, std::vector<ResourceId>> ids;
  auto add = [&](Resource r, const std::string& key) -> ResourceId {
    ResourceId id = static_cast<ResourceId>(out.resources.size());
    r.id = id;
    r.module_address = address_;
    r.module_dir = root_.dir();
    r.origin = Origin::kConfig;
    out.resources.push_back(std::move(r));
    ids[key].push_back(id);
    if (module_node >= 0) {
      out.edges.push_back(Edge{static_cast<ResourceId>(module_node), id, EdgeKind::kContains, ""});
    }
    return id;
  };
  // Variables, locals, outputs.
  for (auto& [name, var] : variables_) {
    Resource r;
    r.kind = ResourceKind::kVariable;
    r.name = name;
    r.address = Prefix() + "var." + name;
    ValueMap attrs;
    attrs.emplace("value", VariableValue(name, var.block->header_range));
    r.attributes = Value::Map(std::move(attrs), var.block->range);
    r.range = var.block->range;
    r.header = var.block->header_range;
    add(std::move(r), "var." + name);
  }
  for (auto& [name, local] : locals_) {
    Resource r;
    r.kind = ResourceKind::kLocal;
    r.name = name;
    r.address = Prefix() + "local." + name;
    ValueMap attrs;
    attrs.emplace("value",
                  LocalValue(name, local.attribute->range).WithRange(local.attribute->range));
    r.attributes = Value::Map(std::move(attrs), local.attribute->range);
    r.range = local.attribute->range;
    r.header = local.attribute->name_range;
    add(std::move(r), "local." + name);
  }
  for (auto& [name, output] : outputs_) {
    Resource r;
    r.kind = ResourceKind::kOutput;
    r.name = name;
    r.address = Prefix() + "output." + name;
    const hcl::Attribute* value_attr = output.block->body.FindAttribute("value");
    ValueMap attrs;
    Value v = OutputValue(name, output.block->header_range);
    attrs.emplace("value", value_attr ? v.WithRange(value_attr->range) : v);
    r.attributes = Value::Map(std::move(attrs), output.block->range);
    r.range = output.block->range;
    r.header = output.block->header_range;
    add(std::move(r), "output." + name);
  }
  for (const hcl::Block* block : providers_) {
    Resource r;
    r.kind = ResourceKind::kProvider;
    r.type = block->labels.empty() ? "" : block->labels[0];
    r.name = r.type;
    r.attributes = EvaluateBody(block->body, false, block->range);
    std::string alias;
    if (const Value* a = r.attributes.Get("alias"); a && a->is_string()) alias = a->as_string();
    r.address = Prefix() + "provider." + r.type + (alias.empty() ? "" : "." + alias);
    r.range = block->range;
    r.header = block->header_range;
    add(std::move(r), "provider." + r.type);
  }
  for (const hcl::Block* block : terraform_blocks_) {
    Resource r;
    r.kind = ResourceKind::kTerraform;
    r.name = "terraform";
    r.address = Prefix() + "terraform";
    r.attributes = EvaluateBody(block->body, false, block->range);
    r.range = block->range;
    r.header = block->header_range;
    add(std::move(r), "terraform");
  }
  // Resources and data sources.
  auto add_declarations = [&](std::map<std::string, Declaration>& table,
                              const std::vector<std::string>& order,
                              const std::string& key_prefix) {
    for (const std::string& key : order) {
      Declaration& decl = table.at(key);
      Expand(decl);
      for (Instance& instance : decl.instances) {
        Value object = InstanceObject(decl, instance);
        Resource r;
        r.kind = decl.kind;
        r.type = decl.type;
        r.name = decl.name;
        r.address = instance.address;
        r.index_key = (decl.has_count || decl.has_for_each) ? instance.key : Value();
        r.attributes = instance.attributes;
        r.range = decl.block->range;
        r.header = decl.block->header_range;
        add(std::move(r), key_prefix + key);
      }
    }
  };
  add_declarations(resources_, resource_order_, "");
  add_declarations(data_, data_order_, "data.");
  // Module calls and their children.
  std::vector<std::pair<ModuleInstance*, ResourceId>> children;
  for (const std::string& name : call_order_) {
    ModuleCall& call = calls_.at(name);
    ExpandCall(call);
    for (CallInstance& instance : call.instances) {
      Resource r;
      r.kind = ResourceKind::kModule;
      r.type = "module";
      r.name = name;
      r.address = instance.address;
      r.index_key = (call.has_count || call.has_for_each) ? instance.key : Value();
      ValueMap attrs;
      for (const hcl::Attribute& attr : call.block->body.attributes) {
        if (IsMetaAttribute(attr.name)) continue;
        InstanceContext context;
        context.has_count = call.has_count;
        context.has_each = call.has_for_each;
        context.count_index = instance.key;
        context.each_key = instance.key;
        context.each_value = instance.each_value;
        attrs.insert_or_assign(attr.name, EvaluateIn(*attr.value, context).WithRange(attr.range));
      }
      r.attributes = Value::Map(std::move(attrs), call.block->range);
      r.range = call.block->range;
      r.header = call.block->header_range;
      ResourceId id = add(std::move(r), "module." + name);
      if (instance.child) children.emplace_back(instance.child.get(), id);
    }
  }
  // Edges from static references.
  auto link = [&](ResourceId from, const std::vector<std::pair<std::string, std::string>>& refs) {
    for (const auto& [key, path] : refs) {
      auto it = ids.find(key);
      if (it == ids.end()) continue;
      for (ResourceId to : it->second) {
        if (to != from) out.edges.push_back(Edge{from, to, EdgeKind::kReferences, path});
      }
    }
  };
  for (auto& [key, list] : ids) {
    // Every instance of a node key comes from the same declaration: collect its references once.
    if (list.empty()) continue;
    {
      const Resource& r = out.resources[list.front()];
      std::vector<std::pair<std::string, std::string>> refs;
      switch (r.kind) {
        case ResourceKind::kManaged:
        case ResourceKind::kData: {
          auto& table = r.kind == ResourceKind::kData ? data_ : resources_;
          CollectBodyReferences(table.at(r.type + "." + r.name).block->body, true, "", &refs);
          break;
        }
        case ResourceKind::kLocal:
          refs = ReferenceKeys(*locals_.at(r.name).attribute->value, "value");
          break;
        case ResourceKind::kOutput:
          CollectBodyReferences(outputs_.at(r.name).block->body, false, "", &refs);
          break;
        case ResourceKind::kModule:
          CollectBodyReferences(calls_.at(r.name).block->body, true, "", &refs);
          break;
        default:
          break;
      }
      for (ResourceId id : list) link(id, refs);
    }
  }
  root_.FlushDiagnostics();
  for (auto& [child, id] : children) child->Materialize(out, id);
}

}  // namespace

EvaluationOutput EvaluateRootModule(const std::string& dir, ModuleLoader& loader,
                                    const RootInputs& inputs, const Limits& limits,
                                    const FileProvider& files) {
  EvaluationOutput out;
  RootEvaluation root(dir, loader, limits, files);
  const Module& module = loader.Get(dir, /*keep=*/false);
  ModuleInstance instance(root, module, "", "", 0);

  // Root variable values, lowest precedence first; later assignments win.
  std::map<std::string, Value> values;
  NoReferences no_references;
  auto type_of = [&](const std::string& name) -> const hcl::Expression* {
    auto it = instance.variables().find(name);
    if (it == instance.variables().end()) return nullptr;
    const hcl::Attribute* type = it->second.block->body.FindAttribute("type");
    return type ? type->value.get() : nullptr;
  };
  // A raw string from the environment or --var: a string for string-typed (or untyped)
  // variables, otherwise an HCL expression.
  auto from_text = [&](const std::string& name, const std::string& text) -> Value {
    const hcl::Expression* type = type_of(name);
    bool is_string =
        type == nullptr || (type->kind == hcl::ExpressionKind::kVariable && type->name == "string");
    if (is_string) return Value::String(text);
    SourceFile source("<value of " + name + ">", text);
    std::vector<hcl::ParseDiagnostic> diagnostics;
    hcl::ExpressionPtr expression = hcl::ParseExpression(source, &diagnostics);
    if (!expression || !diagnostics.empty()) return Value::String(text);
    // The synthetic source dies here: drop locations.
    Value v = root.Evaluate(*expression, &no_references);
    return v.is_unknown() ? Value::String(text) : v.WithRange({}).WithOrigin({});
  };
  for (const auto& [name, text] : inputs.environment) {
    if (instance.variables().count(name)) values[name] = from_text(name, text);
  }
  auto apply_file = [&](const hcl::ConfigFile* file) {
    for (const hcl::Attribute& attr : file->body.attributes) {
      values[attr.name] = root.Evaluate(*attr.value, &no_references).WithRange(attr.range);
    }
  };
  for (const hcl::ConfigFile* file : module.tfvars) apply_file(file);
  for (const hcl::ConfigFile* file : inputs.var_files) apply_file(file);
  for (const auto& [name, text] : inputs.vars) values[name] = from_text(name, text);
  for (auto& [name, value] : values) {
    if (instance.variables().count(name)) instance.SetInputValue(name, value);
  }
  instance.Materialize(out, -1);
  root.FlushDiagnostics();
  out.findings = std::move(root.findings());
  return out;
}

}  // namespace faultline::engine::config
