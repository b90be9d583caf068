// The secret-scan flags of `faultline scan`: --no-secrets, --secrets-only, --staged and
// --git-history [RANGE], kept apart from scan_command.cc. See cli/git_source.h for how git is used.
#ifndef FAULTLINE_CLI_SCAN_SOURCES_H_
#define FAULTLINE_CLI_SCAN_SOURCES_H_

#include <memory>

#include "cli/app.h"
#include "cli/git_source.h"
#include "cli/scan_command.h"
#include "engine/scan.h"

namespace CLI {
class App;
}

namespace faultline::cli {

// Adds --no-secrets, --secrets-only, --staged and --git-history to `scan`.
void AddSecretSourceFlags(CLI::App* scan, ScanCommandOptions& options);

// Applies the flags to `*scan`: --no-secrets clears scan_secrets; --secrets-only sets
// secrets_only (an error with --no-secrets, --state, --live, --var-file or --var); --staged creates
// the index provider (into `*staged`), scans from the work tree root unless paths were given, and
// turns kustomize rendering off (kubectl would read the working tree). Returns false after printing
// an error (not a git work tree, --staged with --git-history, git missing).
bool PrepareSecretSources(const ScanCommandOptions& options, engine::ScanOptions* scan,
                          std::unique_ptr<StagedFileProvider>* staged, Environment& env);

// --git-history options from the scan's: range, selected rules, size limit, jobs.
GitHistoryOptions HistoryOptions(const ScanCommandOptions& options,
                                 const engine::ScanOptions& scan);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_SCAN_SOURCES_H_
