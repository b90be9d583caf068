// ListingCache: a FileProvider that remembers directory listings for the length of one scan.
//
// The IaC discovery and the secret pass's text discovery walk the same directories; with this
// wrapper the second walk reads the listings from memory instead of the file system. Everything
// else (Stat, ReadFile, CanonicalPath) goes straight to the wrapped provider. Create one per
// scan: a listing is never refreshed. Thread-safe, like every FileProvider.
#ifndef FAULTLINE_ENGINE_LISTING_CACHE_H_
#define FAULTLINE_ENGINE_LISTING_CACHE_H_

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "engine/file_provider.h"

namespace faultline::engine {

class ListingCache : public FileProvider {
 public:
  explicit ListingCache(const FileProvider& files) : files_(files) {}

  EntryType Stat(const std::string& path) const override { return files_.Stat(path); }
  std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                            std::string* error) const override;
  ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const override {
    return files_.ReadFile(path, max_bytes);
  }
  std::string CanonicalPath(const std::string& path) const override {
    return files_.CanonicalPath(path);
  }

 private:
  struct Listing {
    std::vector<DirectoryEntry> entries;
    std::string error;
  };
  const FileProvider& files_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Listing> listings_;
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_LISTING_CACHE_H_
