#include "rules/common/known_values.h"

#include <charconv>
#include <cmath>

namespace faultline::rules {

std::optional<bool> KnownBool(const engine::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_bool()) return value->as_bool();
  if (value->is_string()) {
    if (value->as_string() == "true") return true;
    if (value->as_string() == "false") return false;
  }
  return std::nullopt;
}

std::optional<double> KnownNumber(const engine::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number()) {
    if (std::isnan(value->as_number())) return std::nullopt;
    return value->as_number();
  }
  if (value->is_string()) {
    const std::string& text = value->as_string();
    double number = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc() && ptr == text.data() + text.size() && !text.empty()) return number;
  }
  return std::nullopt;
}

std::optional<std::string> KnownString(const engine::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return value->as_string();
  if (value->is_number()) return engine::FormatNumber(value->as_number());
  if (value->is_bool()) return std::string(value->as_bool() ? "true" : "false");
  return std::nullopt;
}

bool IsSet(const engine::Value* value) { return value != nullptr && !value->is_null(); }

}  // namespace faultline::rules
