// yaml_bench: measures the Kubernetes manifest front end and prints one line of figures per run.
//
//   yaml_bench libyaml PATH...     libyaml's event parser alone over every .yaml/.yml/.json file
//                                  (the floor: what reading the bytes costs)
//   yaml_bench load PATH...        parsers::yaml::LoadYaml (located Values); `--jobs N` lets it
//                                  parse each large stream in parts on N threads
//   yaml_bench objects PATH...     LoadYaml + k8s::KubernetesObjects, objects kept alive as a scan
//                                  keeps them (`--jobs N` for both, as a scan of one file)
//   yaml_bench generate FILE [--objects N]
//                                  writes a manifest stream of N objects (default 20,000):
//                                  Deployments with realistic pod specs, Services and
//                                  PodDisruptionBudgets over 50 namespaces
//
// PATH is a file or a directory (searched recursively). Files are read into memory before the
// clock starts. Each measuring mode prints `mode=... files=... bytes=... wall_ms=... cpu_ms=...
// mb_per_s=... cpu_mb_per_s=... peak_rss_mb=... input_rss_mb=...` plus counts; mb_per_s uses
// wall time, cpu_mb_per_s the process's CPU time (steadier on a loaded machine). Peak RSS is the
// process's (getrusage), input_rss_mb the RSS once the input is in memory, so run each mode in a
// fresh process (tests/bench/run_yaml_bench.sh does). A benchmark, not a test: asserts nothing.
#include <sys/resource.h>
#include <yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/k8s/objects.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

double CurrentRssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

// The process's CPU time (every thread: LoadYaml may parse a large stream on several).
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

bool IsManifest(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::vector<std::unique_ptr<engine::SourceFile>> ReadInputs(const std::vector<std::string>& roots) {
  std::vector<std::string> paths;
  for (const std::string& root : roots) {
    std::error_code error;
    if (fs::is_regular_file(root, error)) {
      paths.push_back(root);
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error) && IsManifest(it->path())) paths.push_back(it->path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::unique_ptr<engine::SourceFile>> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back(std::make_unique<engine::SourceFile>(path, text.str()));
  }
  return files;
}

// libyaml's event parser alone; returns the number of events.
size_t ParseEvents(const std::string& text, size_t* errors) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  size_t events = 0;
  while (true) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ++*errors;
      break;
    }
    ++events;
    bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

int Measure(const std::string& mode, const std::vector<std::string>& roots, int jobs) {
  std::vector<std::unique_ptr<engine::SourceFile>> files = ReadInputs(roots);
  uint64_t bytes = 0;
  for (const auto& file : files) bytes += file->size();
  double input_rss = CurrentRssMb();

  size_t events = 0, errors = 0, documents = 0, objects_count = 0, diagnostics = 0;
  std::vector<engine::Resource> objects;  // kept alive, as a scan keeps them in its graph
  Clock::time_point start = Clock::now();
  double cpu_start = CpuMs();
  for (const auto& file : files) {
    if (mode == "libyaml") {
      events += ParseEvents(file->text(), &errors);
      continue;
    }
    parsers::yaml::YamlLimits limits;
    limits.jobs = jobs;
    parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(*file, limits);
    documents += stream.documents.size();
    diagnostics += stream.diagnostics.size();
    if (mode == "objects") {
      engine::k8s::KubernetesOptions options;
      options.module_dir = "bench";
      options.jobs = jobs;  // as a scan recognizes a large stream (engine/document_inputs.cc)
      std::vector<engine::Finding> found;
      std::vector<engine::Resource> file_objects =
          engine::k8s::KubernetesObjects(stream, options, &found);
      diagnostics += found.size();
      objects_count += file_objects.size();
      for (engine::Resource& r : file_objects) objects.push_back(std::move(r));
    }
  }
  double cpu_ms = CpuMs() - cpu_start;
  double wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "mode=%s files=%zu bytes=%llu wall_ms=%.1f cpu_ms=%.1f mb_per_s=%.1f cpu_mb_per_s=%.1f "
      "peak_rss_mb=%.1f input_rss_mb=%.1f events=%zu errors=%zu documents=%zu objects=%zu "
      "diagnostics=%zu\n",
      mode.c_str(), files.size(), static_cast<unsigned long long>(bytes), wall_ms, cpu_ms,
      mb / (wall_ms / 1e3), mb / (cpu_ms / 1e3), PeakRssMb(), input_rss, events, errors, documents,
      objects_count, diagnostics);
  return 0;
}

// A deterministic pseudo-random sequence (no <random> distribution differences across
// standard libraries).
struct Lcg {
  uint64_t state;
  uint32_t Next(uint32_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((state >> 33) % bound);
  }
};

void WriteApp(std::ostream& out, int app, Lcg* rng) {
  const char* tiers[] = {"frontend", "backend", "worker", "cache"};
  const char* images[] = {"nginx:1.25.3", "ghcr.io/acme/api:v2.14.1", "redis:7.2-alpine",
                          "registry.example.com/team/worker@sha256:4f3c2b1a0e9d8c7b"};
  std::string ns = "team-" + std::to_string(app % 50);
  std::string name = "svc-" + std::to_string(app);
  const char* tier = tiers[rng->Next(4)];
  int replicas = 1 + static_cast<int>(rng->Next(5));
  int port = 8000 + static_cast<int>(rng->Next(1000));
  out << "---\n"
         "apiVersion: apps/v1\n"
         "kind: Deployment\n"
         "metadata:\n"
         "  name: "
      << name << "\n  namespace: " << ns
      << "\n"
         "  labels:\n"
         "    app.kubernetes.io/name: "
      << name
      << "\n"
         "    app.kubernetes.io/part-of: shop\n"
         "    tier: "
      << tier
      << "\n"
         "  annotations:\n"
         "    deployment.kubernetes.io/revision: \""
      << rng->Next(40) + 1
      << "\"\n"
         "    description: >-\n"
         "      Serves the "
      << tier << " traffic of " << name
      << " and scales\n"
         "      with the request rate.\n"
         "spec:\n"
         "  replicas: "
      << replicas
      << "\n"
         "  revisionHistoryLimit: 5\n"
         "  selector:\n"
         "    matchLabels:\n"
         "      app.kubernetes.io/name: "
      << name
      << "\n"
         "  strategy:\n"
         "    type: RollingUpdate\n"
         "    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}\n"
         "  template:\n"
         "    metadata:\n"
         "      labels:\n"
         "        app.kubernetes.io/name: "
      << name << "\n        tier: " << tier
      << "\n"
         "      annotations:\n"
         "        prometheus.io/scrape: \"true\"\n"
         "        prometheus.io/port: \""
      << port
      << "\"\n"
         "    spec:\n"
         "      serviceAccountName: "
      << name
      << "\n"
         "      securityContext:\n"
         "        runAsNonRoot: true\n"
         "        runAsUser: 10001\n"
         "        fsGroup: 10001\n"
         "        seccompProfile: {type: RuntimeDefault}\n"
         "      affinity:\n"
         "        podAntiAffinity:\n"
         "          preferredDuringSchedulingIgnoredDuringExecution:\n"
         "          - weight: 100\n"
         "            podAffinityTerm:\n"
         "              topologyKey: topology.kubernetes.io/zone\n"
         "              labelSelector:\n"
         "                matchLabels: {app.kubernetes.io/name: "
      << name
      << "}\n"
         "      containers:\n"
         "      - name: app\n"
         "        image: "
      << images[rng->Next(4)]
      << "\n"
         "        imagePullPolicy: IfNotPresent\n"
         "        args: [\"--port="
      << port
      << "\", \"--log-level=info\"]\n"
         "        ports:\n"
         "        - {name: http, containerPort: "
      << port
      << ", protocol: TCP}\n"
         "        env:\n"
         "        - name: DATABASE_URL\n"
         "          valueFrom:\n"
         "            secretKeyRef: {name: "
      << name
      << "-db, key: url}\n"
         "        - name: CACHE_HOST\n"
         "          value: redis."
      << ns
      << ".svc.cluster.local\n"
         "        - name: POD_NAME\n"
         "          valueFrom:\n"
         "            fieldRef: {fieldPath: metadata.name}\n"
         "        resources:\n"
         "          requests: {cpu: 100m, memory: 128Mi}\n"
         "          limits: {cpu: \"1\", memory: 512Mi}\n"
         "        readinessProbe:\n"
         "          httpGet: {path: /healthz, port: http}\n"
         "          periodSeconds: 10\n"
         "        livenessProbe:\n"
         "          httpGet: {path: /livez, port: http}\n"
         "          initialDelaySeconds: 15\n"
         "        securityContext:\n"
         "          allowPrivilegeEscalation: false\n"
         "          readOnlyRootFilesystem: true\n"
         "          capabilities: {drop: [ALL]}\n"
         "        volumeMounts:\n"
         "        - {name: config, mountPath: /etc/app, readOnly: true}\n"
         "        - {name: tmp, mountPath: /tmp}\n"
         "      volumes:\n"
         "      - name: config\n"
         "        configMap: {name: "
      << name
      << "-config}\n"
         "      - name: tmp\n"
         "        emptyDir: {}\n"
         "---\n"
         "apiVersion: v1\n"
         "kind: Service\n"
         "metadata:\n"
         "  name: "
      << name << "\n  namespace: " << ns
      << "\n"
         "  labels: {app.kubernetes.io/name: "
      << name
      << "}\n"
         "spec:\n"
         "  type: ClusterIP\n"
         "  selector:\n"
         "    app.kubernetes.io/name: "
      << name
      << "\n"
         "  ports:\n"
         "  - name: http\n"
         "    port: 80\n"
         "    targetPort: http\n"
         "---\n"
         "apiVersion: policy/v1\n"
         "kind: PodDisruptionBudget\n"
         "metadata:\n"
         "  name: "
      << name << "\n  namespace: " << ns
      << "\n"
         "spec:\n"
         "  minAvailable: 1\n"
         "  selector:\n"
         "    matchLabels:\n"
         "      app.kubernetes.io/name: "
      << name << "\n";
}

int Generate(const std::string& path, int objects) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "yaml_bench: cannot write %s\n", path.c_str());
    return 1;
  }
  Lcg rng{42};
  int apps = (objects + 2) / 3;
  for (int app = 0; app < apps; ++app) WriteApp(out, app, &rng);
  out.close();
  std::printf("generated=%s objects=%d bytes=%llu\n", path.c_str(), apps * 3,
              static_cast<unsigned long long>(fs::file_size(path)));
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: yaml_bench libyaml|load|objects PATH...\n"
               "       yaml_bench generate FILE [--objects N]\n");
  return 2;
}

}  // namespace
}  // namespace faultline::bench

int main(int argc, char** argv) {
  using namespace faultline::bench;
  if (argc < 3) return Usage();
  std::string mode = argv[1];
  if (mode == "generate") {
    int objects = 20'000;
    if (argc >= 5 && std::string_view(argv[3]) == "--objects") objects = std::atoi(argv[4]);
    return Generate(argv[2], objects);
  }
  if (mode != "libyaml" && mode != "load" && mode != "objects") return Usage();
  std::vector<std::string> paths;
  int jobs = 1;
  for (int i = 2; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--jobs" && i + 1 < argc) {
      jobs = std::atoi(argv[++i]);
    } else {
      paths.push_back(argv[i]);
    }
  }
  return Measure(mode, paths, jobs);
}
