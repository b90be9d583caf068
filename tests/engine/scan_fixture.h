// Test helper: scans in-memory Terraform files through the real engine (no mocks).
#ifndef FAULTLINE_TESTS_ENGINE_SCAN_FIXTURE_H_
#define FAULTLINE_TESTS_ENGINE_SCAN_FIXTURE_H_

#include <map>
#include <string>

#include "engine/file_provider.h"
#include "engine/scan.h"

namespace faultline::engine::testing {

// Paths live under a directory that does not exist on disk.
inline const std::string kRoot = "/faultline-virtual";

inline ScanResult ScanFiles(const std::map<std::string, std::string>& files,
                            ScanOptions options = {}, const RuleList* rules = nullptr) {
  OverlayFileProvider provider;
  for (const auto& [path, text] : files) provider.Set(kRoot + "/" + path, text);
  if (options.paths.empty()) options.paths = {kRoot};
  if (options.jobs == 0) options.jobs = 1;
  static const RuleList kNoRules;
  return Scan(options, provider, rules ? *rules : kNoRules);
}

inline const Resource* FindResource(const ScanResult& result, const std::string& dir,
                                    const std::string& address) {
  return result.graph.Find(kRoot + (dir.empty() ? "" : "/" + dir), address);
}

}  // namespace faultline::engine::testing

#endif  // FAULTLINE_TESTS_ENGINE_SCAN_FIXTURE_H_
