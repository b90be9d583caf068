#include "engine/finding.h"

#include <cstdint>
#include <cstdio>
#include <tuple>

namespace faultline::engine {

std::string ComputeFingerprint(const std::string& rule_id, const std::string& module_dir,
                               const std::string& resource_address,
                               const std::string& attribute_path) {
  uint64_t hash = 1469598103934665603ULL;
  auto mix = [&hash](const std::string& part) {
    for (unsigned char c : part) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;  // separator, so ("ab","c") != ("a","bc")
    hash *= 1099511628211ULL;
  };
  mix(rule_id);
  mix(module_dir);
  mix(resource_address);
  mix(attribute_path);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

bool FindingLess(const Finding& a, const Finding& b) {
  const std::string empty;
  const std::string& path_a = a.range.file ? a.range.file->path() : empty;
  const std::string& path_b = b.range.file ? b.range.file->path() : empty;
  return std::tie(path_a, a.range.begin, a.range.end, a.rule_id, a.resource_address,
                  a.attribute_path, a.message) < std::tie(path_b, b.range.begin, b.range.end,
                                                          b.rule_id, b.resource_address,
                                                          b.attribute_path, b.message);
}

}  // namespace faultline::engine
