// Rule options: settings a rule declares in its metadata (name, type, default, doc) and users
// override per rule in .faultline.yaml (`rules: {FL-AWS-0010: {options: {min_azs: 3}}}`).
//
// A rule reads its options through RuleContext::options, which always answers: the user's value
// when one was configured, else the declared default. Values are kept as text and converted on
// read; the configuration loader validates them against the declared type, so a rule never sees a
// value of the wrong type.
#ifndef FAULTLINE_ENGINE_RULE_OPTIONS_H_
#define FAULTLINE_ENGINE_RULE_OPTIONS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::engine {

enum class RuleOptionType { kInt, kBool, kString, kStringList };

struct RuleOptionSpec {
  std::string name;  // "min_azs"
  RuleOptionType type = RuleOptionType::kInt;
  std::string default_value;  // as text: "2", "true", "prod", "a,b" (comma-separated list)
  std::string doc;            // one sentence, shown by `rules show` and in docs/rules.md
};

// The configured values of one rule (option name -> text; lists comma-separated).
using RuleOptionOverrides = std::map<std::string, std::string, std::less<>>;

// Configured overrides of every rule, keyed by rule id.
using RuleOptionsByRule = std::map<std::string, RuleOptionOverrides, std::less<>>;

// Reads one rule's options: the override when present, else the declared default.
class RuleOptions {
 public:
  RuleOptions() = default;
  RuleOptions(const std::vector<RuleOptionSpec>* specs, const RuleOptionOverrides* overrides)
      : specs_(specs), overrides_(overrides) {}

  // `fallback` is returned only when the option is neither declared nor configured (a rule bug).
  int64_t Int(std::string_view name, int64_t fallback = 0) const;
  bool Bool(std::string_view name, bool fallback = false) const;
  std::string String(std::string_view name, std::string_view fallback = {}) const;
  std::vector<std::string> StringList(std::string_view name) const;

 private:
  const std::string* Raw(std::string_view name) const;
  const std::vector<RuleOptionSpec>* specs_ = nullptr;
  const RuleOptionOverrides* overrides_ = nullptr;
};

// Checks `text` against `type` ("3" is an int, "yes" is not a bool). Used by the config loader.
bool RuleOptionValueValid(RuleOptionType type, std::string_view text);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_RULE_OPTIONS_H_
