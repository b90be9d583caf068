#include "engine/scan.h"

#include <algorithm>
#include <tuple>

#include "engine/config/discovery.h"
#include "engine/config/module_evaluator.h"
#include "engine/config/module_loader.h"
#include "engine/engine_rules.h"
#include "engine/parallel.h"
#include "engine/rule_runner.h"

namespace faultline::engine {

namespace {

// Findings at the same place from the same rule are one problem, even when a module is reached
// through several roots (its own directory, and each caller): keep the first in sorted order.
void SortAndDeduplicate(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), FindingLess);
  auto same = [](const Finding& a, const Finding& b) {
    return a.rule_id == b.rule_id && a.range == b.range &&
           (a.range.file != nullptr || a.message == b.message);
  };
  std::vector<Finding> unique;
  unique.reserve(findings->size());
  for (Finding& f : *findings) {
    bool duplicate = false;
    // Duplicates are adjacent apart from differing addresses/messages between them, so look back
    // over the run of findings at the same range.
    for (auto it = unique.rbegin(); it != unique.rend() && it->range == f.range; ++it) {
      if (same(*it, f)) {
        duplicate = true;
        break;
      }
    }
    if (!duplicate) unique.push_back(std::move(f));
  }
  *findings = std::move(unique);
}

}  // namespace

ScanResult Scan(const ScanOptions& options, const FileProvider& files, const RuleList& rules) {
  ScanResult result;
  int jobs = ResolveJobs(options.jobs);
  std::vector<Finding> findings;

  config::DiscoveryResult discovery =
      config::DiscoverFiles(options.paths, options.exclude_globs, files);
  result.input_errors = discovery.input_errors;

  config::ModuleLoader loader(files, options.limits);
  std::vector<config::LoadedFile> loaded(discovery.files.size());
  ParallelFor(discovery.files.size(), jobs, [&](size_t i) {
    loaded[i] =
        config::LoadFile(discovery.files[i].path, discovery.files[i].kind, files, options.limits);
  });
  for (const config::LoadedFile& file : loaded) result.bytes_scanned += file.source->size();
  // Discovery problems (symlink loops, unreadable directories) become findings on a file-less
  // placeholder so they are reported like every other diagnostic.
  for (const config::DiscoveryProblem& problem : discovery.problems) {
    config::LoadedFile placeholder;
    placeholder.source = std::make_unique<SourceFile>(problem.path, "");
    placeholder.findings.push_back(MakeEngineFinding(kFileSkippedId,
                                                     SourceRange{placeholder.source.get(), 0, 0},
                                                     "skipped: " + problem.message));
    loaded.push_back(std::move(placeholder));
  }
  // --var-file inputs.
  config::RootInputs inputs;
  std::vector<config::LoadedFile> var_files;
  for (const std::string& path : options.var_files) {
    config::FileKind kind = path.size() >= 5 && path.substr(path.size() - 5) == ".json"
                                ? config::FileKind::kTfvarsJson
                                : config::FileKind::kTfvars;
    if (files.Stat(path) != EntryType::kFile) {
      result.input_errors.push_back(path + ": variable file not found");
      continue;
    }
    var_files.push_back(config::LoadFile(NormalizePath(path), kind, files, options.limits));
    if (var_files.back().config) inputs.var_files.push_back(var_files.back().config.get());
  }
  inputs.vars = options.vars;
  inputs.environment = options.environment;
  loader.AddLoaded(std::move(loaded));

  // Every directory with Terraform files is evaluated as a root module; local modules are also
  // evaluated inside each caller (with the caller's inputs).
  std::vector<std::string> roots = loader.LoadedModuleDirs();
  std::vector<config::EvaluationOutput> outputs(roots.size());
  ParallelFor(roots.size(), jobs, [&](size_t i) {
    outputs[i] = config::EvaluateRootModule(roots[i], loader, inputs, options.limits, files);
  });
  for (config::EvaluationOutput& output : outputs) {
    ResourceId offset = static_cast<ResourceId>(result.graph.size());
    for (Resource& r : output.resources) result.graph.Add(std::move(r));
    for (Edge& e : output.edges) {
      e.from += offset;
      e.to += offset;
      result.graph.AddEdge(std::move(e));
    }
    for (Finding& f : output.findings) findings.push_back(std::move(f));
    output = {};
  }
  result.graph.Finalize();

  // Rules.
  std::vector<const Rule*> enabled;
  for (const auto& rule : rules) {
    const RuleMetadata& m = rule->metadata();
    if (options.enabled_rules.empty() ||
        std::find_if(options.enabled_rules.begin(), options.enabled_rules.end(),
                     [&](const std::string& r) { return r == m.id || r == m.name; }) !=
            options.enabled_rules.end()) {
      enabled.push_back(rule.get());
    }
  }
  std::vector<Finding> rule_findings = RunRules(result.graph, enabled, jobs);
  for (Finding& f : rule_findings) findings.push_back(std::move(f));

  for (config::LoadedFile& file : var_files) {
    for (Finding& f : file.findings) findings.push_back(std::move(f));
    result.files.push_back(std::move(file.source));
  }
  loader.Release(&result.files, &findings);
  std::sort(result.files.begin(), result.files.end(),
            [](const auto& a, const auto& b) { return a->path() < b->path(); });
  SortAndDeduplicate(&findings);
  result.findings = std::move(findings);
  return result;
}

}  // namespace faultline::engine
