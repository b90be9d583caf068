// Git as a source of content for `faultline scan --staged` and `faultline scan --git-history`.
//
// git runs as a child process with an argument vector (posix_spawnp, no shell), in the current
// directory, with its output read through pipes and capped. Nothing from the scanned content is
// ever executed: paths and revisions are passed as separate arguments after `--` where git
// accepts it, and revision ranges starting with `-` are refused.
//
//  - StagedFileProvider serves the index (what `git commit` would record): the files added,
//    copied, modified or renamed in it (`git diff --cached --name-only -z --diff-filter=ACMR`),
//    read with `git show :PATH`, under their work-tree paths relative to the current directory
//    (`../x` when run from a subdirectory). Directories are the ancestors of those paths; nothing
//    else exists. Engine::Scan walks it like a disk, so every rule and the secret pass see the
//    staged content, not the working tree's.
//  - ScanGitHistory searches the lines added by each commit of a range (`git rev-list`, then
//    `git diff-tree -p -U0` per commit) with the regex secret scanner, reading each touched file
//    as of its commit (`git show COMMIT:PATH`) and reporting only secrets on added lines
//    (SecretScanOptions::line_ranges). Merge commits are not diffed (their parents' changes are).
#ifndef FAULTLINE_CLI_GIT_SOURCE_H_
#define FAULTLINE_CLI_GIT_SOURCE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/scan.h"
#include "engine/source_file.h"

namespace faultline::cli {

struct GitOutput {
  bool started = false;  // false: git could not be run (not installed)
  int exit_code = -1;    // the exit status (-1 when killed by a signal)
  bool truncated = false;
  std::string out;
  std::string err;
};

// Runs `git ARGS...` and collects up to `max_output` bytes of standard output (the rest is
// drained and `truncated` set). Thread-safe.
GitOutput RunGit(const std::vector<std::string>& args, uint64_t max_output = 1ull << 30);

class StagedFileProvider : public engine::FileProvider {
 public:
  // Lists the staged files; on failure returns nullptr with `*error` set (not a git work tree,
  // git missing).
  static std::unique_ptr<StagedFileProvider> Create(std::string* error);

  // The directory the staged paths are relative to: "." or the path of the work tree root from
  // the current directory ("../..").
  const std::string& root() const { return root_; }
  // The staged files, as the engine names them, sorted.
  std::vector<std::string> files() const;

  engine::EntryType Stat(const std::string& path) const override;
  std::vector<engine::DirectoryEntry> ListDirectory(const std::string& path,
                                                    std::string* error) const override;
  engine::ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const override;
  std::string CanonicalPath(const std::string& path) const override;

 private:
  std::string root_ = ".";
  std::map<std::string, std::string> files_;  // engine path -> path from the work tree root
  std::map<std::string, std::vector<engine::DirectoryEntry>> directories_;
};

struct GitHistoryOptions {
  std::string range = "HEAD";              // anything `git rev-list` accepts
  std::vector<std::string> enabled_rules;  // secret rule ids or names; empty = all
  uint64_t max_file_bytes = 10 * 1024 * 1024;
  int jobs = 0;
};

// The result has the shape of a scan: `files` holds the files with findings (as of the commit
// that added them), `findings` is sorted and each message ends with "(added in commit X)" (12
// hex digits), `input_errors` lists git failures, `bytes_scanned` the bytes read. A secret added
// again by a later commit (same fingerprint) is reported once, at its first commit.
engine::ScanResult ScanGitHistory(const GitHistoryOptions& options);

// The lines a unified diff with -U0 adds, per file (0-based inclusive ranges in the new file),
// from `git diff-tree -p` output. Paths are those of the `+++ b/...` lines (C-quoted names
// unquoted); deleted files are left out.
std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> AddedLines(
    std::string_view patch);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_GIT_SOURCE_H_
