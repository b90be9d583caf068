// Text discovery: every file under the scan paths that the secret scan reads, whatever its kind.
//
// Walks directories in sorted order like DiscoverFiles (same path normalisation, exclude globs,
// depth limit and symlink-loop protection), but keeps every regular file, not only the input
// kinds the loaders read. Skipped:
//  - `.git` entries (directories, and the `.git` files of worktrees and submodules);
//  - `.terraform/` and `node_modules/` directories, always, as the IaC discovery skips them:
//    they hold downloaded third-party code, not the project's own, and would drown the
//    project's findings (exclude more with exclude globs);
//  - when a scan path is inside a git work tree (a `.git` directory or file in it or an
//    ancestor), whatever the work tree's ignore rules ignore: `.gitignore` files from the work
//    tree root down to each directory, and `.git/info/exclude` (see GitignoreRules). Global
//    excludes (core.excludesFile) are not read.
// A file named explicitly as a scan path is always kept. Binary content is not sniffed here
// (that needs the file's bytes): the secret scan does it when it reads the file. Thread-safe.
#ifndef FAULTLINE_ENGINE_CONFIG_TEXT_DISCOVERY_H_
#define FAULTLINE_ENGINE_CONFIG_TEXT_DISCOVERY_H_

#include <string>
#include <vector>

#include "engine/config/discovery.h"
#include "engine/file_provider.h"

namespace faultline::engine::config {

struct TextDiscoveryResult {
  std::vector<DiscoveredFile> files;  // sorted by path, no duplicates; kind from ClassifyFile
  uint64_t gitignored = 0;            // files and directories left out by ignore rules
  // Directories not walked: symlink loops, nesting over the depth limit, unreadable ones (the
  // same messages as DiscoverFiles').
  std::vector<DiscoveryProblem> problems;
};

TextDiscoveryResult DiscoverTextFiles(const std::vector<std::string>& paths,
                                      const std::vector<std::string>& exclude_globs,
                                      const FileProvider& files);

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_TEXT_DISCOVERY_H_
