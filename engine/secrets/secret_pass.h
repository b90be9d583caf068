// The secret pass of engine::Scan: searches every text file under the scan paths for secrets
// and reconciles those findings with the structural FL-SEC rules' findings.
//
// RunSecretPass, called by Scan after the rules have run:
//  1. Discovers every text file under options.paths (config::DiscoverTextFiles: .git,
//     .terraform and node_modules skipped, .gitignore honoured inside a git work tree), unless
//     `walk_paths` is false (standard input or --state/--live alone). With
//     options.secrets_only, directories it cannot walk (symlink loops, too deep, unreadable)
//     become FL-ENG-0002 findings (a full scan reports them from its own discovery).
//  2. Searches each file with the regex SecretScanner on `jobs` threads: files already read by a
//     loader (present in `*sources`) are searched in place; the others are read through `files`
//     with the scan's size limit, and binary content (sniffed) is skipped silently. A file over
//     the limit, or unreadable, that is not an input kind (the loaders report those with
//     FL-ENG-0002) gets an FL-ENG-0020 info notice. Sources of
//     files with findings are appended to `*sources` (the others are released at once).
//  3. Applies options.secret_allowlist to every FL-SEC finding (regex and structural): path
//     globs (against the path relative to its scan path, and the full path), regexes (on the
//     secret; for a structural finding, on the value written at its range) and fingerprints.
//  4. Drops a regex finding whose range overlaps a structural FL-SEC finding's in the same file
//     (the structural one says more: the resource and attribute); the structural one keeps the
//     higher of the two severities.
//  5. Drops structural FL-SEC findings in files the text discovery left out (ignored by git,
//     or loaded only through --state/--live): a secret in a file that is not committed is not a
//     committed secret. Findings in standard input and in kustomize renders are kept.
// With options.scan_secrets false, every FL-SEC finding is dropped and no file is searched.
// Regex rules run when options.enabled_rules is empty or names them (by id or name).
// The result is the same for any `jobs`. Findings are appended unsorted; `stats`, when given,
// receives what the pass read itself.
#ifndef FAULTLINE_ENGINE_SECRETS_SECRET_PASS_H_
#define FAULTLINE_ENGINE_SECRETS_SECRET_PASS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/scan.h"
#include "engine/source_file.h"

namespace faultline::engine::secrets {

// What the pass read itself (files not already in `*sources`): how many files and bytes, and
// how many of those files were released rather than appended to `*sources`.
struct SecretPassStats {
  uint64_t bytes_read = 0;
  size_t files_read = 0;
  size_t files_released = 0;
};

void RunSecretPass(const ScanOptions& options, const FileProvider& files, int jobs, bool walk_paths,
                   std::vector<std::unique_ptr<SourceFile>>* sources,
                   std::vector<Finding>* findings, SecretPassStats* stats = nullptr);

// True for the ids of the built-in regex secret rules and the FL-SEC-0000 notice.
bool IsRegexSecretRuleId(std::string_view id);

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_SECRET_PASS_H_
