#include "engine/finding.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <tuple>

namespace faultline::engine {

namespace {

struct FingerprintRoot {
  std::string directory;    // absolute, lexically normal, no trailing slash ("" = off)
  std::string working_dir;  // absolute
};

FingerprintRoot& Root() {
  static FingerprintRoot root;
  return root;
}

std::string Normal(const std::string& path) {
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

// `path` relative to the fingerprint root when it lies under it; otherwise unchanged.
std::string RootRelative(const std::string& path) {
  const FingerprintRoot& root = Root();
  // "" (non-file inputs) and "<stdin>" are not paths.
  if (root.directory.empty() || path.empty() || path.front() == '<') return path;
  std::string absolute =
      Normal(!path.empty() && path.front() == '/' ? path : root.working_dir + "/" + path);
  if (absolute == root.directory) return ".";
  if (root.directory == "/") return absolute.substr(1);
  if (absolute.size() > root.directory.size() && absolute.starts_with(root.directory) &&
      absolute[root.directory.size()] == '/') {
    return absolute.substr(root.directory.size() + 1);
  }
  return path;
}

}  // namespace

void SetFingerprintRoot(std::string directory, std::string working_dir) {
  FingerprintRoot& root = Root();
  root.working_dir = Normal(working_dir);
  root.directory =
      directory.empty()
          ? ""
          : Normal(directory.front() == '/' ? directory : root.working_dir + "/" + directory);
}

std::string ComputeFingerprint(const std::string& rule_id, const std::string& module_dir_in,
                               const std::string& resource_address,
                               const std::string& attribute_path) {
  const std::string module_dir = RootRelative(module_dir_in);
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
