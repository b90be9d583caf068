#include "engine/scan.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_set>

#include "engine/config/discovery.h"
#include "engine/config/module_evaluator.h"
#include "engine/config/module_loader.h"
#include "engine/document_inputs.h"
#include "engine/engine_rules.h"
#include "engine/k8s/graph.h"
#include "engine/kustomize.h"
#include "engine/listing_cache.h"
#include "engine/parallel.h"
#include "engine/project/finding_policy.h"
#include "engine/rule_runner.h"
#include "engine/secrets/secret_pass.h"

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
      // Linear in the run: count/for_each can put 100,000 instances at one range.
      std::unordered_set<std::string> seen;
      for (size_t k = r; k < rule_end; ++k) {
        Finding* f = run[k];
        if (f->module_dir != root) continue;
        std::string key = f->resource_address + '\0' + f->message;
        if (!seen.insert(std::move(key)).second) continue;
        kept.push_back(std::move(*f));
      }
      r = rule_end;
    }
    i = end;
  }
  std::sort(kept.begin(), kept.end(), FindingLess);
  *findings = std::move(kept);
}

// instance_of edges: each state resource to the configuration resource with the same address in
// the root module whose directory holds the state file (or, failing that, the only configuration
// resource with that address).
void LinkStateToConfig(ResourceGraph* graph) {
  bool any_state = false;
  for (const Resource& r : graph->resources()) any_state = any_state || r.origin == Origin::kState;
  if (!any_state) return;
  std::map<std::string, std::vector<ResourceId>> config_by_address;
  for (const Resource& r : graph->resources()) {
    if (r.origin == Origin::kConfig &&
        (r.kind == ResourceKind::kManaged || r.kind == ResourceKind::kData)) {
      config_by_address[r.address].push_back(r.id);
    }
  }
  std::vector<Edge> edges;
  for (const Resource& r : graph->resources()) {
    if (r.origin != Origin::kState) continue;
    auto it = config_by_address.find(r.address);
    if (it == config_by_address.end()) continue;
    const ResourceId* chosen = nullptr;
    for (const ResourceId& id : it->second) {
      if (graph->resource(id).module_dir == r.module_dir) chosen = &id;
    }
    if (chosen == nullptr && it->second.size() == 1) chosen = &it->second[0];
    if (chosen != nullptr) edges.push_back(Edge{r.id, *chosen, EdgeKind::kInstanceOf, ""});
  }
  for (Edge& e : edges) graph->AddEdge(std::move(e));
}

// --secrets-only: the text secret pass alone, with the same path checks, suppressions and
// finding order as a full scan.
ScanResult ScanTextForSecrets(const ScanOptions& options, const FileProvider& files, int jobs) {
  ScanResult result;
  std::vector<Finding> findings;
  const std::vector<std::string> roots =
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  if (!options.stdin_manifests || !options.paths.empty()) {
    for (const std::string& raw : roots) {
      std::string error = config::ScanPathError(raw, files.Stat(NormalizePath(raw)));
      if (!error.empty()) result.input_errors.push_back(std::move(error));
    }
  }
  if (options.stdin_manifests) {
    result.files.push_back(std::make_unique<SourceFile>("<stdin>", *options.stdin_manifests));
    result.bytes_scanned += result.files.back()->size();
  }
  secrets::SecretPassStats stats;
  secrets::RunSecretPass(options, files, jobs, !options.paths.empty() || !options.stdin_manifests,
                         &result.files, &findings, &stats);
  result.bytes_scanned += stats.bytes_read;
  result.files_released = stats.files_released;
  std::sort(result.files.begin(), result.files.end(),
            [](const auto& a, const auto& b) { return a->path() < b->path(); });
  SortAndDeduplicate(&findings);
  result.suppressed = project::ApplyFindingPolicy(options.finding_policy, result.files,
                                                  result.graph, {}, false, &findings)
                          .suppressed;
  result.findings = std::move(findings);
  return result;
}

}  // namespace

ScanResult Scan(const ScanOptions& options, const FileProvider& provider, const RuleList& rules) {
  // The IaC discovery and the secret pass walk the same directories: list each once.
  ListingCache files(provider);
  int jobs = ResolveJobs(options.jobs);
  if (options.secrets_only) return ScanTextForSecrets(options, files, jobs);
  ScanResult result;
  std::vector<Finding> findings;

  // `faultline scan -` alone reads standard input only (no default "." scan).
  config::DiscoveryResult discovery;
  // Likewise --state / --live alone load only those inputs.
  bool only_extra_inputs = options.stdin_manifests.has_value() || !options.state_paths.empty() ||
                           !options.live_paths.empty();
  if (!options.paths.empty() || !only_extra_inputs) {
    discovery = config::DiscoverFiles(options.paths, options.exclude_globs, files);
  }
  result.input_errors = discovery.input_errors;

  // Kustomizations are rendered with the user's kubectl; their own YAML files are then not
  // scanned as separate manifests (they are the render's inputs).
  std::vector<DocumentFile> documents;
  std::set<std::string> rendered_dirs;
  if (!discovery.kustomize_dirs.empty()) {
    std::string kubectl = options.render_kustomize ? FindOnPath("kubectl") : "";
    // Each render is a kubectl process (seconds each): run them on the worker threads, then
    // collect the results in directory order.
    const std::vector<std::string>& dirs = discovery.kustomize_dirs;
    std::vector<DocumentFile> rendered(dirs.size());
    std::vector<char> ok(dirs.size(), 0);
    ParallelFor(dirs.size(), jobs, [&](size_t k) {
      const std::string& dir = dirs[k];
      std::string root = dir;
      for (const config::DiscoveredFile& f : discovery.files) {
        if (DirectoryOf(f.path) == dir) {
          root = f.root;
          break;
        }
      }
      DocumentContext context;
      context.module_dir = root;
      context.default_namespace = options.default_namespace;
      std::string why = "kubectl is not on PATH";
      if (!kubectl.empty()) {
        KustomizeResult render = RenderKustomization(kubectl, dir, options.limits.max_file_bytes);
        if (render.ok) {
          rendered[k] = LoadManifestText(
              JoinPath(dir, "kustomization.yaml") + " (rendered by kubectl kustomize)",
              std::move(render.output), context, options.limits);
          ok[k] = 1;
          return;
        }
        why = render.error;
      }
      DocumentFile notice;
      notice.source = std::make_unique<SourceFile>(JoinPath(dir, "kustomization.yaml"), "");
      notice.findings.push_back(
          MakeEngineFinding(kNotRenderedId, SourceRange{notice.source.get(), 0, 0},
                            "kustomization in " + dir + " not rendered (" + why +
                                "); its files are scanned as they are"));
      rendered[k] = std::move(notice);
    });
    for (size_t k = 0; k < dirs.size(); ++k) {
      if (ok[k]) rendered_dirs.insert(dirs[k]);
      documents.push_back(std::move(rendered[k]));
    }
  }

  // Terraform files go to the module loader; manifests, state and live exports to the document
  // loaders.
  std::vector<size_t> terraform_files, document_files;
  for (size_t i = 0; i < discovery.files.size(); ++i) {
    const config::DiscoveredFile& f = discovery.files[i];
    if (config::IsTerraformKind(f.kind)) {
      terraform_files.push_back(i);
    } else if (f.kind != config::FileKind::kOther &&
               !(f.kind == config::FileKind::kYaml && rendered_dirs.count(DirectoryOf(f.path)))) {
      document_files.push_back(i);
    }
  }
  // Explicit --state and --live inputs.
  struct ExtraInput {
    std::string path;
    config::FileKind kind;
    DocumentContext context;
  };
  std::vector<ExtraInput> extra;
  auto add_extra = [&](const std::vector<std::string>& paths, bool live) {
    if (paths.empty()) return;
    config::DiscoveryResult found = config::DiscoverFiles(paths, options.exclude_globs, files);
    for (std::string& e : found.input_errors) result.input_errors.push_back(std::move(e));
    for (const config::DiscoveredFile& f : found.files) {
      if (config::IsTerraformKind(f.kind) && !live) continue;
      DocumentContext context;
      context.module_dir = DirectoryOf(f.path);  // one snapshot or state per directory
      context.default_namespace = options.default_namespace;
      context.live = live;
      context.state = !live;
      extra.push_back(ExtraInput{f.path, f.kind, std::move(context)});
    }
  };
  add_extra(options.state_paths, false);
  add_extra(options.live_paths, true);

  // Terraform files are read and parsed by the loader when their module is evaluated.
  auto loader_owner = std::make_unique<config::ModuleLoader>(files, options.limits);
  config::ModuleLoader& loader = *loader_owner;
  {
    std::vector<config::DiscoveredFile> terraform;
    terraform.reserve(terraform_files.size());
    for (size_t i : terraform_files) terraform.push_back(discovery.files[i]);
    loader.AddDiscovered(terraform);
  }
  loader.ReadAhead(jobs);
  std::vector<config::LoadedFile> loaded;
  size_t first_document = documents.size();
  documents.resize(first_document + document_files.size() + extra.size());
  ParallelFor(document_files.size() + extra.size(), jobs, [&](size_t i) {
    if (i < document_files.size()) {
      const config::DiscoveredFile& f = discovery.files[document_files[i]];
      DocumentContext context;
      context.module_dir = f.kind == config::FileKind::kState ? DirectoryOf(f.path) : f.root;
      context.default_namespace = options.default_namespace;
      documents[first_document + i] =
          LoadDocumentFile(f.path, f.kind, context, files, options.limits);
      return;
    }
    i -= document_files.size();
    documents[first_document + document_files.size() + i] =
        LoadDocumentFile(extra[i].path, extra[i].kind, extra[i].context, files, options.limits);
  });
  if (options.stdin_manifests) {
    DocumentContext context;
    context.module_dir = "-";
    context.default_namespace = options.default_namespace;
    // Inside a ParallelFor of one item, so a large stream may use the scan's threads
    // (engine/parallel.h AvailableJobs).
    ParallelFor(1, jobs, [&](size_t) {
      documents.push_back(
          LoadManifestText("<stdin>", *options.stdin_manifests, context, options.limits));
    });
  }
  for (const DocumentFile& d : documents) result.bytes_scanned += d.source->size();
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
  // Deepest paths first: callers usually sit below or beside the modules they call
  // (examples/complete -> ../.., stacks/prod -> ../../modules/x), so a module is normally in use
  // by a caller before its own evaluation ends and its syntax is kept rather than parsed twice.
  ParallelFor(roots.size(), jobs, [&](size_t k) {
    size_t i = roots.size() - 1 - k;
    outputs[i] = config::EvaluateRootModule(roots[i], loader, inputs, options.limits, files);
    // The resources hold values, not syntax: free the module's syntax trees now (unless a module
    // call uses them) so memory follows the modules in flight, not the whole tree.
    loader.DropSyntax(roots[i]);
  });
  size_t total_resources = result.graph.size();
  for (const config::EvaluationOutput& output : outputs) total_resources += output.resources.size();
  for (const DocumentFile& document : documents) total_resources += document.resources.size();
  result.graph.Reserve(total_resources);
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
  // Documents, in path order (a stable order whatever the number of jobs).
  std::stable_sort(documents.begin(), documents.end(),
                   [](const DocumentFile& a, const DocumentFile& b) {
                     return a.source->path() < b.source->path();
                   });
  for (DocumentFile& document : documents) {
    for (Resource& r : document.resources) result.graph.Add(std::move(r));
    for (Finding& f : document.findings) findings.push_back(std::move(f));
    document.resources = {};  // release the buffer too: a large state's can be hundreds of MB
  }
  LinkStateToConfig(&result.graph);
  std::vector<Edge> k8s_edges;
  k8s::KubernetesEdgeOptions k8s_options;
  k8s_options.jobs = jobs;
  k8s::KubernetesEdgeResult k8s_result =
      k8s::AddKubernetesEdges(result.graph.resources(), &k8s_edges, k8s_options);
  for (Edge& e : k8s_edges) result.graph.AddEdge(std::move(e));
  if (k8s_result.selection_edges_limited && !documents.empty()) {
    findings.push_back(MakeEngineFinding(
        kLimitExceededId, SourceRange{documents.front().source.get(), 0, 0},
        "more label-selector matches than the limit; some selection edges were not recorded"));
  }
  result.graph.Finalize(jobs);

  // Rules.
  std::vector<const Rule*> enabled;
  for (const auto& rule : rules) {
    const RuleMetadata& m = rule->metadata();
    if (options.enabled_rules.empty() ||
        std::find_if(options.enabled_rules.begin(), options.enabled_rules.end(),
                     [&](const std::string& r) {
                       return r == m.id || r == m.name ||
                              std::find(m.aliases.begin(), m.aliases.end(), r) != m.aliases.end();
                     }) != options.enabled_rules.end()) {
      // --no-secrets: the structural secret rules' findings would be dropped; do not run them
      // (FL-SEC-0074 alone decodes every instance of a committed state).
      if (!options.scan_secrets && m.id.starts_with("FL-SEC-")) continue;
      if (!options.finding_policy.disabled_rules.count(m.id)) enabled.push_back(rule.get());
    }
  }
  std::vector<Finding> rule_findings = RunRules(result.graph, enabled, jobs, options.rule_options);
  for (Finding& f : rule_findings) findings.push_back(std::move(f));

  for (config::LoadedFile& file : var_files) {
    for (Finding& f : file.findings) findings.push_back(std::move(f));
    result.files.push_back(std::move(file.source));
  }
  {
    size_t before = result.files.size();
    loader.Release(&result.files, &findings);
    for (size_t i = before; i < result.files.size(); ++i) {
      result.bytes_scanned += result.files[i]->size();
    }
  }
  for (DocumentFile& document : documents) result.files.push_back(std::move(document.source));
  secrets::SecretPassStats secret_stats;
  secrets::RunSecretPass(options, files, jobs, !options.paths.empty() || !only_extra_inputs,
                         &result.files, &findings, &secret_stats);
  result.files_released = secret_stats.files_released;
  std::sort(result.files.begin(), result.files.end(),
            [](const auto& a, const auto& b) { return a->path() < b->path(); });
  SortAndDeduplicate(&findings);
  // Suppressions, disabled rules and severity overrides (engine/project/finding_policy.h).
  result.suppressed =
      project::ApplyFindingPolicy(options.finding_policy, result.files, result.graph, enabled,
                                  enabled.size() == rules.size(), &findings)
          .suppressed;
  result.findings = std::move(findings);
  if (options.process_exits_after_scan) {
    // Reachable until exit (plain pointers: no exit handler frees them), so not a leak.
    static std::mutex kept_mutex;
    static auto* kept = new std::vector<config::ModuleLoader*>();
    std::lock_guard<std::mutex> lock(kept_mutex);
    kept->push_back(loader_owner.release());
  }
  return result;
}

}  // namespace faultline::engine
