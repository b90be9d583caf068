#include "engine/secrets/secret_scanner.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "engine/secrets/keyword_matcher.h"
#include "engine/secrets/secret_heuristics.h"
#include "parsers/text/text_sniff.h"
#include "rules/secrets/secret_rules.h"

namespace faultline::engine::secrets {

namespace {

using parsers::text::IsProbablyBinary;
using parsers::text::LineEndAfter;
using parsers::text::LineStartBefore;

constexpr char kInlineIgnore[] = "faultline:ignore";
// A keyword's region starts at most this far before it (long lines are searched in windows).
constexpr size_t kMaxBytesBefore = 1024;
// ... and each line of it ends at most this far after its start.
constexpr size_t kMaxBytesPerLine = 4096;

bool HasUppercase(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

RE2::Options RegexOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);  // bytes in, bytes out; any input is valid
  options.set_log_errors(false);
  options.set_max_mem(32 << 20);
  return options;
}

// One alternation of `patterns`, or nullptr when there are none. Patterns that do not compile
// are reported in `errors` and left out.
std::unique_ptr<RE2> CompileAlternation(const std::vector<std::string>& patterns,
                                        const std::string& owner,
                                        std::vector<std::string>* errors) {
  std::string combined;
  for (const std::string& pattern : patterns) {
    RE2 alone(pattern, RegexOptions());
    if (!alone.ok()) {
      errors->push_back(owner + ": invalid regex '" + pattern + "': " + alone.error());
      continue;
    }
    if (!combined.empty()) combined += "|";
    combined += "(?:" + pattern + ")";
  }
  if (combined.empty()) return nullptr;
  return std::make_unique<RE2>(combined, RegexOptions());
}

struct CompiledRule {
  std::unique_ptr<RE2> regex;
  std::vector<int> secret_groups;  // capture indexes of groups named secret / secret_*
  int range_group = -1;
  int key_group = -1;                 // "key", or the first of "key_*" groups (alternatives)
  std::vector<int> key_alternatives;  // further "key_*" groups, in order
  int user_group = -1;
  int groups = 0;  // capturing groups, excluding the whole match
  std::unique_ptr<RE2> allow;
  std::unique_ptr<RE2> example;
};

struct KeywordEntry {
  uint32_t rule;
  std::string exact;  // non-empty: the keyword must match these bytes exactly
};

// A secret found and checked, before overlap resolution and the cap.
struct Candidate {
  uint32_t rule;
  uint32_t begin, end;                // reported range
  uint32_t secret_begin, secret_end;  // the secret itself
  uint32_t key_begin, key_end;        // the key it is assigned to (empty when none)
  bool example;
};

// Printable ASCII, at most 64 bytes: a key name fit for a message.
std::string SanitizeKey(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (out.size() >= 64) break;
    const unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x21 && u < 0x7f ? c : '?');
  }
  return out;
}

bool RuleSelected(const SecretRuleSpec& rule, const std::vector<std::string>& selection) {
  if (selection.empty()) return true;
  return std::any_of(selection.begin(), selection.end(), [&](const std::string& wanted) {
    return wanted == rule.id || wanted == rule.name;
  });
}

}  // namespace

std::string SecretDigest(std::string_view secret) {
  uint64_t hash = 1469598103934665603ULL;
  auto mix = [&hash](std::string_view part) {
    for (unsigned char c : part) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
  };
  mix("faultline-secret\x1f");
  mix(secret);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string RedactSecret(std::string_view secret, std::string_view fingerprint) {
  const size_t shown = std::min<size_t>(4, secret.size() / 2);
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    const unsigned char c = static_cast<unsigned char>(secret[i]);
    out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
  }
  out += "\xe2\x80\xa6 (";
  out += std::to_string(secret.size());
  out += " chars, fp ";
  out += fingerprint.substr(0, 8);
  out += ")";
  return out;
}

struct SecretScanner::Impl {
  std::vector<SecretRuleSpec> rules;
  std::vector<CompiledRule> compiled;  // parallel to rules; regex == nullptr: unusable
  std::vector<std::vector<KeywordEntry>> keyword_entries;  // per matcher keyword
  uint32_t ignore_keyword = 0;                             // matcher index of kInlineIgnore
  std::unique_ptr<KeywordMatcher> matcher;
  std::unique_ptr<RE2> allow;
  std::vector<std::string> errors;

  void Build(SecretScannerConfig config);
  SecretScanSummary Scan(const SourceFile& file, std::vector<Finding>* out,
                         const SecretScanOptions& options) const;
};

void SecretScanner::Impl::Build(SecretScannerConfig config) {
  rules = std::move(config.rules);
  compiled.resize(rules.size());
  std::vector<std::string> keywords;
  std::map<std::string, uint32_t> keyword_index;
  auto intern = [&](const std::string& lowercase) {
    auto [it, inserted] = keyword_index.emplace(lowercase, static_cast<uint32_t>(keywords.size()));
    if (inserted) {
      keywords.push_back(lowercase);
      keyword_entries.emplace_back();
    }
    return it->second;
  };
  ignore_keyword = intern(kInlineIgnore);

  for (uint32_t i = 0; i < rules.size(); ++i) {
    const SecretRuleSpec& rule = rules[i];
    CompiledRule& c = compiled[i];
    auto regex = std::make_unique<RE2>(rule.regex, RegexOptions());
    if (!regex->ok()) {
      errors.push_back(rule.id + ": invalid regex: " + regex->error());
      continue;
    }
    if (rule.keywords.empty()) {
      errors.push_back(rule.id + ": no keywords (every rule needs a prefilter keyword)");
      continue;
    }
    c.groups = regex->NumberOfCapturingGroups();
    for (const auto& [name, index] : regex->NamedCapturingGroups()) {
      if (name == "secret" || name.rfind("secret_", 0) == 0) c.secret_groups.push_back(index);
      if (name == "range") c.range_group = index;
      if (name == "key" || name.rfind("key_", 0) == 0) c.key_alternatives.push_back(index);
      if (name == "user") c.user_group = index;
    }
    std::sort(c.secret_groups.begin(), c.secret_groups.end());
    std::sort(c.key_alternatives.begin(), c.key_alternatives.end());
    if (!c.key_alternatives.empty()) c.key_group = c.key_alternatives.front();
    if ((rule.checks & kRequireSecretishKey) && c.key_group < 0) {
      errors.push_back(rule.id + ": kRequireSecretishKey needs a group named 'key'");
      continue;
    }
    c.allow = CompileAlternation(rule.allow, rule.id + " allow", &errors);
    if (!rule.example_regex.empty()) {
      c.example = std::make_unique<RE2>(rule.example_regex, RegexOptions());
      if (!c.example->ok()) {
        errors.push_back(rule.id + ": invalid example_regex: " + c.example->error());
        c.example.reset();
      }
    }
    c.regex = std::move(regex);
    for (const std::string& keyword : rule.keywords) {
      if (keyword.empty()) continue;
      uint32_t k = intern(Lowercase(keyword));
      keyword_entries[k].push_back({i, HasUppercase(keyword) ? keyword : std::string()});
    }
  }
  allow = CompileAlternation(config.allow_regexes, "allowlist", &errors);
  matcher = std::make_unique<KeywordMatcher>(keywords);
}

SecretScanSummary SecretScanner::Impl::Scan(const SourceFile& file, std::vector<Finding>* out,
                                            const SecretScanOptions& options) const {
  SecretScanSummary summary;
  const std::string& text = file.text();
  if (options.skip_binary && IsProbablyBinary(text)) {
    summary.binary = true;
    return summary;
  }
  const size_t rule_count = rules.size();
  std::vector<char> enabled(rule_count, 0);
  for (size_t i = 0; i < rule_count; ++i) {
    enabled[i] = compiled[i].regex != nullptr && RuleSelected(rules[i], options.enabled_rules);
  }

  const size_t hard_cap = static_cast<size_t>(options.max_findings_per_file) * 4 + 64;
  std::vector<Candidate> candidates;
  std::vector<uint32_t> ignore_marks;  // offsets of "faultline:ignore"
  bool stopped = false;                // hard cap reached: regex work abandoned
  std::vector<re2::StringPiece> groups;
  const re2::StringPiece whole(text.data(), text.size());

  auto search = [&](uint32_t rule_index, size_t begin, size_t end) {
    const SecretRuleSpec& rule = rules[rule_index];
    const CompiledRule& c = compiled[rule_index];
    ++summary.regions_searched;
    groups.resize(static_cast<size_t>(c.groups) + 1);
    size_t pos = begin;
    while (pos < end && !stopped) {
      if (!c.regex->Match(whole, pos, end, RE2::UNANCHORED, groups.data(),
                          static_cast<int>(groups.size()))) {
        break;
      }
      const re2::StringPiece& match = groups[0];
      const size_t match_end = static_cast<size_t>(match.data() - text.data()) + match.size();
      pos = match.size() == 0 ? match_end + 1 : match_end;

      re2::StringPiece secret = match;
      for (int g : c.secret_groups) {
        if (groups[g].data() != nullptr) {
          secret = groups[g];
          break;
        }
      }
      const std::string_view value(secret.data(), secret.size());
      if (value.size() < rule.min_length || value.size() > rule.max_length) continue;
      if (rule.min_entropy > 0 && ShannonEntropy(value) < rule.min_entropy) continue;
      const bool example = c.example != nullptr && RE2::PartialMatch(secret, *c.example);
      if (!example) {
        if ((rule.checks & kRejectPlaceholder) && LooksLikePlaceholder(value)) continue;
        if ((rule.checks & kRequireRandomShape) && !HasRandomShape(value)) continue;
      }
      std::string_view key;
      for (int g : c.key_alternatives) {
        if (groups[g].data() != nullptr) {
          key = std::string_view(groups[g].data(), groups[g].size());
          break;
        }
      }
      if ((rule.checks & kRequireSecretishKey) && !IsSecretishName(key)) continue;
      if (c.user_group >= 0 && groups[c.user_group].data() != nullptr &&
          std::string_view(groups[c.user_group].data(), groups[c.user_group].size()) == value) {
        continue;
      }
      if (c.allow != nullptr && RE2::PartialMatch(secret, *c.allow)) continue;
      if (allow != nullptr && RE2::PartialMatch(secret, *allow)) continue;

      re2::StringPiece range = secret;
      if (c.range_group >= 0 && groups[c.range_group].data() != nullptr) {
        range = groups[c.range_group];
      }
      Candidate candidate;
      candidate.rule = rule_index;
      candidate.begin = static_cast<uint32_t>(range.data() - text.data());
      candidate.end = candidate.begin + static_cast<uint32_t>(range.size());
      candidate.secret_begin = static_cast<uint32_t>(secret.data() - text.data());
      candidate.secret_end = candidate.secret_begin + static_cast<uint32_t>(secret.size());
      candidate.key_begin = candidate.key_end = 0;
      if (!key.empty()) {
        candidate.key_begin = static_cast<uint32_t>(key.data() - text.data());
        candidate.key_end = candidate.key_begin + static_cast<uint32_t>(key.size());
      }
      candidate.example = example;
      candidates.push_back(candidate);
      if (candidates.size() >= hard_cap) stopped = true;
    }
  };

  // Pending region per rule: keyword hits on touching lines merge into one regex search.
  struct Region {
    size_t begin = 0, end = 0;
    bool open = false;
  };
  std::vector<Region> pending(rule_count);
  // `at` is the offset just past the keyword.
  auto add_hit = [&](uint32_t rule_index, size_t at) {
    Region& region = pending[rule_index];
    const uint32_t lines = std::max<uint32_t>(1, rules[rule_index].lines);
    if (region.open && lines == 1 && at < region.end) return;
    const size_t begin = LineStartBefore(text, at, kMaxBytesBefore);
    size_t end = LineEndAfter(text, at, kMaxBytesPerLine);
    for (uint32_t line = 1; line < lines && end < text.size(); ++line) {
      end = LineEndAfter(text, end + 1, kMaxBytesPerLine);
    }
    if (region.open && begin <= region.end + 1) {
      region.begin = std::min(region.begin, begin);
      region.end = std::max(region.end, end);
      return;
    }
    if (region.open) search(rule_index, region.begin, region.end);
    region = Region{begin, end, true};
  };

  matcher->ForEachMatch(text, [&](uint32_t keyword, size_t end) {
    if (keyword == ignore_keyword) {
      ignore_marks.push_back(static_cast<uint32_t>(end));
    }
    const std::vector<KeywordEntry>& entries = keyword_entries[keyword];
    for (const KeywordEntry& entry : entries) {
      if (!enabled[entry.rule]) continue;
      if (!entry.exact.empty() &&
          text.compare(end - entry.exact.size(), entry.exact.size(), entry.exact) != 0) {
        continue;
      }
      add_hit(entry.rule, end);
    }
    return !stopped;
  });
  for (uint32_t i = 0; i < rule_count && !stopped; ++i) {
    if (pending[i].open) search(i, pending[i].begin, pending[i].end);
  }

  // Line filters: --git-history ranges and inline ignores.
  auto line_of = [&](uint32_t offset) { return file.PositionAt(offset).line; };
  auto ignored = [&](const Candidate& candidate) {
    if (!options.honor_inline_ignore || ignore_marks.empty()) return false;
    const uint32_t line = line_of(candidate.begin);
    const uint32_t line_begin = file.OffsetAt(Position{line, 0});
    const uint32_t line_end = line_begin + static_cast<uint32_t>(file.LineText(line).size());
    auto it = std::lower_bound(ignore_marks.begin(), ignore_marks.end(), line_begin);
    for (; it != ignore_marks.end() && *it <= line_end; ++it) {
      // Rule ids or names listed after the marker restrict it to those rules.
      std::string_view rest(text.data() + *it, line_end - *it);
      size_t start = rest.find_first_not_of(" \t:=");
      rest = start == std::string_view::npos ? std::string_view() : rest.substr(start);
      const SecretRuleSpec& rule = rules[candidate.rule];
      bool listed_any = false;
      while (!rest.empty()) {
        size_t stop = rest.find_first_of(" \t,;");
        std::string_view token = rest.substr(0, stop);
        const bool is_rule = token.rfind("FL-", 0) == 0 ||
                             std::any_of(rules.begin(), rules.end(),
                                         [&](const SecretRuleSpec& r) { return r.name == token; });
        if (!is_rule) break;
        listed_any = true;
        if (token == rule.id || token == rule.name) return true;
        if (stop == std::string_view::npos) break;
        rest = rest.substr(stop);
        start = rest.find_first_not_of(" \t,;");
        rest = start == std::string_view::npos ? std::string_view() : rest.substr(start);
      }
      if (!listed_any) return true;
    }
    return false;
  };
  auto line_allowed = [&](const Candidate& candidate) {
    if (options.line_ranges.empty()) return true;
    const uint32_t line = line_of(candidate.begin);
    return std::any_of(options.line_ranges.begin(), options.line_ranges.end(),
                       [line](const auto& r) { return line >= r.first && line <= r.second; });
  };

  // Overlaps: the rule listed first wins; then position order.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     return a.rule != b.rule ? a.rule < b.rule : a.begin < b.begin;
                   });
  std::vector<Candidate> accepted;
  std::map<uint32_t, uint32_t> taken;  // begin -> end of accepted ranges (non-overlapping)
  for (const Candidate& candidate : candidates) {
    const uint32_t end = std::max(candidate.end, candidate.begin + 1);
    auto it = taken.upper_bound(candidate.begin);
    if (it != taken.end() && it->first < end) continue;
    if (it != taken.begin() && std::prev(it)->second > candidate.begin) continue;
    taken.emplace(candidate.begin, end);
    if (!line_allowed(candidate) || ignored(candidate)) continue;
    accepted.push_back(candidate);
  }
  std::sort(accepted.begin(), accepted.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  });

  const size_t limit = std::min<size_t>(accepted.size(), options.max_findings_per_file);
  for (size_t i = 0; i < limit; ++i) {
    const Candidate& candidate = accepted[i];
    const SecretRuleSpec& rule = rules[candidate.rule];
    const std::string_view secret(text.data() + candidate.secret_begin,
                                  candidate.secret_end - candidate.secret_begin);
    Finding finding;
    finding.rule_id = rule.id;
    finding.rule_name = rule.name;
    finding.severity = candidate.example ? Severity::kLow : rule.severity;
    finding.range = SourceRange{&file, candidate.begin, candidate.end};
    finding.fingerprint = ComputeFingerprint(rule.id, file.path(), "", SecretDigest(secret));
    std::string message = rule.kind;
    if (candidate.example) message += " (a documented example value)";
    if (candidate.key_end > candidate.key_begin) {
      std::string key = SanitizeKey(std::string_view(text.data() + candidate.key_begin,
                                                     candidate.key_end - candidate.key_begin));
      if (key.find(secret) == std::string::npos) message += " in " + key;
    }
    message += ": " + RedactSecret(secret, finding.fingerprint);
    finding.message = std::move(message);
    out->push_back(std::move(finding));
  }
  summary.reported = static_cast<uint32_t>(limit);
  if (accepted.size() > limit || stopped) {
    summary.capped = static_cast<uint32_t>(accepted.size() - limit);
    Finding notice;
    notice.rule_id = kFindingsCappedId;
    notice.rule_name = "secrets-findings-capped";
    notice.severity = Severity::kMedium;
    // From the first secret not reported (or, when the search stopped, the end of the last one
    // reported) to the end of the file: reporters mask a FL-SEC range in source snippets, so no
    // snippet of this file (the notice's, or another finding's on the same line) shows a secret
    // that has no finding of its own.
    uint32_t at = 0;
    if (accepted.size() > limit) {
      at = accepted[limit].begin;
    } else if (limit > 0) {
      at = std::max(accepted[limit - 1].end, accepted[limit - 1].begin + 1);
    }
    const uint32_t file_end = static_cast<uint32_t>(text.size());
    notice.range = SourceRange{&file, std::min(at, file_end), file_end};
    if (stopped) {
      notice.message = "too many secret candidates in this file: only the first " +
                       std::to_string(limit) + " findings are reported (limit " +
                       std::to_string(options.max_findings_per_file) + " per file)";
    } else {
      notice.message = std::to_string(accepted.size() - limit) +
                       " further secret findings in this file were not reported (limit " +
                       std::to_string(options.max_findings_per_file) + " per file)";
    }
    notice.fingerprint = ComputeFingerprint(kFindingsCappedId, file.path(), "", "capped");
    out->push_back(std::move(notice));
  }
  return summary;
}

SecretScanner::SecretScanner()
    : SecretScanner(SecretScannerConfig{rules::secrets::BuiltinSecretRules(), {}}) {}

SecretScanner::SecretScanner(SecretScannerConfig config) : impl_(std::make_unique<Impl>()) {
  impl_->Build(std::move(config));
}

SecretScanner::~SecretScanner() = default;

SecretScanSummary SecretScanner::Scan(const SourceFile& file, std::vector<Finding>* out,
                                      const SecretScanOptions& options) const {
  return impl_->Scan(file, out, options);
}

const std::vector<SecretRuleSpec>& SecretScanner::rules() const { return impl_->rules; }
const std::vector<std::string>& SecretScanner::errors() const { return impl_->errors; }

}  // namespace faultline::engine::secrets
