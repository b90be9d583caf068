// Scan: the one engine entry point used by every front end (CLI, language server, tests).
//
// Scan discovers the files under the given paths through a FileProvider, parses them on
// `jobs` threads, evaluates each root module into one ResourceGraph, runs the enabled rules and
// returns the findings sorted (FindingLess). The result is byte-for-byte the same for any `jobs`.
// Bad input never aborts the scan: it becomes FL-ENG-* findings located at file:line:col.
// `input_errors` lists problems with the request itself (a scan path that does not exist, an
// unreadable --var-file): front ends exit with status 2 when it is non-empty.
#ifndef FAULTLINE_ENGINE_SCAN_H_
#define FAULTLINE_ENGINE_SCAN_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/limits.h"
#include "engine/project/finding_policy.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"
#include "engine/secrets/secret_allowlist.h"
#include "engine/source_file.h"

namespace faultline::engine {

struct ScanOptions {
  std::vector<std::string> paths;                         // files or directories; "." when empty
  std::vector<std::string> exclude_globs;                 // matched against paths and base names
  std::vector<std::string> var_files;                     // --var-file, applied in order
  std::vector<std::pair<std::string, std::string>> vars;  // --var k=v, applied in order
  std::map<std::string, std::string> environment;         // TF_VAR_* values (name without prefix)
  int jobs = 0;                                           // 0 = hardware concurrency
  Limits limits;
  // Rules to run (ids or names); empty = all the rules passed to Scan.
  std::vector<std::string> enabled_rules;
  // Configured rule option values by rule id (.faultline.yaml); declared defaults otherwise.
  RuleOptionsByRule rule_options;
  // What the project declares is not a secret (.faultline.yaml `secrets.allowlist`).
  secrets::SecretAllowlist secret_allowlist;
  // Inline suppressions, disabled rules, per-path disables and severity overrides, applied to
  // the findings after every pass (engine/project/finding_policy.h; .faultline.yaml fills it).
  project::FindingPolicy finding_policy;
  // Search every text file under `paths` for secrets (engine/secrets/secret_pass.h); false
  // also drops the structural FL-SEC findings.
  bool scan_secrets = true;
  // Search files for secrets as text only (--secrets-only): the regex secret rules on every
  // text file under `paths`, and nothing else — no Terraform, Kubernetes or state loading, no
  // graph rules (so neither the structural FL-SEC rules, which need the parsed model, nor the
  // FL-ENG diagnostics of parsing). state_paths, live_paths and var_files must be empty.
  bool secrets_only = false;
  // Terraform state / plan JSON files or directories (--state); *.tfstate files and state-shaped
  // JSON under `paths` are loaded too.
  std::vector<std::string> state_paths;
  // Live-state exports (--live): kubectl `-o json` output and aws CLI output, files or
  // directories. Their resources have origin kLive.
  std::vector<std::string> live_paths;
  // The namespace of Kubernetes objects that do not name one (--namespace).
  std::string default_namespace = "default";
  // A manifest stream read from standard input (`faultline scan -`), scanned as "<stdin>".
  std::optional<std::string> stdin_manifests;
  // Render directories holding a kustomization with `kubectl kustomize` when kubectl is on PATH.
  bool render_kustomize = true;
  // The process exits right after this scan (the CLI): the syntax trees the scan builds are
  // left to the operating system instead of being freed node by node (as compilers do), which
  // is a few percent of a scan. Keep false in a long-lived process (the language server).
  bool process_exits_after_scan = false;
};

struct ScanResult {
  std::vector<std::unique_ptr<SourceFile>> files;  // every file read, sorted by path
  ResourceGraph graph;
  std::vector<Finding> findings;          // sorted with FindingLess
  std::vector<std::string> input_errors;  // problems with the request itself
  uint64_t bytes_scanned = 0;
  // Files searched for secrets and released without a finding (text files that no loader
  // reads, every file with --secrets-only); files.size() + this is the number of files scanned.
  size_t files_released = 0;
  size_t suppressed = 0;  // findings removed by inline suppressions (faultline:ignore)
};

// Runs a scan. `rules` must outlive the call; `files` must be safe for concurrent reads.
ScanResult Scan(const ScanOptions& options, const FileProvider& files, const RuleList& rules);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_SCAN_H_
