#include "engine/config/text_discovery.h"

#include <algorithm>
#include <set>

#include "engine/config/work_tree_ignore.h"

namespace faultline::engine::config {

namespace {

struct TextWalker {
  const std::vector<std::string>& excludes;
  const FileProvider& files;
  TextDiscoveryResult& result;
  std::set<std::string> seen;
  std::set<std::string> active;  // canonical directories on the walk stack
  std::string root;              // the scan path being walked
  // Ignore rules of the work tree holding the scan path; null outside a work tree.
  WorkTreeIgnore* ignore = nullptr;

  void AddFile(const std::string& path) {
    if (!seen.insert(path).second) return;
    result.files.push_back(DiscoveredFile{path, ClassifyFile(path), root});
  }

  // `canonical`: the directory's CanonicalPath (ChildCanonicalPath).
  void Walk(const std::string& dir, const std::string& canonical, int depth) {
    if (!BeginDirectoryWalk(dir, canonical, depth, &active, &result.problems)) return;
    if (ignore != nullptr) ignore->EnterDirectory(dir);
    std::string error;
    const std::vector<DirectoryEntry> entries = files.ListDirectory(dir, &error);
    if (!error.empty() && entries.empty()) {
      result.problems.push_back({dir, "cannot read directory: " + error});
    }
    for (const DirectoryEntry& entry : entries) {
      if (entry.name == ".git") continue;
      const std::string path = JoinPath(dir, entry.name);
      if (entry.type == EntryType::kDirectory) {
        if (entry.name == ".terraform" || entry.name == "node_modules") continue;
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(path, true)) {
          ++result.gitignored;
          continue;
        }
        Walk(path, ChildCanonicalPath(files, canonical, entry), depth + 1);
      } else if (entry.type == EntryType::kFile) {
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(path, false)) {
          ++result.gitignored;
          continue;
        }
        AddFile(path);
      }
    }
    active.erase(canonical);
  }
};

}  // namespace

TextDiscoveryResult DiscoverTextFiles(const std::vector<std::string>& paths,
                                      const std::vector<std::string>& exclude_globs,
                                      const FileProvider& files) {
  TextDiscoveryResult result;
  TextWalker walker{exclude_globs, files, result, {}, {}, {}, nullptr};
  std::vector<std::string> roots = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const std::string& raw : roots) {
    const std::string path = NormalizePath(raw);
    walker.root = path;
    switch (files.Stat(path)) {
      case EntryType::kDirectory: {
        WorkTreeIgnore ignore(files, path);
        walker.ignore = ignore.active() ? &ignore : nullptr;
        walker.Walk(path, files.CanonicalPath(path), 0);
        walker.ignore = nullptr;
        break;
      }
      case EntryType::kFile:
        walker.AddFile(path);
        break;
      default:
        break;  // reported by DiscoverFiles
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.path < b.path; });
  return result;
}

}  // namespace faultline::engine::config
