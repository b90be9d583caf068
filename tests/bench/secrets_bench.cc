// secrets_bench: throughput, peak RSS and planted-secret recall of the secret scanner.
//
//   secrets_bench [--threads N] [--mode e2e|memory] [--repeat R] [--expected FILE]
//                 [--findings FILE] PATH...
//
// Every regular file under the PATHs (recursively, skipping .git/) is a candidate, as for
// `faultline scan`; binary files are skipped by content sniffing and files over 10 MiB by size.
//  - mode e2e (default): each worker reads a file, builds its SourceFile (line index) and scans
//    it; the wall time covers everything, so MB/s is what a user sees. Peak RSS is meaningful.
//  - mode memory: files are loaded first (not timed), then scanned R times; MB/s of the scanner
//    alone.
// Besides wall-clock MB/s it prints MB per CPU-second (user + system time of all threads),
// which other load on the machine does not distort.
// --expected takes the planted corpus' expected.json (paths relative to its files/ directory,
// which must be the single PATH) and prints recall and clean-line violations.
// --findings writes every finding as JSON lines {file, line, column, rule_id, severity,
// message, fingerprint}: messages are redacted by construction, so the file is safe to keep.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/parallel.h"
#include "engine/secrets/secret_scanner.h"
#include "engine/severity.h"
#include "engine/source_file.h"

namespace {

namespace fs = std::filesystem;
using faultline::engine::Finding;
using faultline::engine::SourceFile;
using faultline::engine::secrets::SecretScanner;

constexpr uintmax_t kMaxFileBytes = 10ull << 20;

struct Options {
  int threads = 1;
  std::string mode = "e2e";
  int repeat = 1;
  std::string expected;
  std::string findings;
  std::vector<std::string> paths;
};

std::vector<std::string> ListFiles(const std::vector<std::string>& roots) {
  std::vector<std::string> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      files.push_back(root);
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && it->path().filename() == ".git") {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->file_size(ec) <= kMaxFileBytes) {
        files.push_back(it->path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Reads like `faultline scan` does (DiskFileProvider); unreadable files scan as empty.
std::string ReadFile(const std::string& path) {
  static const faultline::engine::DiskFileProvider provider;
  faultline::engine::ReadResult result = provider.ReadFile(path, kMaxFileBytes);
  return result.status == faultline::engine::ReadResult::Status::kOk ? std::move(result.text)
                                                                     : std::string();
}

// User + system CPU time of the whole process (all threads), in seconds.
double CpuSeconds() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct Totals {
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> binary{0};
  std::atomic<uint64_t> findings{0};
};

// A finding reduced to what the report needs, so that e2e mode can free each file after
// scanning it (peak RSS then reflects streaming, as in `faultline scan`).
struct Record {
  uint32_t line = 0;  // 1-based
  uint32_t column = 0;
  std::string rule_id;
  std::string severity;
  std::string message;
  std::string fingerprint;
};

std::vector<Record> ToRecords(std::vector<Finding> findings) {
  std::sort(findings.begin(), findings.end(), faultline::engine::FindingLess);
  std::vector<Record> records;
  for (const Finding& finding : findings) {
    const auto position = finding.range.start();
    records.push_back({position.line + 1, position.column + 1, finding.rule_id,
                       std::string(faultline::engine::SeverityName(finding.severity)),
                       finding.message, finding.fingerprint});
  }
  return records;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "missing value for " << arg << "\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--threads") {
      options.threads = std::stoi(value());
    } else if (arg == "--mode") {
      options.mode = value();
    } else if (arg == "--repeat") {
      options.repeat = std::stoi(value());
    } else if (arg == "--expected") {
      options.expected = value();
    } else if (arg == "--findings") {
      options.findings = value();
    } else {
      options.paths.push_back(arg);
    }
  }
  if (options.paths.empty() || (options.mode != "e2e" && options.mode != "memory")) {
    std::cerr << "usage: secrets_bench [--threads N] [--mode e2e|memory] [--repeat R] "
                 "[--expected FILE] [--findings FILE] PATH...\n";
    return 2;
  }

  auto build_start = std::chrono::steady_clock::now();
  const SecretScanner scanner;
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start)
          .count();
  for (const std::string& error : scanner.errors()) std::cerr << "rule error: " << error << "\n";

  const std::vector<std::string> paths = ListFiles(options.paths);
  std::vector<std::vector<Record>> results(paths.size());  // per file, sorted
  Totals totals;
  double seconds = 0;
  double cpu_seconds = 0;

  if (options.mode == "e2e") {
    const double cpu_start = CpuSeconds();
    auto start = std::chrono::steady_clock::now();
    faultline::engine::ParallelFor(paths.size(), options.threads, [&](size_t i) {
      const SourceFile file(paths[i], ReadFile(paths[i]));
      totals.bytes += file.size();
      std::vector<Finding> findings;
      auto summary = scanner.Scan(file, &findings);
      if (summary.binary) ++totals.binary;
      totals.findings += findings.size();
      results[i] = ToRecords(std::move(findings));
    });
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_seconds = CpuSeconds() - cpu_start;
  } else {
    std::vector<std::unique_ptr<SourceFile>> files;
    for (const std::string& path : paths) {
      files.push_back(std::make_unique<SourceFile>(path, ReadFile(path)));
      totals.bytes += files.back()->size();
    }
    std::vector<std::vector<Finding>> findings(paths.size());
    const double cpu_start = CpuSeconds();
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < options.repeat; ++r) {
      totals.binary = 0;
      totals.findings = 0;
      faultline::engine::ParallelFor(paths.size(), options.threads, [&](size_t i) {
        findings[i].clear();
        auto summary = scanner.Scan(*files[i], &findings[i]);
        if (summary.binary) ++totals.binary;
        totals.findings += findings[i].size();
      });
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
              options.repeat;
    cpu_seconds = (CpuSeconds() - cpu_start) / options.repeat;
    for (size_t i = 0; i < paths.size(); ++i) results[i] = ToRecords(std::move(findings[i]));
  }

  const double mb = totals.bytes / 1e6;
  std::printf(
      "mode=%s threads=%d files=%zu binary_skipped=%llu bytes=%llu rules=%zu "
      "build_ms=%.1f\n",
      options.mode.c_str(), options.threads, paths.size(),
      static_cast<unsigned long long>(totals.binary.load()),
      static_cast<unsigned long long>(totals.bytes.load()), scanner.rules().size(), build_ms);
  // MB per CPU-second does not depend on other load on the machine; on an idle machine with
  // T threads, MB/s approaches T times it when the work parallelises.
  std::printf(
      "wall_ms=%.1f MB/s=%.1f cpu_ms=%.1f MB/cpu-s=%.1f findings=%llu "
      "peak_rss_mb=%.1f\n",
      seconds * 1000, mb / seconds, cpu_seconds * 1000, mb / cpu_seconds,
      static_cast<unsigned long long>(totals.findings.load()), PeakRssKb() / 1024.0);

  if (!options.findings.empty()) {
    std::ofstream out(options.findings);
    for (size_t i = 0; i < paths.size(); ++i) {
      for (const Record& record : results[i]) {
        nlohmann::json line = {
            {"file", paths[i]},
            {"line", record.line},
            {"column", record.column},
            {"rule_id", record.rule_id},
            {"severity", record.severity},
            {"message", record.message},
            {"fingerprint", record.fingerprint},
        };
        out << line.dump() << "\n";
      }
    }
  }

  if (!options.expected.empty()) {
    std::ifstream in(options.expected);
    nlohmann::json expected = nlohmann::json::parse(in, nullptr, false);
    if (expected.is_discarded()) {
      std::cerr << "cannot parse " << options.expected << "\n";
      return 2;
    }
    const fs::path root = options.paths.front();
    std::map<std::string, std::set<uint32_t>> flagged;  // relative path -> 1-based lines
    for (size_t i = 0; i < paths.size(); ++i) {
      const std::string relative = fs::path(paths[i]).lexically_relative(root).generic_string();
      for (const Record& record : results[i]) flagged[relative].insert(record.line);
    }
    size_t found = 0, total = 0, clean_violations = 0;
    for (const auto& planted : expected["planted"]) {
      ++total;
      const std::string file = planted["file"];
      const uint32_t line = planted["line"];
      if (flagged[file].count(line)) {
        ++found;
      } else {
        std::printf("missed: %s:%u\n", file.c_str(), line);
      }
    }
    for (const auto& clean : expected["clean"]) {
      const std::string file = clean["file"];
      const uint32_t line = clean["line"];
      if (flagged[file].count(line)) {
        ++clean_violations;
        std::printf("clean line flagged: %s:%u\n", file.c_str(), line);
      }
    }
    std::printf("recall=%zu/%zu (%.1f%%) clean_lines_flagged=%zu\n", found, total,
                total ? 100.0 * found / total : 0.0, clean_violations);
  }
  return 0;
}
