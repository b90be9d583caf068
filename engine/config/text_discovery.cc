#include "engine/config/text_discovery.h"

#include <algorithm>
#include <set>

#include "engine/config/gitignore.h"

namespace faultline::engine::config {

namespace {

constexpr uint64_t kMaxIgnoreFileBytes = 1 << 20;

struct TextWalker {
  const std::vector<std::string>& excludes;
  const FileProvider& files;
  TextDiscoveryResult& result;
  std::set<std::string> seen;
  std::set<std::string> active;  // canonical directories on the walk stack
  std::string root;              // the scan path being walked
  // Ignore rules of the current scan path's work tree; null outside a work tree.
  GitignoreRules* ignore = nullptr;
  // The scan path's directory relative to the work tree root ("" for the root itself).
  std::string tree_prefix;

  // The path of `path` (under `root`) relative to the work tree root.
  std::string TreePath(const std::string& path) const {
    std::string below = path == root ? "" : path.substr(root == "." ? 0 : root.size() + 1);
    if (tree_prefix.empty()) return below;
    return below.empty() ? tree_prefix : tree_prefix + "/" + below;
  }

  void LoadIgnoreFile(const std::string& disk_path, const std::string& tree_dir) {
    if (files.Stat(disk_path) != EntryType::kFile) return;
    ReadResult read = files.ReadFile(disk_path, kMaxIgnoreFileBytes);
    if (read.status == ReadResult::Status::kOk) ignore->AddFile(tree_dir, read.text);
  }

  void AddFile(const std::string& path) {
    if (!seen.insert(path).second) return;
    result.files.push_back(DiscoveredFile{path, ClassifyFile(path), root});
  }

  void Walk(const std::string& dir, int depth) {
    if (depth > 256) return;
    const std::string canonical = files.CanonicalPath(dir);
    if (!active.insert(canonical).second) return;  // symlink loop (DiscoverFiles reports it)
    if (ignore != nullptr) LoadIgnoreFile(JoinPath(dir, ".gitignore"), TreePath(dir));
    std::string error;
    for (const DirectoryEntry& entry : files.ListDirectory(dir, &error)) {
      if (entry.name == ".git") continue;
      const std::string path = JoinPath(dir, entry.name);
      if (entry.type == EntryType::kDirectory) {
        if (entry.name == ".terraform" || entry.name == "node_modules") continue;
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(TreePath(path), true)) {
          ++result.gitignored;
          continue;
        }
        Walk(path, depth + 1);
      } else if (entry.type == EntryType::kFile) {
        if (IsExcluded(excludes, path)) continue;
        if (ignore != nullptr && ignore->Ignored(TreePath(path), false)) {
          ++result.gitignored;
          continue;
        }
        AddFile(path);
      }
    }
    active.erase(canonical);
  }

  // Sets up `ignore` for a directory scan path: finds its work tree and loads the ignore files
  // of the tree root and of every directory between the root and the scan path.
  void EnterRoot(const std::string& path, GitignoreRules* rules) {
    ignore = nullptr;
    tree_prefix.clear();
    const std::string absolute = files.CanonicalPath(path);
    if (absolute.empty() || absolute[0] != '/') return;
    const std::string tree = FindWorkTreeRoot(absolute, [this](const std::string& dir) {
      return files.Stat(JoinPath(dir, ".git")) != EntryType::kMissing;
    });
    if (tree.empty()) return;
    ignore = rules;
    if (absolute.size() > tree.size()) {
      tree_prefix = absolute.substr(tree == "/" ? 1 : tree.size() + 1);
    }
    if (files.Stat(JoinPath(tree, ".git")) == EntryType::kDirectory) {
      const std::string exclude = JoinPath(tree, ".git/info/exclude");
      if (files.Stat(exclude) == EntryType::kFile) {
        ReadResult read = files.ReadFile(exclude, kMaxIgnoreFileBytes);
        if (read.status == ReadResult::Status::kOk) ignore->AddFile("", read.text);
      }
    }
    // .gitignore files of the directories above the scan path, shallowest first (the scan
    // path's own is read when the walk enters it).
    if (!tree_prefix.empty()) {
      LoadIgnoreFile(JoinPath(tree, ".gitignore"), "");
      for (size_t slash = tree_prefix.find('/'); slash != std::string::npos;
           slash = tree_prefix.find('/', slash + 1)) {
        const std::string dir = tree_prefix.substr(0, slash);
        LoadIgnoreFile(JoinPath(tree, dir + "/.gitignore"), dir);
      }
    }
  }
};

}  // namespace

TextDiscoveryResult DiscoverTextFiles(const std::vector<std::string>& paths,
                                      const std::vector<std::string>& exclude_globs,
                                      const FileProvider& files) {
  TextDiscoveryResult result;
  TextWalker walker{exclude_globs, files, result, {}, {}, {}, nullptr, {}};
  std::vector<std::string> roots = paths.empty() ? std::vector<std::string>{"."} : paths;
  for (const std::string& raw : roots) {
    const std::string path = NormalizePath(raw);
    walker.root = path;
    switch (files.Stat(path)) {
      case EntryType::kDirectory: {
        GitignoreRules rules;
        walker.EnterRoot(path, &rules);
        walker.Walk(path, 0);
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
