// k8s_selector_bench: selector matching at scale, through the real pipeline pieces.
//
//   k8s_selector_bench [--deployments N] [--pdbs N] [--broad N] [--hpas N] [--brute-force N]
//
// Generates one YAML stream with N Deployments (labels app: name-i, tier: web) and N
// PodDisruptionBudgets in one namespace, each budget selecting one Deployment by `app: name-i`,
// plus --broad budgets with broad selectors (half `tier In (web)`, which select every
// Deployment, half `app NotIn (...)`, which have no positive requirement to index) and --hpas
// autoscalers. It then times, in one process: YAML load + KubernetesObjects, AddKubernetesEdges,
// ResourceGraph::Finalize, and the three Kubernetes rules (k8s-missing-pdb,
// k8s-pdb-selects-nothing, k8s-missing-readiness-probe) over every object. With --brute-force
// N it also matches N budgets against every Deployment without the index, and extrapolates
// that to all budgets, to show what the index saves.
//
// Prints `phase=... ms=...` lines and a summary with edges, findings and peak RSS (getrusage).
// The bar (issue 3): 20,000 Deployments and 20,000 PDBs matched in under 1 s. A benchmark, not
// a test: it asserts nothing and is not run by ctest.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/k8s/selectors.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"
#include "rules/k8s/missing_pdb/missing_pdb.h"
#include "rules/k8s/missing_readiness_probe/missing_readiness_probe.h"
#include "rules/k8s/pdb_selects_nothing/pdb_selects_nothing.h"

namespace faultline::bench {
namespace {

using Clock = std::chrono::steady_clock;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// User + system CPU time of the process so far, in ms: on a busy machine a steadier figure than
// wall time for this single-threaded program.
double CpuMs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Wall and CPU time of one phase.
struct Timer {
  Clock::time_point wall = Clock::now();
  double cpu = CpuMs();
  double WallMs() const { return MillisecondsSince(wall); }
  double CpuMsSince() const { return CpuMs() - cpu; }
};

struct Options {
  int deployments = 20'000;
  int pdbs = 20'000;
  int broad = 20;
  int hpas = 1'000;
  int brute_force = 200;
};

std::string Generate(const Options& options) {
  std::string yaml;
  yaml.reserve(static_cast<size_t>(options.deployments) * 420 +
               static_cast<size_t>(options.pdbs) * 200);
  for (int i = 0; i < options.deployments; ++i) {
    const std::string name = "name-" + std::to_string(i);
    yaml += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
            "\n  namespace: bench\nspec:\n  replicas: " + std::to_string(1 + i % 3) +
            "\n  selector:\n    matchLabels:\n      app: " + name +
            "\n  template:\n    metadata:\n      labels:\n        app: " + name +
            "\n        tier: web\n    spec:\n      containers:\n        - name: app\n"
            "          image: registry.example.com/app:1.0\n";
    if (i % 2 == 0) {
      yaml += "          readinessProbe:\n            httpGet: {path: /ready, port: 8080}\n";
    }
  }
  for (int i = 0; i < options.pdbs; ++i) {
    // Every tenth budget has a typo, so that k8s-pdb-selects-nothing has work to report.
    const std::string target = (i % 10 == 9 ? "nmae-" : "name-") + std::to_string(i);
    yaml += "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb-" +
            std::to_string(i) + "\n  namespace: bench\nspec:\n  maxUnavailable: 1\n" +
            "  selector:\n    matchLabels:\n      app: " + target + "\n";
  }
  for (int i = 0; i < options.broad; ++i) {
    yaml += "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: broad-" +
            std::to_string(i) + "\n  namespace: bench\nspec:\n  maxUnavailable: 10%\n" +
            "  selector:\n    matchExpressions:\n";
    if (i % 2 == 0) {
      yaml += "      - {key: tier, operator: In, values: [web]}\n";
    } else {
      yaml += "      - {key: app, operator: NotIn, values: [name-" + std::to_string(i) + "]}\n";
    }
  }
  for (int i = 0; i < options.hpas; ++i) {
    yaml +=
        "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
        "  name: hpa-" +
        std::to_string(i) +
        "\n  namespace: bench\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: "
        "Deployment, name: name-" +
        std::to_string(i * 7 % std::max(options.deployments, 1)) +
        "}\n  minReplicas: 2\n  maxReplicas: 6\n";
  }
  return yaml;
}

int Run(const Options& options) {
  Timer timer;
  engine::SourceFile file("bench/generated.yaml", Generate(options));
  std::printf("phase=generate ms=%.1f bytes=%u\n", timer.WallMs(), file.size());

  timer = Timer();
  parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(file);
  engine::k8s::KubernetesOptions k8s_options;
  k8s_options.module_dir = "bench";
  std::vector<engine::Resource> resources =
      engine::k8s::KubernetesObjects(stream, k8s_options, nullptr);
  stream.documents.clear();
  stream.documents.shrink_to_fit();
  const double load_ms = timer.WallMs();
  std::printf("phase=load ms=%.1f cpu_ms=%.1f objects=%zu mb_per_s=%.1f\n", load_ms,
              timer.CpuMsSince(), resources.size(), file.size() / 1e6 / (load_ms / 1000.0));

  timer = Timer();
  std::vector<engine::Edge> edges;
  engine::k8s::KubernetesEdgeResult result = engine::k8s::AddKubernetesEdges(resources, &edges);
  const double edges_ms = timer.WallMs();
  const double edges_cpu_ms = timer.CpuMsSince();
  std::printf(
      "phase=edges ms=%.1f cpu_ms=%.1f selection_edges=%llu other_edges=%llu "
      "limited=%d\n",
      edges_ms, edges_cpu_ms, static_cast<unsigned long long>(result.selection_edges),
      static_cast<unsigned long long>(result.other_edges), result.selection_edges_limited ? 1 : 0);

  timer = Timer();
  engine::ResourceGraph graph;
  for (engine::Resource& r : resources) graph.Add(std::move(r));
  for (engine::Edge& e : edges) graph.AddEdge(std::move(e));
  graph.Finalize();
  std::printf("phase=graph ms=%.1f cpu_ms=%.1f\n", timer.WallMs(), timer.CpuMsSince());

  rules::MissingPdbRule missing_pdb;
  rules::PdbSelectsNothingRule selects_nothing;
  rules::MissingReadinessProbeRule readiness;
  const engine::Rule* all[] = {&missing_pdb, &selects_nothing, &readiness};
  double rules_ms = 0, rules_cpu_ms = 0;
  for (const engine::Rule* rule : all) {
    timer = Timer();
    std::vector<engine::Finding> findings;
    for (const engine::Resource& r : graph.resources()) {
      if (!engine::RuleApplies(rule->metadata(), r)) continue;
      engine::FindingSink sink(rule->metadata(), r, &findings);
      rule->Check(engine::RuleContext{graph, r, {}}, sink);
    }
    const double ms = timer.WallMs(), cpu_ms = timer.CpuMsSince();
    rules_ms += ms;
    rules_cpu_ms += cpu_ms;
    std::printf("phase=rule rule=%s ms=%.1f cpu_ms=%.1f findings=%zu\n",
                rule->metadata().name.c_str(), ms, cpu_ms, findings.size());
  }

  if (options.brute_force > 0) {
    // The quadratic alternative: every budget against every Deployment, no index.
    std::vector<engine::k8s::Labels> labels;
    std::vector<engine::k8s::LabelSelector> selectors;
    for (const engine::Resource& r : graph.resources()) {
      if (engine::k8s::KindOf(r) == "Deployment") {
        labels.push_back(engine::k8s::PodTemplateLabels(r));
      } else if (engine::k8s::KindOf(r) == "PodDisruptionBudget" &&
                 static_cast<int>(selectors.size()) < options.brute_force) {
        selectors.push_back(engine::k8s::SelectorOf(r));
      }
    }
    timer = Timer();
    size_t matches = 0;
    for (const auto& selector : selectors) {
      for (const auto& l : labels) matches += selector.Matches(l) != engine::k8s::Match::kNo;
    }
    const double cpu_ms = timer.CpuMsSince();
    const double all_pdbs = options.pdbs + options.broad;
    std::printf(
        "phase=brute_force_sample budgets=%zu cpu_ms=%.1f matches=%zu "
        "extrapolated_all_budgets_cpu_ms=%.0f\n",
        selectors.size(), cpu_ms, matches,
        selectors.empty() ? 0.0 : cpu_ms * all_pdbs / selectors.size());
  }

  std::printf(
      "summary deployments=%d pdbs=%d broad=%d hpas=%d edges_plus_rules_ms=%.1f "
      "edges_plus_rules_cpu_ms=%.1f peak_rss_mb=%.1f\n",
      options.deployments, options.pdbs, options.broad, options.hpas, edges_ms + rules_ms,
      edges_cpu_ms + rules_cpu_ms, PeakRssMb());
  return 0;
}

}  // namespace
}  // namespace faultline::bench

int main(int argc, char** argv) {
  faultline::bench::Options options;
  for (int i = 1; i < argc; ++i) {
    auto value = [&](int* out) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      *out = std::atoi(argv[++i]);
    };
    if (std::strcmp(argv[i], "--deployments") == 0) {
      value(&options.deployments);
    } else if (std::strcmp(argv[i], "--pdbs") == 0) {
      value(&options.pdbs);
    } else if (std::strcmp(argv[i], "--broad") == 0) {
      value(&options.broad);
    } else if (std::strcmp(argv[i], "--hpas") == 0) {
      value(&options.hpas);
    } else if (std::strcmp(argv[i], "--brute-force") == 0) {
      value(&options.brute_force);
    } else {
      std::fprintf(stderr,
                   "usage: k8s_selector_bench [--deployments N] [--pdbs N] [--broad N] "
                   "[--hpas N] [--brute-force N]\n");
      return 2;
    }
  }
  return faultline::bench::Run(options);
}
