#include "engine/rule_options.h"

#include <charconv>

namespace faultline::engine {
namespace {

bool ParseInt(std::string_view text, int64_t* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool ParseBool(std::string_view text, bool* out) {
  if (text == "true") {
    *out = true;
    return true;
  }
  if (text == "false") {
    *out = false;
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const std::string* RuleOptions::Raw(std::string_view name) const {
  if (overrides_ != nullptr) {
    auto it = overrides_->find(name);
    if (it != overrides_->end()) return &it->second;
  }
  if (specs_ != nullptr) {
    for (const RuleOptionSpec& spec : *specs_) {
      if (spec.name == name) return &spec.default_value;
    }
  }
  return nullptr;
}

int64_t RuleOptions::Int(std::string_view name, int64_t fallback) const {
  const std::string* raw = Raw(name);
  int64_t value = 0;
  return raw != nullptr && ParseInt(*raw, &value) ? value : fallback;
}

bool RuleOptions::Bool(std::string_view name, bool fallback) const {
  const std::string* raw = Raw(name);
  bool value = false;
  return raw != nullptr && ParseBool(*raw, &value) ? value : fallback;
}

std::string RuleOptions::String(std::string_view name, std::string_view fallback) const {
  const std::string* raw = Raw(name);
  return raw != nullptr ? *raw : std::string(fallback);
}

std::vector<std::string> RuleOptions::StringList(std::string_view name) const {
  std::vector<std::string> out;
  const std::string* raw = Raw(name);
  if (raw == nullptr) return out;
  std::string_view rest = *raw;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

bool RuleOptionValueValid(RuleOptionType type, std::string_view text) {
  switch (type) {
    case RuleOptionType::kInt: {
      int64_t v = 0;
      return ParseInt(text, &v);
    }
    case RuleOptionType::kBool: {
      bool b = false;
      return ParseBool(text, &b);
    }
    case RuleOptionType::kString:
    case RuleOptionType::kStringList:
      return true;
  }
  return false;
}

}  // namespace faultline::engine
