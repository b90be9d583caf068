#include "parsers/state/masks.h"

#include <utility>

namespace faultline::parsers::state {

using engine::Value;

namespace {

void CollectPaths(const Value& mask, std::vector<std::string>* path,
                  std::vector<std::vector<std::string>>* out) {
  if (mask.is_bool()) {
    if (mask.as_bool()) out->push_back(*path);
    return;
  }
  if (mask.is_map()) {
    for (const auto& [key, child] : mask.as_map()) {
      path->push_back(key);
      CollectPaths(child, path, out);
      path->pop_back();
    }
  } else if (mask.is_list()) {
    const engine::ValueList& elements = mask.as_list();
    for (size_t i = 0; i < elements.size(); ++i) {
      path->push_back(std::to_string(i));
      CollectPaths(elements[i], path, out);
      path->pop_back();
    }
  }
}

bool MarksAnything(const Value& mask) {
  if (mask.is_bool()) return mask.as_bool();
  if (mask.is_map()) {
    for (const auto& [key, child] : mask.as_map()) {
      if (MarksAnything(child)) return true;
    }
  } else if (mask.is_list()) {
    for (const Value& child : mask.as_list()) {
      if (MarksAnything(child)) return true;
    }
  }
  return false;
}

// `value` may be null when the value lacks the part (`present` false).
Value Apply(const Value& value, bool present, const Value& mask, const std::string& address,
            const std::string& path) {
  if (mask.is_bool()) {
    if (!mask.as_bool()) return value;
    // Located where the value had the part (e.g. a null placeholder), else at the mask's entry;
    // the origin is always the `true` that says it is unknown.
    return Value::Unknown("known after apply", present ? value.range() : mask.range(), address,
                          path)
        .WithOrigin(mask.origin());
  }
  if (!MarksAnything(mask)) return value;
  if (mask.is_map()) {
    engine::ValueMap entries;
    if (present && value.is_map()) entries = value.as_map();
    for (const auto& [key, child] : mask.as_map()) {
      if (!MarksAnything(child)) continue;
      std::string child_path = path.empty() ? key : path + "." + key;
      auto it = entries.find(key);
      if (it != entries.end()) {
        it->second = Apply(it->second, true, child, address, child_path);
      } else {
        entries.emplace(key, Apply(Value(), false, child, address, child_path));
      }
    }
    if (present && value.is_map()) {
      return Value::Map(std::move(entries), value.origin(), value.open_address())
          .WithRange(value.range());
    }
    return Value::Map(std::move(entries), mask.origin());
  }
  if (mask.is_list()) {
    engine::ValueList elements;
    if (present && value.is_list()) elements = value.as_list();
    const engine::ValueList& marks = mask.as_list();
    for (size_t i = 0; i < marks.size(); ++i) {
      std::string child_path = path + "[" + std::to_string(i) + "]";
      if (i < elements.size()) {
        elements[i] = Apply(elements[i], true, marks[i], address, child_path);
      } else {
        elements.push_back(Apply(Value(), false, marks[i], address, child_path));
      }
    }
    if (present && value.is_list()) {
      return Value::List(std::move(elements), value.origin()).WithRange(value.range());
    }
    return Value::List(std::move(elements), mask.origin());
  }
  return value;
}

}  // namespace

std::vector<std::vector<std::string>> MaskPaths(const Value& mask) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> path;
  CollectPaths(mask, &path, &out);
  return out;
}

Value ApplyUnknownMask(const Value& value, const Value& mask, const std::string& address) {
  return Apply(value, !value.is_null() || value.range().valid(), mask, address, "");
}

}  // namespace faultline::parsers::state
