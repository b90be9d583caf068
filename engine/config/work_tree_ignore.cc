#include "engine/config/work_tree_ignore.h"

#include <algorithm>

namespace faultline::engine::config {

namespace {

constexpr uint64_t kMaxIgnoreFileBytes = 1 << 20;

}  // namespace

WorkTreeIgnore::WorkTreeIgnore(const FileProvider& files, const std::string& scan_path)
    : files_(files), scan_path_(scan_path) {
  const std::string absolute = files_.CanonicalPath(scan_path);
  if (absolute.empty() || absolute[0] != '/') return;
  const std::string tree = FindWorkTreeRoot(absolute, [this](const std::string& dir) {
    return files_.Stat(JoinPath(dir, ".git")) != EntryType::kMissing;
  });
  if (tree.empty()) return;
  active_ = true;
  if (absolute.size() > tree.size()) {
    tree_prefix_ = absolute.substr(tree == "/" ? 1 : tree.size() + 1);
  }
  if (files_.Stat(JoinPath(tree, ".git")) == EntryType::kDirectory) {
    LoadIgnoreFile(JoinPath(tree, ".git/info/exclude"), "");
  }
  // .gitignore files of the directories above the scan path, shallowest first (the scan path's
  // own is read when the walk enters it).
  if (!tree_prefix_.empty()) {
    LoadIgnoreFile(JoinPath(tree, ".gitignore"), "");
    for (size_t slash = tree_prefix_.find('/'); slash != std::string::npos;
         slash = tree_prefix_.find('/', slash + 1)) {
      const std::string dir = tree_prefix_.substr(0, slash);
      LoadIgnoreFile(JoinPath(tree, dir + "/.gitignore"), dir);
    }
  }
}

void WorkTreeIgnore::EnterDirectory(const std::string& directory) {
  if (active_) LoadIgnoreFile(JoinPath(directory, ".gitignore"), TreePath(directory));
}

bool WorkTreeIgnore::Ignored(const std::string& path, bool is_directory) const {
  return active_ && !rules_.empty() && rules_.Ignored(TreePath(path), is_directory);
}

std::string WorkTreeIgnore::TreePath(const std::string& path) const {
  std::string below;
  if (path != scan_path_) {
    size_t skip = scan_path_ == "." ? 0 : scan_path_.size();
    if (skip > 0 && scan_path_.back() != '/') ++skip;  // the separator after the scan path
    below = path.substr(std::min(skip, path.size()));
  }
  if (tree_prefix_.empty()) return below;
  return below.empty() ? tree_prefix_ : tree_prefix_ + "/" + below;
}

void WorkTreeIgnore::LoadIgnoreFile(const std::string& disk_path, const std::string& tree_dir) {
  if (files_.Stat(disk_path) != EntryType::kFile) return;
  ReadResult read = files_.ReadFile(disk_path, kMaxIgnoreFileBytes);
  if (read.status == ReadResult::Status::kOk) rules_.AddFile(tree_dir, read.text);
}

}  // namespace faultline::engine::config
