#include "engine/project/config_loader.h"

#include <re2/re2.h>

#include "engine/limits.h"
#include "engine/project/yaml_schema.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::engine::project {

namespace {

constexpr uint64_t kMaxConfigBytes = 4 << 20;

// Loads YAML text; parser diagnostics (syntax errors, repeated keys) become errors.
parsers::yaml::YamlStream LoadStream(const SourceFile& file, std::vector<ConfigError>* errors) {
  parsers::yaml::YamlLimits limits;
  limits.max_depth = 64;
  limits.max_alias_expansion_nodes = 100'000;
  parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(file, limits);
  for (const Finding& diagnostic : stream.diagnostics) {
    ConfigError error;
    error.where.file = file.path();
    Position position = diagnostic.range.start();
    error.where.line = position.line + 1;
    error.where.column = position.column + 1;
    error.message = diagnostic.message;
    errors->push_back(std::move(error));
  }
  return stream;
}

std::vector<RuleReference> References(YamlSchemaReader& reader, const Value& value,
                                      std::string_view what) {
  std::vector<RuleReference> out;
  for (auto& [text, where] : reader.LocatedStringList(value, what)) {
    out.push_back(RuleReference{std::move(text), std::move(where)});
  }
  return out;
}

void ReadRules(YamlSchemaReader& reader, const Value& rules, ProjectConfig* config) {
  if (!reader.ExpectMap(rules, "rules")) return;
  for (const auto& [id, entry] : rules.as_map()) {
    RuleSettings settings;
    settings.rule = RuleReference{id, YamlSchemaReader::KeyLocation(entry)};
    std::string what = "rules." + id;
    if (!reader.ExpectMap(entry, what)) continue;
    reader.CheckKeys(entry, what, {"severity", "options"});
    if (const Value* severity = entry.Get("severity")) {
      if (std::optional<std::string> text = reader.String(*severity, what + ".severity")) {
        settings.severity = ParseSeverity(*text);
        if (!settings.severity) {
          reader.Error(
              YamlSchemaReader::ValueLocation(*severity),
              "unknown severity \"" + *text + "\" (expected info, low, medium, high or critical)");
        }
      }
    }
    if (const Value* options = entry.Get("options")) {
      if (reader.ExpectMap(*options, what + ".options")) {
        for (const auto& [name, value] : options->as_map()) {
          settings.options.push_back(OptionSetting{name, YamlSchemaReader::KeyLocation(value),
                                                   value, YamlSchemaReader::ValueLocation(value)});
        }
      }
    }
    config->rules.push_back(std::move(settings));
  }
}

void ReadSecrets(YamlSchemaReader& reader, const Value& secrets, ProjectConfig* config) {
  if (!reader.ExpectMap(secrets, "secrets")) return;
  reader.CheckKeys(secrets, "secrets", {"allowlist"});
  const Value* allowlist = secrets.Get("allowlist");
  if (allowlist == nullptr || !reader.ExpectMap(*allowlist, "secrets.allowlist")) return;
  reader.CheckKeys(*allowlist, "secrets.allowlist", {"paths", "regexes", "fingerprints"});
  if (const Value* paths = allowlist->Get("paths")) {
    config->secret_allowlist.path_globs = reader.StringList(*paths, "secrets.allowlist.paths");
  }
  if (const Value* regexes = allowlist->Get("regexes")) {
    for (auto& [pattern, where] : reader.LocatedStringList(*regexes, "secrets.allowlist.regexes")) {
      RE2::Options options;
      options.set_log_errors(false);
      RE2 regex(pattern, options);
      if (!regex.ok()) {
        reader.Error(where, "invalid regex \"" + pattern + "\": " + regex.error());
        continue;
      }
      config->secret_allowlist.regexes.push_back(std::move(pattern));
    }
  }
  if (const Value* fingerprints = allowlist->Get("fingerprints")) {
    for (auto& [text, where] :
         reader.LocatedStringList(*fingerprints, "secrets.allowlist.fingerprints")) {
      bool hex =
          text.size() == 16 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
      if (!hex) {
        reader.Error(where, "invalid fingerprint \"" + text +
                                "\" (expected 16 lowercase hex digits, as in JSON output)");
        continue;
      }
      config->secret_allowlist.fingerprints.push_back(std::move(text));
    }
  }
}

void ReadConfig(YamlSchemaReader& reader, const Value& root, ProjectConfig* config) {
  if (!reader.ExpectMap(root, "the configuration")) return;
  reader.CheckKeys(root, "the configuration",
                   {"version", "enable", "disable", "rules", "required_tags", "availability_zones",
                    "paths", "exclude", "secrets", "custom_rules"});
  if (const Value* version = root.Get("version")) {
    if (std::optional<int64_t> v = reader.Int(*version, "version", 1, 1000); v && *v != 1) {
      reader.Error(YamlSchemaReader::ValueLocation(*version),
                   "unsupported configuration version " + std::to_string(*v) + " (expected 1)");
    }
  }
  if (const Value* enable = root.Get("enable"))
    config->enable = References(reader, *enable, "enable");
  if (const Value* disable = root.Get("disable")) {
    config->disable = References(reader, *disable, "disable");
  }
  if (const Value* rules = root.Get("rules")) ReadRules(reader, *rules, config);
  if (const Value* tags = root.Get("required_tags")) {
    config->required_tags = reader.StringList(*tags, "required_tags");
    config->required_tags_at = YamlSchemaReader::ValueLocation(*tags);
  }
  if (const Value* zones = root.Get("availability_zones")) {
    if (reader.ExpectMap(*zones, "availability_zones")) {
      reader.CheckKeys(*zones, "availability_zones", {"stateful", "stateless"});
      if (const Value* v = zones->Get("stateful")) {
        config->min_azs_stateful = reader.Int(*v, "availability_zones.stateful", 1, 16);
      }
      if (const Value* v = zones->Get("stateless")) {
        config->min_azs_stateless = reader.Int(*v, "availability_zones.stateless", 1, 16);
      }
    }
  }
  if (const Value* paths = root.Get("paths")) {
    if (reader.ExpectMap(*paths, "paths")) {
      for (const auto& [glob, entry] : paths->as_map()) {
        std::string what = "paths.\"" + glob + "\"";
        if (!reader.ExpectMap(entry, what)) continue;
        reader.CheckKeys(entry, what, {"disable"});
        PathRuleDisable disable;
        disable.glob = glob;
        if (const Value* rules = entry.Get("disable")) {
          disable.rules = References(reader, *rules, what + ".disable");
        }
        config->path_disables.push_back(std::move(disable));
      }
    }
  }
  if (const Value* exclude = root.Get("exclude")) {
    config->exclude = reader.StringList(*exclude, "exclude");
  }
  if (const Value* secrets = root.Get("secrets")) ReadSecrets(reader, *secrets, config);
  if (const Value* custom = root.Get("custom_rules")) {
    if (reader.ExpectList(*custom, "custom_rules")) {
      ParseCustomRules(*custom, config->source, reader, &config->custom_rules);
    }
  }
}

}  // namespace

std::string FindProjectConfig(const FileProvider& files, const std::string& scan_path) {
  std::string start = scan_path.empty() || scan_path == "-" ? "." : NormalizePath(scan_path);
  std::string dir = files.Stat(start) == EntryType::kDirectory ? start : DirectoryOf(start);
  for (int depth = 0; depth < 64; ++depth) {
    std::string candidate = JoinPath(dir, kConfigFileName);
    if (files.Stat(candidate) == EntryType::kFile) return candidate;
    if (files.Stat(JoinPath(dir, ".git")) != EntryType::kMissing) break;  // the repository root
    std::string parent;
    if (dir == ".") {
      parent = "..";
    } else if (dir == ".." || dir.ends_with("/..")) {
      parent = dir + "/..";
    } else {
      parent = DirectoryOf(dir);
      if (parent == dir) break;
    }
    std::string here = files.CanonicalPath(dir);
    std::string there = files.CanonicalPath(parent);
    if (here.empty() || there.empty() || here == there) break;  // the filesystem root
    dir = parent;
  }
  return "";
}

ConfigLoadResult ParseProjectConfig(const std::string& path, std::string text) {
  ConfigLoadResult result;
  auto source = std::make_shared<const SourceFile>(path, std::move(text));
  result.config.path = path;
  result.config.source = source;
  parsers::yaml::YamlStream stream = LoadStream(*source, &result.errors);
  if (!result.errors.empty()) return result;
  if (stream.documents.size() > 1) {
    YamlSchemaReader reader(&result.errors);
    reader.Error(YamlSchemaReader::ValueLocation(stream.documents[1].root),
                 "the configuration must be one YAML document");
    return result;
  }
  if (stream.documents.empty() || stream.documents[0].root.is_null()) return result;
  YamlSchemaReader reader(&result.errors);
  ReadConfig(reader, stream.documents[0].root, &result.config);
  return result;
}

ConfigLoadResult LoadProjectConfig(const FileProvider& files, const std::string& path) {
  ReadResult read = files.ReadFile(path, kMaxConfigBytes);
  if (read.status != ReadResult::Status::kOk) {
    ConfigLoadResult result;
    std::string why = read.status == ReadResult::Status::kTooLarge ? "file is larger than 4 MiB"
                      : read.error.empty()                         ? "cannot read the file"
                                                                   : read.error;
    result.errors.push_back(ConfigError{ConfigLocation{path, 0, 0}, why});
    return result;
  }
  return ParseProjectConfig(path, std::move(read.text));
}

CustomRulesLoadResult LoadCustomRules(const FileProvider& files, const std::string& directory) {
  CustomRulesLoadResult result;
  std::vector<std::string> paths;
  EntryType type = files.Stat(directory);
  if (type == EntryType::kFile) {
    paths.push_back(directory);
  } else if (type == EntryType::kDirectory) {
    std::string error;
    for (const DirectoryEntry& entry : files.ListDirectory(directory, &error)) {
      if (entry.type != EntryType::kFile) continue;
      if (entry.name.ends_with(".yaml") || entry.name.ends_with(".yml")) {
        paths.push_back(JoinPath(directory, entry.name));
      }
    }
    if (!error.empty())
      result.errors.push_back(ConfigError{ConfigLocation{directory, 0, 0}, error});
  } else {
    result.errors.push_back(
        ConfigError{ConfigLocation{directory, 0, 0}, "custom rule directory not found"});
  }
  for (const std::string& path : paths) {
    ReadResult read = files.ReadFile(path, kMaxConfigBytes);
    if (read.status != ReadResult::Status::kOk) {
      result.errors.push_back(ConfigError{
          ConfigLocation{path, 0, 0}, read.error.empty() ? "cannot read the file" : read.error});
      continue;
    }
    auto source = std::make_shared<const SourceFile>(path, std::move(read.text));
    size_t before = result.errors.size();
    parsers::yaml::YamlStream stream = LoadStream(*source, &result.errors);
    if (result.errors.size() != before) continue;
    YamlSchemaReader reader(&result.errors);
    for (const parsers::yaml::YamlDocument& document : stream.documents) {
      if (document.root.is_null()) continue;
      ParseCustomRules(document.root, source, reader, &result.rules);
    }
  }
  return result;
}

}  // namespace faultline::engine::project
