// Work-tree ignore rules for one directory walk: which entries under a scan path git ignores.
//
// Shared by the file discoveries (DiscoverFiles, DiscoverTextFiles) so both honour .gitignore
// the same way. Constructed for a directory scan path: when that directory is inside a git work
// tree (a `.git` directory or file in it or an ancestor), loads `.git/info/exclude` and the
// `.gitignore` files of the directories from the work tree root down to (not including) the scan
// path; outside a work tree it is inactive and ignores nothing. The walk calls EnterDirectory once
// per directory it lists (the scan path included), which reads that directory's `.gitignore` once,
// then asks Ignored for each entry. Paths are the walk's own paths (the scan path joined with the
// entries below it). Global excludes (core.excludesFile) are not read. Not thread-safe.
#ifndef FAULTLINE_ENGINE_CONFIG_WORK_TREE_IGNORE_H_
#define FAULTLINE_ENGINE_CONFIG_WORK_TREE_IGNORE_H_

#include <string>

#include "engine/config/gitignore.h"
#include "engine/file_provider.h"

namespace faultline::engine::config {

class WorkTreeIgnore {
 public:
  WorkTreeIgnore(const FileProvider& files, const std::string& scan_path);

  // True when the scan path is inside a git work tree.
  bool active() const { return active_; }
  // Adds the patterns of `directory`/.gitignore (`directory` is the scan path or below it).
  void EnterDirectory(const std::string& directory);
  // True when `path` (the scan path or below it) is ignored by the work tree's rules.
  bool Ignored(const std::string& path, bool is_directory) const;

 private:
  // `path` relative to the work tree root.
  std::string TreePath(const std::string& path) const;
  void LoadIgnoreFile(const std::string& disk_path, const std::string& tree_dir);

  const FileProvider& files_;
  std::string scan_path_;
  std::string tree_prefix_;  // the scan path relative to the work tree root ("" for the root)
  bool active_ = false;
  GitignoreRules rules_;
};

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_WORK_TREE_IGNORE_H_
