#include "cli/rules_catalog.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/engine_rules.h"
#include "engine/secrets/secret_scanner.h"
#include "engine/severity.h"

namespace faultline::cli {

namespace {

// GitHub's heading anchor for "FL-AWS-0001: aws-rds-single-az" style headings.
std::string Anchor(const engine::RuleMetadata& rule) {
  std::string anchor;
  for (char c : rule.id + " " + rule.name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-') {
      anchor += static_cast<char>(std::tolower(u));
    } else if (c == ' ') {
      anchor += '-';
    }
  }
  return anchor;
}

bool IsEngineRule(const engine::RuleMetadata& rule) {
  return engine::FindEngineRule(rule.id) == &rule;
}

// A regex rule of the secret scanner (or its FL-SEC-0000 notice).
bool IsSecretScannerRule(const engine::RuleMetadata& rule) {
  const std::vector<engine::RuleMetadata>& all = engine::secrets::SecretRuleMetadata();
  return !all.empty() && &rule >= &all.front() && &rule <= &all.back();
}

std::string KindName(engine::ResourceKind kind) {
  switch (kind) {
    case engine::ResourceKind::kManaged:
      return "resources";
    case engine::ResourceKind::kData:
      return "data sources";
    case engine::ResourceKind::kObject:
      return "Kubernetes objects";
    default:
      return std::string(engine::ResourceKindName(kind)) + " blocks";
  }
}

std::string OriginText(engine::Origin origin) {
  switch (origin) {
    case engine::Origin::kConfig:
      return "configuration";
    case engine::Origin::kState:
      return "state";
    case engine::Origin::kLive:
      return "live exports";
  }
  return "configuration";
}

template <typename T, typename F>
std::string JoinWith(const std::vector<T>& items, F render) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += render(items[i]);
  }
  return text;
}

// "`aws_db_instance` (resources in configuration)".
std::string AppliesTo(const engine::RuleMetadata& rule, bool markdown) {
  if (IsEngineRule(rule)) return "every input file (reported by the engine)";
  if (IsSecretScannerRule(rule)) return "every text file (searched by the secret scanner)";
  std::string types = rule.scope.types.empty()
                          ? "every type"
                          : JoinWith(rule.scope.types, [&](const std::string& type) {
                              return markdown ? "`" + type + "`" : type;
                            });
  return types + " (" + JoinWith(rule.scope.kinds, KindName) + " in " +
         JoinWith(rule.scope.origins, OriginText) + ")";
}

std::string Indent(std::string_view text, std::string_view prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty()) {
      out += prefix;
      out += line;
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string PeerText(const engine::PeerCheck& peer) { return peer.tool + ": " + peer.id; }

std::string OptionTypeName(engine::RuleOptionType type) {
  switch (type) {
    case engine::RuleOptionType::kInt:
      return "int";
    case engine::RuleOptionType::kBool:
      return "bool";
    case engine::RuleOptionType::kString:
      return "string";
    case engine::RuleOptionType::kStringList:
      return "string list";
  }
  return "value";
}

// A declared default as users write it in .faultline.yaml: lists in brackets.
std::string OptionDefault(const engine::RuleOptionSpec& option) {
  if (option.type != engine::RuleOptionType::kStringList) return option.default_value;
  std::vector<engine::RuleOptionSpec> one = {option};
  std::vector<std::string> items = engine::RuleOptions(&one, nullptr).StringList(option.name);
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
  return text + "]";
}

}  // namespace

std::string RenderRulesText(const std::vector<const engine::RuleMetadata*>& catalog) {
  size_t id_width = 2, name_width = 4, severity_width = 8;
  for (const engine::RuleMetadata* rule : catalog) {
    id_width = std::max(id_width, rule->id.size());
    name_width = std::max(name_width, rule->name.size());
  }
  auto row = [&](std::string_view id, std::string_view name, std::string_view severity,
                 std::string_view title) {
    std::string line(id);
    line.resize(id_width + 2, ' ');
    line += name;
    line.resize(id_width + 2 + name_width + 2, ' ');
    line += severity;
    line.resize(id_width + 2 + name_width + 2 + severity_width + 2, ' ');
    line += title;
    return line + "\n";
  };
  std::string out = row("ID", "NAME", "SEVERITY", "TITLE");
  for (const engine::RuleMetadata* rule : catalog) {
    out += row(rule->id, rule->name, engine::SeverityName(rule->severity), rule->title);
  }
  return out;
}

std::string RenderRulesMarkdown(const std::vector<const engine::RuleMetadata*>& catalog) {
  std::ostringstream out;
  out << "# faultline rules\n\n"
      << "<!-- Generated by `faultline rules list --format markdown > docs/rules.md` from the "
         "rules' metadata. Do not edit by hand: tests/rules checks that this file is current. "
         "-->\n\n"
      << "Every check faultline reports, with its stable ID. `FL-ENG-*` entries are the "
         "engine's own diagnostics (syntax errors, skipped files, limits). Select rules with "
         "`faultline scan --rule ID`; show one with `faultline rules show ID`.\n\n"
      << "| ID | Name | Severity | Title |\n"
      << "|---|---|---|---|\n";
  for (const engine::RuleMetadata* rule : catalog) {
    out << "| [" << rule->id << "](#" << Anchor(*rule) << ") | `" << rule->name << "` | "
        << engine::SeverityName(rule->severity) << " | " << rule->title << " |\n";
  }
  for (const engine::RuleMetadata* rule : catalog) {
    out << "\n## " << rule->id << " " << rule->name << "\n\n";
    out << "**" << rule->title << "** · severity **" << engine::SeverityName(rule->severity)
        << "** · applies to " << AppliesTo(*rule, /*markdown=*/true) << "\n\n";
    out << rule->summary << "\n\n";
    out << "**Why it matters.** " << rule->why << "\n\n";
    out << "**Remediation.** " << rule->remediation << "\n";
    if (!rule->example_fix.empty()) {
      bool kubernetes = std::find(rule->scope.kinds.begin(), rule->scope.kinds.end(),
                                  engine::ResourceKind::kObject) != rule->scope.kinds.end();
      out << "\n```" << (kubernetes ? "yaml" : "hcl") << "\n" << rule->example_fix;
      if (rule->example_fix.back() != '\n') out << '\n';
      out << "```\n";
    }
    if (!rule->options.empty()) {
      out << "\n**Options** (set under `rules: {" << rule->id
          << ": {options: ...}}` in `.faultline.yaml`, see configuration.md).\n\n"
          << "| Option | Type | Default | Description |\n|---|---|---|---|\n";
      for (const engine::RuleOptionSpec& option : rule->options) {
        out << "| `" << option.name << "` | " << OptionTypeName(option.type) << " | `"
            << OptionDefault(option) << "` | " << option.doc << " |\n";
      }
    }
    if (!rule->references.empty()) {
      out << "\n**References.**\n\n";
      for (const std::string& reference : rule->references) out << "- <" << reference << ">\n";
    }
    if (!rule->peers.empty()) {
      out << "\n**Equivalent checks in other tools.**\n\n";
      for (const engine::PeerCheck& peer : rule->peers) {
        out << "- " << peer.tool << ": `" << peer.id << "`\n";
      }
    }
  }
  return out.str();
}

std::string RenderRulesJson(const std::vector<const engine::RuleMetadata*>& catalog) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const engine::RuleMetadata* rule : catalog) {
    nlohmann::ordered_json json;
    json["id"] = rule->id;
    json["name"] = rule->name;
    json["severity"] = std::string(engine::SeverityName(rule->severity));
    json["title"] = rule->title;
    json["summary"] = rule->summary;
    json["why"] = rule->why;
    json["remediation"] = rule->remediation;
    json["example_fix"] = rule->example_fix;
    json["references"] = rule->references;
    nlohmann::ordered_json peers = nlohmann::ordered_json::array();
    for (const engine::PeerCheck& peer : rule->peers) {
      peers.push_back({{"tool", peer.tool}, {"id", peer.id}});
    }
    json["peers"] = std::move(peers);
    nlohmann::ordered_json scope;
    nlohmann::ordered_json origins = nlohmann::ordered_json::array();
    for (engine::Origin origin : rule->scope.origins) {
      origins.push_back(std::string(engine::OriginName(origin)));
    }
    nlohmann::ordered_json kinds = nlohmann::ordered_json::array();
    for (engine::ResourceKind kind : rule->scope.kinds) {
      kinds.push_back(std::string(engine::ResourceKindName(kind)));
    }
    scope["origins"] = std::move(origins);
    scope["kinds"] = std::move(kinds);
    scope["types"] = rule->scope.types;
    json["scope"] = std::move(scope);
    nlohmann::ordered_json options = nlohmann::ordered_json::array();
    for (const engine::RuleOptionSpec& option : rule->options) {
      options.push_back({{"name", option.name},
                         {"type", OptionTypeName(option.type)},
                         {"default", OptionDefault(option)},
                         {"doc", option.doc}});
    }
    json["options"] = std::move(options);
    json["engine"] = IsEngineRule(*rule);
    list.push_back(std::move(json));
  }
  return list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string RenderRuleDetails(const engine::RuleMetadata& rule) {
  std::string out;
  out +=
      rule.id + "  " + rule.name + "  (" + std::string(engine::SeverityName(rule.severity)) + ")\n";
  out += rule.title + "\n\n";
  out += rule.summary + "\n\n";
  out += "Applies to: " + AppliesTo(rule, /*markdown=*/false) + "\n\n";
  if (!rule.aliases.empty()) {
    out += "Replaces:";
    for (const std::string& alias : rule.aliases) out += " " + alias;
    out += "\n\n";
  }
  out += "Why it matters:\n" + Indent(rule.why, "  ") + "\n";
  out += "Remediation:\n" + Indent(rule.remediation, "  ");
  if (!rule.example_fix.empty()) out += "\nExample fix:\n" + Indent(rule.example_fix, "  ");
  if (!rule.options.empty()) {
    out += "\nOptions (.faultline.yaml: rules: {" + rule.id + ": {options: {NAME: VALUE}}}):\n";
    for (const engine::RuleOptionSpec& option : rule.options) {
      out += "  " + option.name + " (" + OptionTypeName(option.type) + ", default " +
             OptionDefault(option) + "): " + option.doc + "\n";
    }
  }
  if (!rule.references.empty()) {
    out += "\nReferences:\n";
    for (const std::string& reference : rule.references) out += "  - " + reference + "\n";
  }
  if (!rule.peers.empty()) {
    out += "\nEquivalent checks:\n";
    for (const engine::PeerCheck& peer : rule.peers) out += "  - " + PeerText(peer) + "\n";
  }
  return out;
}

}  // namespace faultline::cli
