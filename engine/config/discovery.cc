#include "engine/config/discovery.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "engine/config/work_tree_ignore.h"

namespace faultline::engine::config {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool MatchClass(std::string_view pattern, size_t* p, char c) {
  // pattern[*p] == '['
  size_t i = *p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (c >= pattern[i] && c <= pattern[i + 2]) matched = true;
      i += 3;
    } else {
      if (c == pattern[i]) matched = true;
      ++i;
    }
  }
  if (i >= pattern.size()) return false;  // unterminated class: no match
  *p = i + 1;
  return matched != negate;
}

// Memoised matcher: each (pattern position, text position) pair is decided once, so the cost is
// bounded by pattern length x text length whatever the pattern.
class GlobMatcher {
 public:
  GlobMatcher(std::string_view pattern, std::string_view text)
      : pattern_(pattern), text_(text), memo_((pattern.size() + 1) * (text.size() + 1), -1) {}

  bool Match(size_t p, size_t t) {
    int8_t& slot = memo_[p * (text_.size() + 1) + t];
    if (slot >= 0) return slot != 0;
    bool result = Compute(p, t);
    slot = result ? 1 : 0;
    return result;
  }

 private:
  bool Compute(size_t p, size_t t) {
    if (p == pattern_.size()) return t == text_.size();
    char pc = pattern_[p];
    if (pc == '*') {
      bool double_star = p + 1 < pattern_.size() && pattern_[p + 1] == '*';
      if (double_star) {
        size_t next = p + 2;
        bool slash_follows = next < pattern_.size() && pattern_[next] == '/';
        // "**/" matches zero or more whole segments; a bare "**" matches anything.
        if (slash_follows && Match(next + 1, t)) return true;
        for (size_t k = t; k <= text_.size(); ++k) {
          if (Match(next, k)) return true;
        }
        return false;
      }
      // "*" matches within one segment: zero characters, or one more non-slash character.
      if (Match(p + 1, t)) return true;
      return t < text_.size() && text_[t] != '/' && Match(p, t + 1);
    }
    if (t >= text_.size()) return false;
    if (pc == '?') return text_[t] != '/' && Match(p + 1, t + 1);
    if (pc == '[') {
      size_t q = p;
      if (!MatchClass(pattern_, &q, text_[t])) return false;
      return Match(q, t + 1);
    }
    return pc == text_[t] && Match(p + 1, t + 1);
  }

  std::string_view pattern_;
  std::string_view text_;
  std::vector<int8_t> memo_;
};

}  // namespace

FileKind ClassifyFile(std::string_view path) {
  std::string_view base = BaseName(path);
  if (EndsWith(base, ".tf.json")) return FileKind::kTerraformJson;
  if (EndsWith(base, ".tf")) return FileKind::kTerraform;
  if (base == "terraform.tfvars" || EndsWith(base, ".auto.tfvars")) return FileKind::kTfvars;
  if (base == "terraform.tfvars.json" || EndsWith(base, ".auto.tfvars.json")) {
    return FileKind::kTfvarsJson;
  }
  if (EndsWith(base, ".tfstate") || EndsWith(base, ".tfstate.backup")) return FileKind::kState;
  if (EndsWith(base, ".yaml") || EndsWith(base, ".yml")) return FileKind::kYaml;
  if (EndsWith(base, ".json")) return FileKind::kJson;
  return FileKind::kOther;
}

bool IsTerraformKind(FileKind kind) {
  return kind == FileKind::kTerraform || kind == FileKind::kTerraformJson ||
         kind == FileKind::kTfvars || kind == FileKind::kTfvarsJson;
}

bool GlobMatch(std::string_view pattern, std::string_view path) {
  if (pattern.size() > 4096 || path.size() > 4096) return false;
  GlobMatcher matcher(pattern, path);
  return matcher.Match(0, 0);
}

bool IsExcluded(const std::vector<std::string>& globs, const std::string& path) {
  if (globs.empty()) return false;
  std::string_view view = path;
  if (view.substr(0, 2) == "./") view.remove_prefix(2);
  for (const std::string& raw : globs) {
    std::string_view glob = raw;
    if (glob.substr(0, 2) == "./") glob.remove_prefix(2);
    while (glob.size() > 1 && glob.back() == '/') glob.remove_suffix(1);
    // Without `/`, `**` or a class a glob matches one segment: of the path and its sub-paths,
    // only the base name can match.
    if (glob.find_first_of("/[") == std::string_view::npos &&
        glob.find("**") == std::string_view::npos) {
      if (GlobMatch(glob, BaseName(view))) return true;
      continue;
    }
    if (GlobMatch(glob, view) || GlobMatch(glob, BaseName(view))) return true;
    // Any trailing sub-path ("modules/x/main.tf" matches "x/*.tf").
    for (size_t i = 0; i < view.size(); ++i) {
      if (view[i] == '/' && GlobMatch(glob, view.substr(i + 1))) return true;
    }
  }
  return false;
}

namespace {

struct Walker {
  const std::vector<std::string>& excludes;
  const FileProvider& files;
  DiscoveryResult& result;
  std::set<std::string> active;  // canonical paths of directories on the current walk stack
  std::set<std::string> seen_files;
  std::string root;  // the scan path being walked
  // Ignore rules of the work tree holding the scan path; null outside a work tree.
  WorkTreeIgnore* ignore = nullptr;

  void AddFile(const std::string& path, bool explicit_file) {
    FileKind kind = ClassifyFile(path);
    if (kind == FileKind::kOther && !explicit_file) return;
    if (kind == FileKind::kOther) kind = FileKind::kTerraform;
    if (!seen_files.insert(path).second) return;
    std::string_view base = BaseName(path);
    if (base == "kustomization.yaml" || base == "kustomization.yml") {
      result.kustomize_dirs.push_back(DirectoryOf(path));
    }
    result.files.push_back(DiscoveredFile{path, kind, root});
  }

  // `canonical`: the directory's CanonicalPath (ChildCanonicalPath).
  void Walk(const std::string& dir, const std::string& canonical, int depth) {
    if (!BeginDirectoryWalk(dir, canonical, depth, &active, &result.problems)) return;
    if (ignore != nullptr) ignore->EnterDirectory(dir);
    std::string error;
    std::vector<DirectoryEntry> entries = files.ListDirectory(dir, &error);
    if (!error.empty() && entries.empty()) {
      result.problems.push_back({dir, "cannot read directory: " + error});
    }
    for (const DirectoryEntry& entry : entries) {
      std::string path = JoinPath(dir, entry.name);
      if (entry.type == EntryType::kDirectory) {
        if (entry.name == ".terraform" || entry.name == ".git" || entry.name == "node_modules") {
          continue;
        }
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(path, true)) continue;
        Walk(path, ChildCanonicalPath(files, canonical, entry), depth + 1);
      } else if (entry.type == EntryType::kFile) {
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(path, false)) continue;
        if (entry.name == "Kustomization") result.kustomize_dirs.push_back(dir);
        AddFile(path, false);
      } else if (entry.type == EntryType::kMissing && entry.is_symlink) {
        if (ClassifyFile(path) != FileKind::kOther && !IsExcluded(excludes, path) &&
            (ignore == nullptr || !ignore->Ignored(path, false))) {
          result.problems.push_back({path, "dangling symlink"});
        }
      }
    }
    active.erase(canonical);
  }
};

}  // namespace

bool BeginDirectoryWalk(const std::string& dir, const std::string& canonical, int depth,
                        std::set<std::string>* active, std::vector<DiscoveryProblem>* problems) {
  if (depth > 256) {
    problems->push_back({dir, "directory nesting deeper than 256 levels; not scanned"});
    return false;
  }
  if (!active->insert(canonical).second) {
    problems->push_back({dir, "symlink loop: directory already being scanned as " + canonical});
    return false;
  }
  return true;
}

std::string ChildCanonicalPath(const FileProvider& files, const std::string& parent,
                               const DirectoryEntry& entry) {
  if (entry.is_symlink) return files.CanonicalPath(JoinPath(parent, entry.name));
  return parent == "/" ? "/" + entry.name : parent + "/" + entry.name;
}

std::string ScanPathError(const std::string& raw, EntryType type) {
  switch (type) {
    case EntryType::kMissing:
      return raw + ": no such file or directory";
    case EntryType::kOther:
      return raw + ": not a regular file or directory";
    default:
      return "";
  }
}

DiscoveryResult DiscoverFiles(const std::vector<std::string>& paths,
                              const std::vector<std::string>& exclude_globs,
                              const FileProvider& files) {
  DiscoveryResult result;
  Walker walker{exclude_globs, files, result, {}, {}, {}, nullptr};
  std::vector<std::string> roots = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const std::string& raw : roots) {
    std::string path = NormalizePath(raw);
    walker.root = path;
    const EntryType type = files.Stat(path);
    switch (type) {
      case EntryType::kDirectory: {
        // The scan path itself is walked even when ignored: it was named explicitly.
        WorkTreeIgnore ignore(files, path);
        walker.ignore = ignore.active() ? &ignore : nullptr;
        walker.Walk(path, files.CanonicalPath(path), 0);
        walker.ignore = nullptr;
        break;
      }
      case EntryType::kFile:
        walker.AddFile(path, true);
        break;
      case EntryType::kMissing:
      case EntryType::kOther:
        result.input_errors.push_back(ScanPathError(raw, type));
        break;
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.path < b.path; });
  std::sort(result.kustomize_dirs.begin(), result.kustomize_dirs.end());
  result.kustomize_dirs.erase(
      std::unique(result.kustomize_dirs.begin(), result.kustomize_dirs.end()),
      result.kustomize_dirs.end());
  return result;
}

}  // namespace faultline::engine::config
