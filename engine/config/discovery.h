// File discovery: which files under the scan paths the engine reads, and as what.
//
// Walks directories in sorted order (so the result is deterministic), skipping `.terraform/`,
// `.git/` and `node_modules/`, anything matching an exclude glob, and symlinked directories already
// visited (a loop becomes a problem entry, not a hang). Paths are built from the user's scan paths
// and normalised ("examples/main.tf"). A file named explicitly is taken whatever its extension.
// Inside a git work tree, entries the work tree's ignore rules ignore are skipped, as the text
// discovery skips them (see WorkTreeIgnore); a scan path named explicitly (file or directory) is
// scanned even when ignored.
#ifndef FAULTLINE_ENGINE_CONFIG_DISCOVERY_H_
#define FAULTLINE_ENGINE_CONFIG_DISCOVERY_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/file_provider.h"

namespace faultline::engine::config {

enum class FileKind : uint8_t {
  kTerraform,      // *.tf
  kTerraformJson,  // *.tf.json
  kTfvars,         // terraform.tfvars, *.auto.tfvars
  kTfvarsJson,     // terraform.tfvars.json, *.auto.tfvars.json
  kYaml,           // *.yaml, *.yml: Kubernetes manifests (documents with apiVersion and kind)
  kJson,           // other *.json: a manifest, a state or plan, a live export, or other JSON
  kState,          // *.tfstate, *.tfstate.backup
  kOther,          // not a known input kind
};

struct DiscoveredFile {
  std::string path;
  FileKind kind = FileKind::kOther;
  std::string root;  // the scan path it was found under (a file's own path for a file argument)
};

struct DiscoveryProblem {
  std::string path;
  std::string message;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;       // sorted by path, no duplicates
  std::vector<DiscoveryProblem> problems;  // unreadable directories, symlink loops
  std::vector<std::string> input_errors;   // scan paths that do not exist
  // Directories holding a kustomization.yaml / kustomization.yml / Kustomization file, sorted.
  std::vector<std::string> kustomize_dirs;
};

// The kind of a file by its name; kOther for anything no loader reads.
FileKind ClassifyFile(std::string_view path);
// True for the kinds the Terraform module loader reads (.tf, .tf.json, tfvars).
bool IsTerraformKind(FileKind kind);

// Glob match: `*` and `?` within a path segment, `**` across segments, `[abc]` classes.
bool GlobMatch(std::string_view pattern, std::string_view path);
// True when `path` (or its base name, or any of its trailing sub-paths) matches a glob.
bool IsExcluded(const std::vector<std::string>& globs, const std::string& path);
// Shared by the directory walkers (DiscoverFiles, DiscoverTextFiles):
// BeginDirectoryWalk runs the checks before walking `dir` — nesting deeper than 256 levels, a
// symlink loop (`canonical` already in `active`) — and returns false with the problem recorded,
// or marks `canonical` active and returns true (the walker erases it when done).
bool BeginDirectoryWalk(const std::string& dir, const std::string& canonical, int depth,
                        std::set<std::string>* active, std::vector<DiscoveryProblem>* problems);
// The CanonicalPath of `entry`, listed in a directory whose canonical path is `parent`: derived
// from the parent's unless the entry is a symbolic link (realpath per directory was a tenth of
// the walk).
std::string ChildCanonicalPath(const FileProvider& files, const std::string& parent,
                               const DirectoryEntry& entry);
// The input error for a scan path `raw` of this type ("x: no such file or directory"), or ""
// when it is a file or a directory.
std::string ScanPathError(const std::string& raw, EntryType type);

DiscoveryResult DiscoverFiles(const std::vector<std::string>& paths,
                              const std::vector<std::string>& exclude_globs,
                              const FileProvider& files);

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_DISCOVERY_H_
