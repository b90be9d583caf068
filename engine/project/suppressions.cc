#include "engine/project/suppressions.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "engine/engine_rules.h"
#include "engine/secrets/secret_scanner.h"

namespace faultline::engine::project {

namespace {

constexpr std::string_view kMarker = "faultline:ignore";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Where the comment holding the marker at `marker` (an offset in `line`) opens: the offset of
// its `#` or `//`, or npos when the marker is not the first word of a comment.
size_t CommentOpener(std::string_view line, size_t marker) {
  size_t i = marker;
  while (i > 0 && IsSpace(line[i - 1])) --i;
  if (i >= 1 && line[i - 1] == '#') return i - 1;
  if (i >= 2 && line[i - 1] == '/' && line[i - 2] == '/') return i - 2;
  return std::string_view::npos;
}

bool IsCommentOrBlank(std::string_view line) {
  std::string_view text = Trim(line);
  return text.empty() || text.front() == '#' || text.starts_with("//");
}

bool Covers(const Suppression& s, const Finding& f) {
  if (s.rules.empty()) return true;
  for (const std::string& rule : s.rules) {
    if (rule == f.rule_id || rule == f.rule_name) return true;
  }
  return false;
}

uint32_t LineOf(const SourceRange& range) { return range.file->PositionAt(range.begin).line; }

// The lines that stand for a resource's header: the first line of its range, the first code
// line from there (a Kubernetes document may start with `---` and comments), and the header.
std::vector<uint32_t> HeaderLines(const Resource& r) {
  std::vector<uint32_t> lines;
  const SourceFile& file = *r.range.file;
  uint32_t first = LineOf(r.range);
  lines.push_back(first);
  for (uint32_t line = first; line < file.line_count() && line < first + 64; ++line) {
    std::string_view text = Trim(file.LineText(line));
    if (IsCommentOrBlank(text) || text == "---" || text.starts_with("--- ")) continue;
    if (line != first) lines.push_back(line);
    break;
  }
  if (r.header.valid() && r.header.file == r.range.file) lines.push_back(LineOf(r.header));
  return lines;
}

bool Contains(const SourceRange& outer, const SourceRange& inner) {
  return outer.file == inner.file && inner.begin >= outer.begin && inner.end <= outer.end;
}

std::string JoinRules(const std::vector<std::string>& rules) {
  std::string out;
  for (const std::string& rule : rules) out += (out.empty() ? "" : ", ") + rule;
  return out;
}

// The suppression's own text: a fingerprint discriminator that does not change when it moves.
std::string MarkerText(const Suppression& s) {
  return s.marker.file->text().substr(s.marker.begin, s.marker.end - s.marker.begin);
}

}  // namespace

void ParseSuppressionText(std::string_view text, Suppression* out) {
  size_t dashes = text.find("--");
  std::string_view ids = text.substr(0, dashes);
  if (dashes != std::string_view::npos) out->reason = std::string(Trim(text.substr(dashes + 2)));
  // Ids and names contain a dash; the first word without one starts a free-text reason.
  size_t i = 0;
  while (i < ids.size()) {
    while (i < ids.size() && (IsSpace(ids[i]) || ids[i] == ',' || ids[i] == ':')) ++i;
    size_t end = i;
    while (end < ids.size() && !IsSpace(ids[end]) && ids[end] != ',') ++end;
    if (end == i) break;
    std::string_view token = ids.substr(i, end - i);
    if (token.find('-') == std::string_view::npos || token.starts_with("*/")) {
      std::string_view rest = Trim(ids.substr(i));
      if (out->reason.empty()) out->reason = std::string(rest);
      break;
    }
    out->rules.emplace_back(token);
    i = end;
  }
  if (out->reason.ends_with("*/"))
    out->reason = std::string(Trim(out->reason.substr(0, out->reason.size() - 2)));
}

std::vector<Suppression> ParseSuppressionComments(const SourceFile& file) {
  std::vector<Suppression> out;
  const std::string& text = file.text();
  size_t at = text.find(kMarker);
  while (at != std::string::npos) {
    uint32_t line = file.PositionAt(static_cast<uint32_t>(at)).line;
    uint32_t line_begin = file.OffsetAt(Position{line, 0});
    std::string_view line_text = file.LineText(line);
    size_t in_line = at - line_begin;
    size_t opener = CommentOpener(line_text, in_line);
    if (opener != std::string_view::npos) {
      Suppression s;
      s.marker = SourceRange{&file, static_cast<uint32_t>(at),
                             line_begin + static_cast<uint32_t>(line_text.size())};
      ParseSuppressionText(line_text.substr(in_line + kMarker.size()), &s);
      if (!Trim(line_text.substr(0, opener)).empty()) {
        s.target_line = line;
        s.has_target = true;
      } else {
        for (uint32_t next = line + 1; next < file.line_count(); ++next) {
          if (IsCommentOrBlank(file.LineText(next))) continue;
          s.target_line = next;
          s.has_target = true;
          break;
        }
      }
      out.push_back(std::move(s));
    }
    at = text.find(kMarker, at + kMarker.size());
  }
  return out;
}

size_t ApplySuppressions(const std::vector<std::unique_ptr<SourceFile>>& files,
                         const ResourceGraph& graph, const SuppressionScope& scope,
                         std::vector<Finding>* findings) {
  std::vector<Suppression> all;
  std::map<const SourceFile*, bool> has_comments;
  for (const auto& file : files) {
    if (file->text().find(kMarker) == std::string::npos) continue;
    std::vector<Suppression> found = ParseSuppressionComments(*file);
    if (found.empty()) continue;
    has_comments[file.get()] = true;
    for (Suppression& s : found) all.push_back(std::move(s));
  }
  // Annotations on Kubernetes objects. An annotation only counts where it was written
  // (annotation->range() is valid), so an object whose file never spells the annotation's name,
  // even through an escape sequence, has none: skip those without touching the object.
  std::unordered_map<const SourceFile*, bool> may_annotate;
  auto file_may_annotate = [&](const SourceFile* file) {
    auto [it, inserted] = may_annotate.try_emplace(file, false);
    if (inserted) {
      it->second = file->text().find(kIgnoreAnnotation) != std::string::npos ||
                   file->text().find('\\') != std::string::npos;
    }
    return it->second;
  };
  for (const Resource& r : graph.resources()) {
    if (r.kind != ResourceKind::kObject) continue;
    const SourceFile* file = r.attributes.range().file;
    if (file != nullptr && !file_may_annotate(file)) continue;
    // Map steps (as Find reads these keys), without building a path vector per object.
    const Value* annotation = r.attributes.Get("metadata");
    if (annotation != nullptr) annotation = annotation->Get("annotations");
    if (annotation != nullptr) annotation = annotation->Get(kIgnoreAnnotation);
    if (annotation == nullptr || !annotation->is_string() || !annotation->range().valid()) continue;
    Suppression s;
    s.marker = annotation->range();
    s.object = &r;
    ParseSuppressionText(annotation->as_string(), &s);
    all.push_back(std::move(s));
  }
  if (all.empty()) return 0;

  // Index: (file, line) -> comment suppressions targeting it; and the resources whose header
  // a comment targets.
  std::map<std::pair<const SourceFile*, uint32_t>, std::vector<size_t>> by_line;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].object == nullptr && all[i].has_target) {
      by_line[{all[i].marker.file, all[i].target_line}].push_back(i);
    }
  }
  struct ObjectSuppression {
    size_t suppression;
    const Resource* resource;
  };
  std::vector<ObjectSuppression> objects;
  for (const Resource& r : graph.resources()) {
    if (!r.range.valid() || !has_comments.count(r.range.file)) continue;
    for (uint32_t line : HeaderLines(r)) {
      auto it = by_line.find({r.range.file, line});
      if (it == by_line.end()) continue;
      for (size_t i : it->second) objects.push_back(ObjectSuppression{i, &r});
      break;
    }
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].object != nullptr) objects.push_back(ObjectSuppression{i, all[i].object});
  }

  std::vector<char> used(all.size(), 0);
  std::vector<Finding> kept;
  kept.reserve(findings->size());
  size_t removed = 0;
  for (Finding& f : *findings) {
    bool suppressed = false;
    auto consider = [&](size_t i) {
      if (!Covers(all[i], f)) return;
      used[i] = 1;
      suppressed = true;
    };
    if (f.range.valid()) {
      auto it = by_line.find({f.range.file, LineOf(f.range)});
      if (it != by_line.end()) {
        for (size_t i : it->second) consider(i);
      }
    }
    for (const ObjectSuppression& o : objects) {
      const Resource& r = *o.resource;
      bool belongs =
          (f.range.valid() && Contains(r.range, f.range)) ||
          (!f.resource_address.empty() && f.module_dir == r.module_dir &&
           (f.resource_address == r.address ||
            (r.kind == ResourceKind::kModule && f.resource_address.starts_with(r.address + "."))));
      if (belongs) consider(o.suppression);
    }
    if (suppressed) {
      ++removed;
    } else {
      kept.push_back(std::move(f));
    }
  }

  // Secret rules: the secret scanner drops secrets on a `faultline:ignore` line itself, so a
  // comment there may have been used before this pass ran.
  std::set<std::string, std::less<>> secret_rules;
  for (const RuleMetadata& m : secrets::SecretRuleMetadata()) {
    secret_rules.insert(m.id);
    secret_rules.insert(m.name);
  }
  std::optional<secrets::SecretScanner> scanner;
  std::map<const SourceFile*, std::vector<Finding>> secrets_by_file;
  auto used_by_secret_scanner = [&](const Suppression& s) {
    bool names_secret =
        s.rules.empty() || std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& r) {
          return secret_rules.count(r) > 0;
        });
    if (!names_secret || s.object != nullptr) return false;
    auto it = secrets_by_file.find(s.marker.file);
    if (it == secrets_by_file.end()) {
      if (!scanner) scanner.emplace();
      secrets::SecretScanOptions options;
      options.honor_inline_ignore = false;
      std::vector<Finding> found;
      scanner->Scan(*s.marker.file, &found, options);
      it = secrets_by_file.emplace(s.marker.file, std::move(found)).first;
    }
    uint32_t line = LineOf(s.marker);
    return std::any_of(it->second.begin(), it->second.end(), [&](const Finding& f) {
      return f.range.valid() && LineOf(f.range) == line && Covers(s, f);
    });
  };

  for (size_t i = 0; i < all.size(); ++i) {
    const Suppression& s = all[i];
    const std::string what =
        s.object != nullptr ? "annotation " + std::string(kIgnoreAnnotation) : "faultline:ignore";
    if (used[i]) {
      if (s.reason.empty()) {
        kept.push_back(
            MakeEngineFinding(kSuppressionWithoutReasonId, s.marker,
                              what + " without a reason: add `-- why` after the rule ids",
                              "no reason: " + MarkerText(s)));
      }
      continue;
    }
    // Report only what certainly ran: a suppression of rules that were not selected is not
    // stale.
    bool relevant = s.rules.empty()
                        ? scope.every_rule_ran
                        : std::any_of(s.rules.begin(), s.rules.end(),
                                      [&](const std::string& r) { return scope.ran.count(r) > 0; });
    if (!relevant || used_by_secret_scanner(s)) continue;
    std::string message = s.rules.empty() ? "unused " + what + ": no finding here to suppress"
                                          : "unused " + what + ": no " + JoinRules(s.rules) +
                                                " finding here to suppress";
    kept.push_back(MakeEngineFinding(
        kUnusedSuppressionId, s.marker, std::move(message),
        "unused: " + MarkerText(s) + " " + (s.object ? s.object->address : std::string())));
  }
  *findings = std::move(kept);
  std::sort(findings->begin(), findings->end(), FindingLess);
  return removed;
}

}  // namespace faultline::engine::project
