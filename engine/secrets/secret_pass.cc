#include "engine/secrets/secret_pass.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/config/discovery.h"
#include "engine/config/text_discovery.h"
#include "engine/engine_rules.h"
#include "engine/parallel.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::engine::secrets {

namespace {

constexpr std::string_view kSecretPrefix = "FL-SEC-";
constexpr std::string_view kRenderedMarker = " (rendered by ";
constexpr std::string_view kStdinPath = "<stdin>";

const SecretScanner& DefaultScanner() {
  static const SecretScanner* scanner = new SecretScanner();
  return *scanner;
}

bool IsSecretFinding(const Finding& f) { return f.rule_id.starts_with(kSecretPrefix); }

bool AnyRegexRuleEnabled(const std::vector<std::string>& enabled) {
  if (enabled.empty()) return true;
  for (const RuleMetadata& m : SecretRuleMetadata()) {
    if (m.id == kFindingsCappedId) continue;
    for (const std::string& wanted : enabled) {
      if (wanted == m.id || wanted == m.name) return true;
    }
  }
  return false;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The path of a discovered file relative to the scan path it was found under (its base name
// when the file itself was the scan path).
std::string RelativeToRoot(const std::string& path, const std::string& root) {
  if (root == path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }
  if (root.empty() || root == ".") return path;
  if (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/') {
    return path.substr(root.size() + 1);
  }
  return path;
}

// The value written at a structural finding's range: after the first `=` or `:` when the range
// is an assignment, without quotes and surrounding blanks.
std::string_view ValueText(const Finding& f) {
  if (!f.range.valid()) return {};
  std::string_view text(f.range.file->text());
  if (f.range.end > text.size() || f.range.begin > f.range.end) return {};
  text = text.substr(f.range.begin, f.range.end - f.range.begin);
  size_t sep = text.find_first_of("=:");
  if (sep != std::string_view::npos) text.remove_prefix(sep + 1);
  auto is_trim = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\n'; };
  while (!text.empty() && is_trim(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_trim(text.back())) text.remove_suffix(1);
  return text;
}

class Allowlist {
 public:
  explicit Allowlist(const SecretAllowlist& list) : globs_(list.path_globs) {
    for (std::string& glob : globs_) {
      while (glob.starts_with("./")) glob.erase(0, 2);
    }
    for (const std::string& fp : list.fingerprints) fingerprints_.insert(Lower(fp));
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    for (const std::string& pattern : list.regexes) {
      auto regex = std::make_unique<RE2>(pattern, options);
      if (regex->ok()) regexes_.push_back(std::move(regex));
    }
  }

  bool PathAllowed(const std::string& path, const std::string& relative) const {
    std::string_view base = path;
    if (size_t slash = base.rfind('/'); slash != std::string_view::npos) {
      base.remove_prefix(slash + 1);
    }
    for (const std::string& glob : globs_) {
      if (config::GlobMatch(glob, relative) || config::GlobMatch(glob, path)) return true;
      if (glob.find('/') == std::string::npos && config::GlobMatch(glob, base)) return true;
    }
    return false;
  }
  bool FingerprintAllowed(const std::string& fingerprint) const {
    return !fingerprints_.empty() && fingerprints_.count(Lower(fingerprint)) > 0;
  }
  bool ValueAllowed(std::string_view value) const {
    for (const auto& regex : regexes_) {
      if (RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *regex)) return true;
    }
    return false;
  }
  bool has_globs() const { return !globs_.empty(); }

 private:
  std::vector<std::string> globs_;
  std::set<std::string> fingerprints_;
  std::vector<std::unique_ptr<RE2>> regexes_;
};

bool Overlaps(const SourceRange& a, const SourceRange& b) {
  const uint32_t a_end = std::max(a.end, a.begin + 1);
  const uint32_t b_end = std::max(b.end, b.begin + 1);
  return a.begin < b_end && b.begin < a_end;
}

}  // namespace

bool IsRegexSecretRuleId(std::string_view id) {
  for (const RuleMetadata& m : SecretRuleMetadata()) {
    if (m.id == id) return true;
  }
  return false;
}

void RunSecretPass(const ScanOptions& options, const FileProvider& files, int jobs, bool walk_paths,
                   std::vector<std::unique_ptr<SourceFile>>* sources,
                   std::vector<Finding>* findings, SecretPassStats* stats) {
  if (!options.scan_secrets) {
    std::erase_if(*findings, IsSecretFinding);
    return;
  }
  // Only other rules selected: nothing to search, nothing to reconcile.
  if (!options.enabled_rules.empty() &&
      std::none_of(options.enabled_rules.begin(), options.enabled_rules.end(),
                   [](const std::string& r) {
                     return r.starts_with(kSecretPrefix) || r.starts_with("secret");
                   })) {
    return;
  }
  const Allowlist allowlist(options.secret_allowlist);

  // 1. The text files under the scan paths.
  config::TextDiscoveryResult text;
  if (walk_paths) text = config::DiscoverTextFiles(options.paths, options.exclude_globs, files);
  std::unordered_map<std::string, const config::DiscoveredFile*> discovered;
  for (const config::DiscoveredFile& f : text.files) discovered.emplace(f.path, &f);
  // Directories the walk could not enter. A full scan reports them from its own discovery;
  // --secrets-only has no other.
  std::vector<std::unique_ptr<SourceFile>> kept_sources;
  if (options.secrets_only) {
    for (const config::DiscoveryProblem& problem : text.problems) {
      kept_sources.push_back(std::make_unique<SourceFile>(problem.path, ""));
      findings->push_back(MakeEngineFinding(kFileSkippedId,
                                            SourceRange{kept_sources.back().get(), 0, 0},
                                            "skipped: " + problem.message));
    }
  }

  // 2. Regex search, one slot per file.
  std::vector<Finding> regex_findings;
  if (AnyRegexRuleEnabled(options.enabled_rules)) {
    std::unique_ptr<SecretScanner> configured;
    if (!options.secret_allowlist.regexes.empty()) {
      SecretScannerConfig config;
      config.rules = DefaultScanner().rules();
      config.allow_regexes = options.secret_allowlist.regexes;
      configured = std::make_unique<SecretScanner>(std::move(config));
    }
    const SecretScanner& scanner = configured ? *configured : DefaultScanner();
    SecretScanOptions scan_options;
    scan_options.enabled_rules = options.enabled_rules;
    // Text approximations of structural rules: the structural verdict stands in parsed files.
    std::set<std::string> twins;
    for (const SecretRuleSpec& rule : scanner.rules()) {
      if (!rule.structural_twin.empty()) twins.insert(rule.id);
    }

    std::unordered_map<std::string, const SourceFile*> loaded;
    for (const auto& source : *sources) {
      if (!source->text().empty()) loaded.emplace(source->path(), source.get());
    }
    // Standard input is searched like a file.
    std::vector<const SourceFile*> extra;
    for (const auto& source : *sources) {
      if (source->path() == kStdinPath) extra.push_back(source.get());
    }
    const size_t count = text.files.size() + extra.size();
    std::vector<std::vector<Finding>> out(count);
    std::vector<std::unique_ptr<SourceFile>> owned(count);
    std::vector<int64_t> sizes(count, -1);  // bytes read here, -1 when none
    ParallelFor(count, jobs, [&](size_t i) {
      if (i >= text.files.size()) {
        scanner.Scan(*extra[i - text.files.size()], &out[i], scan_options);
        return;
      }
      const config::DiscoveredFile& f = text.files[i];
      if (allowlist.has_globs() && allowlist.PathAllowed(f.path, RelativeToRoot(f.path, f.root))) {
        return;
      }
      if (auto it = loaded.find(f.path); it != loaded.end()) {
        scanner.Scan(*it->second, &out[i], scan_options);
        std::erase_if(out[i], [&](const Finding& finding) { return twins.count(finding.rule_id); });
        return;
      }
      ReadResult read = files.ReadFile(f.path, options.limits.max_file_bytes);
      if (read.status != ReadResult::Status::kOk) {
        if (read.status == ReadResult::Status::kMissing) return;  // removed during the scan
        // Input kinds the loaders read already have their FL-ENG-0002 finding.
        if (f.kind != config::FileKind::kOther) return;
        owned[i] = std::make_unique<SourceFile>(f.path, "");
        std::string why = read.status == ReadResult::Status::kTooLarge
                              ? "larger than the limit of " +
                                    std::to_string(options.limits.max_file_bytes) + " bytes (" +
                                    std::to_string(read.size) + " bytes)"
                              : "cannot be read: " + read.error;
        out[i].push_back(MakeEngineFinding(kSecretScanSkippedId, SourceRange{owned[i].get(), 0, 0},
                                           "not searched for secrets: " + why));
        return;
      }
      sizes[i] = static_cast<int64_t>(read.text.size());
      auto source = std::make_unique<SourceFile>(f.path, std::move(read.text));
      scanner.Scan(*source, &out[i], scan_options);
      if (!out[i].empty()) owned[i] = std::move(source);
    });
    for (size_t i = 0; i < count; ++i) {
      for (Finding& f : out[i]) regex_findings.push_back(std::move(f));
      if (stats != nullptr && sizes[i] >= 0) {
        stats->bytes_read += static_cast<uint64_t>(sizes[i]);
        ++stats->files_read;
        if (!owned[i]) ++stats->files_released;
      }
      if (owned[i]) kept_sources.push_back(std::move(owned[i]));
    }
  }

  // 3-5. Structural findings: where they are, and what they cover.
  std::map<std::string, std::vector<size_t>> structural_by_file;
  std::vector<Finding> result;
  result.reserve(findings->size() + regex_findings.size());
  for (Finding& f : *findings) {
    if (!IsSecretFinding(f) || !f.range.valid()) {
      result.push_back(std::move(f));
      continue;
    }
    const std::string& path = f.range.file->path();
    auto it = discovered.find(path);
    const bool kept_anyway = path == kStdinPath || path.find(kRenderedMarker) != std::string::npos;
    if (it == discovered.end() && !kept_anyway) continue;
    const std::string relative =
        it != discovered.end() ? RelativeToRoot(path, it->second->root) : path;
    if (allowlist.has_globs() && allowlist.PathAllowed(path, relative)) continue;
    if (allowlist.FingerprintAllowed(f.fingerprint)) continue;
    if (allowlist.ValueAllowed(ValueText(f))) continue;
    structural_by_file[path].push_back(result.size());
    result.push_back(std::move(f));
  }
  for (Finding& f : regex_findings) {
    if (IsSecretFinding(f) && allowlist.FingerprintAllowed(f.fingerprint)) continue;
    if (IsSecretFinding(f) && f.rule_id != kFindingsCappedId && f.range.valid()) {
      auto it = structural_by_file.find(f.range.file->path());
      bool covered = false;
      if (it != structural_by_file.end()) {
        for (size_t index : it->second) {
          Finding& structural = result[index];
          if (!Overlaps(structural.range, f.range)) continue;
          covered = true;
          structural.severity = std::max(structural.severity, f.severity);
        }
      }
      if (covered) continue;
    }
    result.push_back(std::move(f));
  }
  *findings = std::move(result);
  for (auto& source : kept_sources) sources->push_back(std::move(source));
}

}  // namespace faultline::engine::secrets
