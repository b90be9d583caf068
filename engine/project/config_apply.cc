#include "engine/project/config_apply.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "engine/engine_rules.h"
#include "engine/project/custom_rule.h"
#include "engine/project/rule_catalog.h"
#include "engine/project/yaml_schema.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::engine::project {

namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string_view TypeName(RuleOptionType type) {
  switch (type) {
    case RuleOptionType::kInt:
      return "a whole number";
    case RuleOptionType::kBool:
      return "true or false";
    case RuleOptionType::kString:
      return "a string";
    case RuleOptionType::kStringList:
      return "a list of strings";
  }
  return "a value";
}

// The option's value as RuleOptions stores it (text), or nullopt when `value` has the wrong type.
std::optional<std::string> OptionText(RuleOptionType type, const Value& value) {
  switch (type) {
    case RuleOptionType::kInt:
      if (value.is_number() && std::floor(value.as_number()) == value.as_number() &&
          std::fabs(value.as_number()) < 9e15) {
        return FormatNumber(value.as_number());
      }
      return std::nullopt;
    case RuleOptionType::kBool:
      if (value.is_bool()) return value.as_bool() ? "true" : "false";
      return std::nullopt;
    case RuleOptionType::kString:
      if (value.is_string()) return value.as_string();
      return std::nullopt;
    case RuleOptionType::kStringList: {
      if (value.is_string() && value.as_string().find(',') == std::string::npos) {
        return value.as_string();
      }
      if (!value.is_list()) return std::nullopt;
      std::string text;
      for (const Value& element : value.as_list()) {
        if (!element.is_string() || element.as_string().find(',') != std::string::npos) {
          return std::nullopt;
        }
        text += (text.empty() ? "" : ",") + element.as_string();
      }
      return text;
    }
  }
  return std::nullopt;
}

// A value as an error message shows it: scalars as written, collections by kind.
std::string Shown(const Value& value) {
  if (value.is_list() || value.is_map() || value.is_null()) return std::string(DescribeKind(value));
  return value.ToDisplayString(40);
}

class Catalog {
 public:
  explicit Catalog(const RuleList& rules) { all_ = RuleCatalog(rules); }

  const RuleMetadata* Find(std::string_view text) const { return FindRule(all_, text); }

  // Resolves a reference or reports it.
  const RuleMetadata* Resolve(const RuleReference& ref, std::vector<ConfigError>* errors) const {
    const RuleMetadata* m = Find(ref.text);
    if (m == nullptr) {
      errors->push_back(
          ConfigError{ref.where, "unknown rule \"" + ref.text + "\" (see `faultline rules list`)"});
    }
    return m;
  }

  const std::vector<const RuleMetadata*>& all() const { return all_; }

 private:
  std::vector<const RuleMetadata*> all_;
};

const RuleOptionSpec* FindOption(const RuleMetadata& rule, std::string_view name) {
  for (const RuleOptionSpec& spec : rule.options) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace

std::vector<ConfigError> CheckRuleIdentities(const RuleList& rules) {
  std::vector<ConfigError> errors;
  std::map<std::string, const RuleMetadata*> taken;  // upper-case id, and name
  for (const RuleMetadata& m : EngineRuleMetadata()) {
    taken[Upper(m.id)] = &m;
    taken[m.name] = &m;
  }
  for (const RuleMetadata& m : secrets::SecretRuleMetadata()) {
    taken[Upper(m.id)] = &m;
    taken[m.name] = &m;
  }
  // Built-in rules first, so the custom rule is the one blamed.
  for (const auto& rule : rules) {
    if (dynamic_cast<const CustomRule*>(rule.get()) != nullptr) continue;
    taken[Upper(rule->metadata().id)] = &rule->metadata();
    taken[rule->metadata().name] = &rule->metadata();
  }
  for (const auto& rule : rules) {
    const auto* custom = dynamic_cast<const CustomRule*>(rule.get());
    if (custom == nullptr) continue;
    const RuleMetadata& m = custom->metadata();
    for (const std::string& key : {Upper(m.id), m.name}) {
      auto [it, inserted] = taken.emplace(key, &m);
      if (!inserted) {
        errors.push_back(ConfigError{custom->where(), "custom rule " + m.id + " reuses the " +
                                                          (key == m.name ? "name" : "id") +
                                                          " of rule " + it->second->id});
        break;
      }
    }
  }
  return errors;
}

std::vector<ConfigError> ApplyProjectConfig(const ProjectConfig& config, const RuleList& rules,
                                            ScanOptions* scan) {
  std::vector<ConfigError> errors;
  Catalog catalog(rules);
  FindingPolicy& policy = scan->finding_policy;

  if (config.enable) {
    std::vector<std::string> ids;
    for (const RuleReference& ref : *config.enable) {
      if (const RuleMetadata* m = catalog.Resolve(ref, &errors)) ids.push_back(m->id);
    }
    if (scan->enabled_rules.empty()) scan->enabled_rules = std::move(ids);
  }
  for (const RuleReference& ref : config.disable) {
    if (const RuleMetadata* m = catalog.Resolve(ref, &errors)) policy.disabled_rules.insert(m->id);
  }

  // Per-rule settings; the options a rule sets itself win over the convenience keys.
  std::map<std::string, std::set<std::string>> explicit_options;
  for (const RuleSettings& settings : config.rules) {
    const RuleMetadata* m = catalog.Resolve(settings.rule, &errors);
    if (m == nullptr) continue;
    if (settings.severity) policy.severity_overrides[m->id] = *settings.severity;
    for (const OptionSetting& option : settings.options) {
      const RuleOptionSpec* spec = FindOption(*m, option.name);
      if (spec == nullptr) {
        std::string declared;
        for (const RuleOptionSpec& s : m->options)
          declared += (declared.empty() ? "" : ", ") + s.name;
        errors.push_back(ConfigError{
            option.name_at,
            "rule " + m->id + " has no option \"" + option.name + "\"" +
                (declared.empty() ? " (it declares none)" : " (it declares: " + declared + ")")});
        continue;
      }
      std::optional<std::string> text = OptionText(spec->type, option.value);
      if (!text) {
        errors.push_back(ConfigError{option.value_at, "option " + option.name + " of " + m->id +
                                                          " must be " +
                                                          std::string(TypeName(spec->type)) +
                                                          ", not " + Shown(option.value)});
        continue;
      }
      scan->rule_options[m->id][option.name] = *text;
      explicit_options[m->id].insert(option.name);
    }
  }
  auto set_everywhere = [&](std::string_view name, RuleOptionType type, const std::string& text) {
    for (const auto& rule : rules) {
      const RuleMetadata& m = rule->metadata();
      const RuleOptionSpec* spec = FindOption(m, name);
      if (spec == nullptr || spec->type != type) continue;
      if (explicit_options[m.id].count(std::string(name))) continue;
      scan->rule_options[m.id][std::string(name)] = text;
    }
  };
  if (config.required_tags) {
    std::string text;
    bool ok = true;
    for (const std::string& tag : *config.required_tags) {
      if (tag.find(',') != std::string::npos || tag.empty()) ok = false;
      text += (text.empty() ? "" : ",") + tag;
    }
    if (!ok) {
      errors.push_back(ConfigError{config.required_tags_at,
                                   "required_tags entries must be non-empty and "
                                   "contain no comma"});
    } else {
      set_everywhere("required_tags", RuleOptionType::kStringList, text);
    }
  }
  if (config.min_azs_stateful) {
    set_everywhere("min_azs_stateful", RuleOptionType::kInt,
                   std::to_string(*config.min_azs_stateful));
  }
  if (config.min_azs_stateless) {
    set_everywhere("min_azs_stateless", RuleOptionType::kInt,
                   std::to_string(*config.min_azs_stateless));
  }

  for (const PathRuleDisable& path : config.path_disables) {
    std::set<std::string, std::less<>> ids;
    for (const RuleReference& ref : path.rules) {
      if (const RuleMetadata* m = catalog.Resolve(ref, &errors)) ids.insert(m->id);
    }
    if (!ids.empty()) policy.path_disables.emplace_back(path.glob, std::move(ids));
  }
  for (const std::string& glob : config.exclude) scan->exclude_globs.push_back(glob);
  secrets::SecretAllowlist& allow = scan->secret_allowlist;
  const secrets::SecretAllowlist& from = config.secret_allowlist;
  allow.path_globs.insert(allow.path_globs.end(), from.path_globs.begin(), from.path_globs.end());
  allow.regexes.insert(allow.regexes.end(), from.regexes.begin(), from.regexes.end());
  allow.fingerprints.insert(allow.fingerprints.end(), from.fingerprints.begin(),
                            from.fingerprints.end());
  return errors;
}

}  // namespace faultline::engine::project
