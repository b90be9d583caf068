#include "cli/scan_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/report/json_reporter.h"
#include "cli/report/text_reporter.h"
#include "cli/rules_catalog.h"
#include "cli/scan_sources.h"
#include "engine/config/gitignore.h"
#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/parallel.h"
#include "engine/scan.h"
#include "rules/registry.h"

namespace faultline::cli {

namespace {

constexpr std::string_view kTfVarPrefix = "TF_VAR_";

void Error(Environment& env, const std::string& message) {
  env.err << "faultline: error: " << message << '\n';
}

// Fingerprints hash paths relative to the project: the git work tree holding the first scan
// path, else that path (its directory for a file), so baselines match whatever directory the
// scan runs from and however the path is spelled.
void SetProjectFingerprintRoot(const std::vector<std::string>& paths) {
  std::error_code error;
  const std::filesystem::path cwd = std::filesystem::current_path(error);
  if (error) return;
  std::filesystem::path first = paths.empty() ? cwd : (cwd / paths.front()).lexically_normal();
  if (!std::filesystem::is_directory(first, error)) first = first.parent_path();
  std::string root = engine::config::FindWorkTreeRoot(first.string(), [](const std::string& dir) {
    std::error_code ignored;
    return std::filesystem::exists(std::filesystem::path(dir) / ".git", ignored);
  });
  engine::SetFingerprintRoot(root.empty() ? first.string() : root, cwd.string());
}

}  // namespace

std::optional<engine::Severity> ParseFailOn(const std::string& text, bool* ok) {
  *ok = true;
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "none" || lower == "never") return std::nullopt;
  std::optional<engine::Severity> severity = engine::ParseSeverity(lower);
  if (!severity.has_value()) *ok = false;
  return severity;
}

CLI::App* AddScanCommand(CLI::App& app, ScanCommandOptions& options) {
  CLI::App* scan = app.add_subcommand(
      "scan", "Scan Terraform, Kubernetes manifests, Terraform state and live-state exports");
  AddScanFlags(scan, options);
  AddProjectFlags(scan, options.project, /*baseline_flag=*/true);
  return scan;
}

void AddScanFlags(CLI::App* scan, ScanCommandOptions& options) {
  scan->add_option("paths", options.paths,
                   "Files or directories to scan (default: the current directory); `-` reads a "
                   "Kubernetes manifest stream from standard input");
  scan->add_option("--format,-f", options.format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  scan->add_option("--output,-o", options.output, "Write the report to FILE instead of stdout");
  // Repeatable options take one value per occurrence, so `--var a=1 dir` scans `dir`.
  scan->add_option("--var-file", options.var_files,
                   "Load variable values from a .tfvars or .tfvars.json file (repeatable)")
      ->allow_extra_args(false);
  scan->add_option("--var", options.vars, "Set a root variable: NAME=VALUE (repeatable)")
      ->allow_extra_args(false);
  scan->add_option("--exclude", options.excludes,
                   "Skip paths or base names matching GLOB (repeatable)")
      ->allow_extra_args(false);
  scan->add_option("--jobs,-j", options.jobs,
                   "Worker threads for parsing, evaluation and rules (0 = one per core)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  scan->add_option("--fail-on", options.fail_on,
                   "Exit 1 when a finding is at or above SEVERITY "
                   "(info, low, medium, high, critical; none or never to always exit 0)")
      ->capture_default_str();
  scan->add_option("--max-file-size", options.max_file_size,
                   "Skip files larger than BYTES (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  scan->add_option("--max-parse-memory", options.max_parse_memory,
                   "Skip a Terraform file whose parse needs more than MB megabytes of parser "
                   "memory (default 2048)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20));
  scan->add_option("--rule", options.rules, "Run only this rule, by ID or name (repeatable)")
      ->allow_extra_args(false);
  scan->add_flag("--no-color", options.no_color, "Never colour the text report");
  scan->add_option("--state", options.state_paths,
                   "Load Terraform state, `terraform show -json` or plan JSON from FILE or DIR "
                   "(repeatable)")
      ->allow_extra_args(false);
  scan->add_option("--live", options.live_paths,
                   "Load live-state exports (kubectl -o json, aws CLI output) from FILE or DIR "
                   "(repeatable; see docs/live-state.md)")
      ->allow_extra_args(false);
  scan->add_option("--namespace,-n", options.default_namespace,
                   "Namespace of Kubernetes objects that do not name one")
      ->capture_default_str();
  scan->add_flag("--no-kustomize", options.no_kustomize,
                 "Do not render kustomizations with kubectl; scan their files as they are");
  AddSecretSourceFlags(scan, options);
}

int RunScanCommand(const ScanCommandOptions& options, Environment& env) {
  bool fail_on_ok = true;
  std::optional<engine::Severity> fail_on = ParseFailOn(options.fail_on, &fail_on_ok);
  if (!fail_on_ok) {
    Error(env, "--fail-on: unknown severity \"" + options.fail_on +
                   "\" (expected info, low, medium, high, critical, none or never)");
    return kExitUsage;
  }

  engine::RuleList rules = rules::CreateAllRules();
  // .faultline.yaml and custom rules (cli/project_setup.h).
  engine::DiskFileProvider project_files;
  Project project;
  if (!LoadProject(options.project, options.paths, project_files, &rules, &project, env)) {
    return kExitUsage;
  }
  std::vector<const engine::RuleMetadata*> catalog = RuleCatalog(rules);

  engine::ScanOptions scan;
  for (const std::string& path : options.paths) {
    if (path != "-") {
      scan.paths.push_back(path);
      continue;
    }
    if (scan.stdin_manifests.has_value()) continue;
    if (env.in == nullptr) {
      Error(env, "-: no standard input to read");
      return kExitUsage;
    }
    std::ostringstream text;
    text << env.in->rdbuf();
    scan.stdin_manifests = text.str();
  }

  scan.state_paths = options.state_paths;
  scan.live_paths = options.live_paths;
  scan.default_namespace = options.default_namespace;
  scan.render_kustomize = !options.no_kustomize;
  scan.exclude_globs = options.excludes;
  scan.var_files = options.var_files;
  scan.jobs = options.jobs;
  scan.process_exits_after_scan = env.exits_after_command;
  if (options.max_file_size.has_value()) scan.limits.max_file_bytes = *options.max_file_size;
  if (options.max_parse_memory.has_value()) {
    scan.limits.max_parse_memory_bytes = *options.max_parse_memory << 20;
  }
  for (const std::string& assignment : options.vars) {
    size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
      Error(env, "--var: expected NAME=VALUE, got \"" + assignment + "\"");
      return kExitUsage;
    }
    scan.vars.emplace_back(assignment.substr(0, equals), assignment.substr(equals + 1));
  }
  for (const std::string& id : options.rules) {
    const engine::RuleMetadata* rule = FindRule(catalog, id);
    if (rule == nullptr) {
      Error(env, "--rule: unknown rule \"" + id + "\" (see `faultline rules list`)");
      return kExitUsage;
    }
    scan.enabled_rules.push_back(rule->id);
  }
  for (const auto& [name, value] : env.variables) {
    if (name.size() > kTfVarPrefix.size() && name.starts_with(kTfVarPrefix)) {
      scan.environment[name.substr(kTfVarPrefix.size())] = value;
    }
  }

  std::optional<engine::project::Baseline> baseline;
  if (!ApplyProject(project, rules, &scan, env) ||
      !LoadBaselineFile(options.project, project_files, &baseline, env)) {
    return kExitUsage;
  }

  // Open the report file before scanning, so an unwritable path fails fast.
  std::ofstream file;
  if (!options.output.empty() && !options.project.create_baseline) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      Error(env, "cannot write " + options.output + ": " + std::strerror(errno));
      return kExitUsage;
    }
  }

  std::unique_ptr<StagedFileProvider> staged;
  if (!PrepareSecretSources(options, &scan, &staged, env)) return kExitUsage;
  SetProjectFingerprintRoot(scan.paths);
  engine::DiskFileProvider disk;
  engine::ScanResult result =
      options.git_history
          ? ScanGitHistory(HistoryOptions(options, scan))
          : engine::Scan(scan, staged ? static_cast<engine::FileProvider&>(*staged) : disk, rules);
  std::stable_sort(result.findings.begin(), result.findings.end(), engine::FindingLess);
  if (options.project.create_baseline) return WriteBaselineFile(options.output, result, env);
  size_t baselined = baseline ? engine::project::ApplyBaseline(*baseline, &result.findings) : 0;

  ReportContext context;
  context.files_scanned = result.files.size() + result.files_released;
  context.bytes_scanned = result.bytes_scanned;
  // Input errors always go to stderr (below); a text report on stdout would print them twice
  // on a terminal, so it carries them only when it is written to a file.
  if (options.format != "text" || !options.output.empty()) context.errors = result.input_errors;
  context.suppressed = result.suppressed;
  context.baselined = baselined;

  context.jobs = engine::ResolveJobs(options.jobs);

  // The report goes straight to its destination (a large scan's report is tens of MB).
  std::ostream& report = options.output.empty() ? env.out : file;
  if (options.format == "json") {
    WriteJsonReport(result.findings, context, report);
  } else {
    TextReportOptions text;
    text.color = options.output.empty() && env.out_is_tty && !options.no_color &&
                 env.variables.find("NO_COLOR") == env.variables.end();
    WriteTextReport(result.findings, context, text, report);
  }
  if (options.output.empty()) {
    env.out.flush();
  } else {
    file.close();
    if (!file) {
      Error(env, "cannot write " + options.output + ": " + std::strerror(errno));
      return kExitUsage;
    }
  }

  for (const std::string& error : result.input_errors) Error(env, error);
  int status = kExitClean;
  if (!result.input_errors.empty()) {
    status = kExitUsage;
  } else if (fail_on.has_value()) {
    for (const engine::Finding& finding : result.findings) {
      if (finding.severity >= *fail_on) status = kExitFindings;
    }
  }
  // The process ends right after this command: freeing every value of the graph one by one would
  // be a tenth of a large scan's time, so the result is kept (reachable, not leaked) for the OS.
  // A plain pointer: a static smart pointer would free it all again in the exit handlers.
  if (env.exits_after_command) {
    [[maybe_unused]] static engine::ScanResult* kept = nullptr;
    kept = new engine::ScanResult(std::move(result));
  }
  return status;
}

}  // namespace faultline::cli
