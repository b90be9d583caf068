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

// A local module is evaluated both as a root of its own and inside each caller, so one problem
// in its source can be found through several roots. Findings of one rule at one range are one
// problem when they come from different roots: keep those of one root, preferring a caller.
// Within one root, distinct instances (count/for_each, several calls) stay distinct findings.
void SortAndDeduplicate(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), FindingLess);
  std::vector<Finding> kept;
  kept.reserve(findings->size());
  size_t i = 0;
  while (i < findings->size()) {
    // The run of findings at this range (sorted by range first, then rule id).
    size_t end = i;
    while (end < findings->size() && (*findings)[end].range == (*findings)[i].range) ++end;
    std::vector<Finding*> run;
    for (size_t k = i; k < end; ++k) run.push_back(&(*findings)[k]);
    std::stable_sort(run.begin(), run.end(),
                     [](const Finding* a, const Finding* b) { return a->rule_id < b->rule_id; });
    size_t r = 0;
    while (r < run.size()) {
      size_t rule_end = r;
      while (rule_end < run.size() && run[rule_end]->rule_id == run[r]->rule_id) ++rule_end;
      // Prefer a root that calls the module (its addresses are the deployed ones, with the
      // caller's inputs), then the first directory.
      auto rank = [](const Finding* f) {
        return std::make_pair(f->resource_address.rfind("module.", 0) == 0 ? 0 : 1, f->module_dir);
      };
      std::pair<int, std::string> best = rank(run[r]);
      for (size_t k = r; k < rule_end; ++k) best = std::min(best, rank(run[k]));
      const std::string root = best.second;
      for (size_t k = r; k < rule_end; ++k) {
        Finding* f = run[k];
        if (f->module_dir != root) continue;
        bool repeat = false;
        for (size_t j = r; j < k; ++j) {
          if (run[j]->module_dir == root && run[j]->resource_address == f->resource_address &&
              run[j]->message == f->message) {
            repeat = true;
            break;
          }
        }
        if (!repeat) kept.push_back(std::move(*f));
      }
      r = rule_end;
    }
    i = end;
  }
  std::sort(kept.begin(), kept.end(), FindingLess);
  *findings = std::move(kept);
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
