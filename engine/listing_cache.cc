#include "engine/listing_cache.h"

namespace faultline::engine {

std::vector<DirectoryEntry> ListingCache::ListDirectory(const std::string& path,
                                                        std::string* error) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = listings_.find(path);
    if (it != listings_.end()) {
      if (error != nullptr) *error = it->second.error;
      return it->second.entries;
    }
  }
  // Listed outside the lock; two threads listing the same directory at once both read it and
  // keep the first result (the same entries).
  Listing listing;
  listing.entries = files_.ListDirectory(path, &listing.error);
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = listings_.try_emplace(path, std::move(listing));
  if (error != nullptr) *error = it->second.error;
  return it->second.entries;
}

}  // namespace faultline::engine
