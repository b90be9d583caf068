#include "engine/project/custom_rule.h"

#include <re2/re2.h>

#include <charconv>
#include <set>

#include "engine/k8s/objects.h"

namespace faultline::engine::project {

namespace {

// The attribute that made a test true: where the finding points.
struct Witness {
  std::string path;
  const Value* value = nullptr;
};

struct Hit {
  const Value* value;
  std::string path;
};

struct Resolution {
  std::vector<Hit> hits;  // values at the end of the path (absent branches contribute nothing)
  bool unknown = false;   // some branch crossed an Unknown before the end
};

void Walk(const Value& value, const std::vector<PathSegment>& path, size_t step, std::string prefix,
          Resolution* out) {
  if (step == path.size()) {
    out->hits.push_back(Hit{&value, std::move(prefix)});
    return;
  }
  if (value.is_unknown()) {
    out->unknown = true;
    return;
  }
  const PathSegment& segment = path[step];
  if (value.is_list()) {
    const ValueList& list = value.as_list();
    if (segment.kind == PathSegment::Kind::kIndex) {
      if (segment.index < list.size()) {
        Walk(list[segment.index], path, step + 1,
             prefix + "[" + std::to_string(segment.index) + "]", out);
      }
      return;
    }
    // [*], or a key applied to a list of blocks: every element.
    size_t next = segment.kind == PathSegment::Kind::kEach ? step + 1 : step;
    for (size_t i = 0; i < list.size(); ++i) {
      Walk(list[i], path, next, prefix + "[" + std::to_string(i) + "]", out);
    }
    return;
  }
  if (value.is_map()) {
    if (segment.kind == PathSegment::Kind::kEach) {
      for (const auto& [key, entry] : value.as_map()) {
        Walk(entry, path, step + 1, prefix.empty() ? key : prefix + "." + key, out);
      }
      return;
    }
    if (segment.kind == PathSegment::Kind::kKey) {
      if (const Value* entry = value.Get(segment.key)) {
        Walk(*entry, path, step + 1, prefix.empty() ? segment.key : prefix + "." + segment.key,
             out);
      }
    }
  }
  // Scalars and nulls have no children: the path is absent.
}

Truth Or(Truth a, Truth b) {
  if (a == Truth::kTrue || b == Truth::kTrue) return Truth::kTrue;
  if (a == Truth::kUnknown || b == Truth::kUnknown) return Truth::kUnknown;
  return Truth::kFalse;
}

Truth And(Truth a, Truth b) {
  if (a == Truth::kFalse || b == Truth::kFalse) return Truth::kFalse;
  if (a == Truth::kUnknown || b == Truth::kUnknown) return Truth::kUnknown;
  return Truth::kTrue;
}

Truth Not(Truth a) {
  if (a == Truth::kUnknown) return a;
  return a == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
}

bool ScalarText(const Value& value, std::string* out) {
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
    default:
      return false;
  }
}

// Known equality, converting between scalar kinds as Terraform and Kubernetes do ("3" == 3).
Truth Same(const Value& a, const Value& b) {
  if (!a.IsWhollyKnown() || !b.IsWhollyKnown()) return Truth::kUnknown;
  if (a.kind() == b.kind()) return a.Equals(b) ? Truth::kTrue : Truth::kFalse;
  std::string left, right;
  if (ScalarText(a, &left) && ScalarText(b, &right)) {
    return left == right ? Truth::kTrue : Truth::kFalse;
  }
  return Truth::kFalse;
}

bool NumberOf(const Value& value, double* out) {
  if (value.is_number()) {
    *out = value.as_number();
    return true;
  }
  if (value.is_string()) {
    const std::string& text = value.as_string();
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
  }
  return false;
}

// One attribute test on one value at the end of the path.
Truth TestValue(const Condition& c, const Value& value) {
  if (value.is_unknown()) return Truth::kUnknown;
  if (value.is_null()) return Truth::kFalse;
  switch (c.op) {
    case ConditionOp::kEquals:
      return Same(value, c.operand);
    case ConditionOp::kNotEquals:
      return Not(Same(value, c.operand));
    case ConditionOp::kIn: {
      Truth result = Truth::kFalse;
      for (const Value& option : c.operand.as_list()) result = Or(result, Same(value, option));
      return result;
    }
    case ConditionOp::kRegex: {
      std::string text;
      if (!ScalarText(value, &text)) return Truth::kFalse;
      return RE2::PartialMatch(text, *c.regex) ? Truth::kTrue : Truth::kFalse;
    }
    case ConditionOp::kGt:
    case ConditionOp::kLt: {
      double number = 0;
      if (!NumberOf(value, &number)) return Truth::kFalse;
      bool holds = c.op == ConditionOp::kGt ? number > c.number : number < c.number;
      return holds ? Truth::kTrue : Truth::kFalse;
    }
    case ConditionOp::kContains: {
      if (value.is_string()) {
        std::string needle;
        if (!ScalarText(c.operand, &needle)) return Truth::kFalse;
        return value.as_string().find(needle) != std::string::npos ? Truth::kTrue : Truth::kFalse;
      }
      if (value.is_list()) {
        Truth result = Truth::kFalse;
        for (const Value& element : value.as_list()) result = Or(result, Same(element, c.operand));
        return result;
      }
      if (value.is_map()) {
        std::string key;
        if (!ScalarText(c.operand, &key)) return Truth::kFalse;
        return value.Get(key) != nullptr ? Truth::kTrue : Truth::kFalse;
      }
      return Truth::kFalse;
    }
    default:
      return Truth::kFalse;
  }
}

bool TypeMatches(const Resource& resource, const std::vector<std::string>& types) {
  for (const std::string& type : types) {
    if (resource.type == type) return true;
    if (resource.kind == ResourceKind::kObject && k8s::KindOf(resource) == type) return true;
  }
  return false;
}

class Evaluator {
 public:
  explicit Evaluator(const ResourceGraph& graph) : graph_(graph) {}

  Truth Eval(const Condition& c, const Resource& resource, Witness* witness, int depth = 0) {
    switch (c.op) {
      case ConditionOp::kAll: {
        Truth result = Truth::kTrue;
        Witness first;
        for (const Condition& child : c.children) {
          Witness w;
          result = And(result, Eval(child, resource, &w, depth));
          if (result == Truth::kFalse) return result;
          if (first.value == nullptr && w.value != nullptr) first = w;
        }
        if (result == Truth::kTrue) *witness = first;
        return result;
      }
      case ConditionOp::kAny: {
        Truth result = Truth::kFalse;
        for (const Condition& child : c.children) {
          Witness w;
          Truth t = Eval(child, resource, &w, depth);
          if (t == Truth::kTrue) {
            *witness = w;
            return t;
          }
          result = Or(result, t);
        }
        return result;
      }
      case ConditionOp::kNot: {
        Witness ignored;
        Truth t = Not(Eval(c.children[0], resource, &ignored, depth));
        // `not` over an attribute test points at that attribute when it is there.
        const Condition& inner = c.children[0];
        if (t == Truth::kTrue && !inner.path.empty() && inner.op != ConditionOp::kConnected) {
          Resolution r;
          Walk(resource.attributes, inner.path, 0, "", &r);
          if (!r.hits.empty() && r.hits.front().value->range().valid()) {
            witness->path = r.hits.front().path;
            witness->value = r.hits.front().value;
          }
        }
        return t;
      }
      case ConditionOp::kConnected:
        return Connected(c, resource, depth);
      case ConditionOp::kExists:
      case ConditionOp::kAbsent: {
        Resolution r;
        Walk(resource.attributes, c.path, 0, "", &r);
        Truth exists = Truth::kFalse;
        for (const Hit& hit : r.hits) {
          Truth t = hit.value->is_unknown() ? Truth::kUnknown
                    : hit.value->is_null()  ? Truth::kFalse
                                            : Truth::kTrue;
          if (t == Truth::kTrue && c.op == ConditionOp::kExists && witness->value == nullptr) {
            witness->path = hit.path;
            witness->value = hit.value;
          }
          exists = Or(exists, t);
        }
        if (exists == Truth::kFalse && r.unknown) exists = Truth::kUnknown;
        return c.op == ConditionOp::kExists ? exists : Not(exists);
      }
      default: {
        Resolution r;
        Walk(resource.attributes, c.path, 0, "", &r);
        Truth result = r.unknown ? Truth::kUnknown : Truth::kFalse;
        for (const Hit& hit : r.hits) {
          Truth t = TestValue(c, *hit.value);
          if (t == Truth::kTrue) {
            witness->path = hit.path;
            witness->value = hit.value;
            return t;
          }
          result = Or(result, t);
        }
        return result;
      }
    }
  }

 private:
  Truth Connected(const Condition& c, const Resource& resource, int depth) {
    if (depth > 8) return Truth::kUnknown;
    std::set<ResourceId> seen;
    Truth result = Truth::kFalse;
    auto visit = [&](ResourceId other, EdgeKind kind) {
      if (!c.edge_kinds.empty() &&
          std::find(c.edge_kinds.begin(), c.edge_kinds.end(), kind) == c.edge_kinds.end()) {
        return;
      }
      if (other == resource.id || !seen.insert(other).second) return;
      const Resource& neighbour = graph_.resource(other);
      if (!TypeMatches(neighbour, c.types)) return;
      if (c.children.empty()) {
        result = Truth::kTrue;
        return;
      }
      Witness ignored;
      result = Or(result, Eval(c.children[0], neighbour, &ignored, depth + 1));
    };
    if (c.direction != ConnectionDirection::kIn) {
      for (const Edge& edge : graph_.OutEdges(resource.id)) visit(edge.to, edge.kind);
    }
    if (c.direction != ConnectionDirection::kOut) {
      for (const Edge& edge : graph_.InEdges(resource.id)) visit(edge.from, edge.kind);
    }
    return result;
  }

  const ResourceGraph& graph_;
};

std::string ExpandMessage(const std::string& text, const Resource& resource) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        std::string_view key(text.data() + i + 1, close - i - 1);
        if (key == "name" || key == "address" || key == "type") {
          out += key == "name"      ? resource.name
                 : key == "address" ? resource.address
                                    : resource.type;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

Truth CustomRule::Evaluate(const ResourceGraph& graph, const Resource& resource) const {
  Evaluator evaluator(graph);
  Witness witness;
  return evaluator.Eval(spec_.condition, resource, &witness);
}

void CustomRule::Check(const RuleContext& context, FindingSink& sink) const {
  const Resource& resource = context.resource;
  if (!spec_.kinds.empty() && !TypeMatches(resource, spec_.kinds)) return;
  Evaluator evaluator(context.graph);
  Witness witness;
  if (evaluator.Eval(spec_.condition, resource, &witness) != Truth::kTrue) return;
  sink.Report(witness.value != nullptr ? witness.path : "", witness.value,
              ExpandMessage(spec_.message, resource));
}

RuleList MakeCustomRules(std::vector<CustomRuleSpec> specs) {
  RuleList rules;
  for (CustomRuleSpec& spec : specs) rules.push_back(std::make_unique<CustomRule>(std::move(spec)));
  return rules;
}

}  // namespace faultline::engine::project
