// engine/listing_cache: directory listings read once per scan, everything else forwarded.
#include "engine/listing_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace faultline::engine {
namespace {

// A provider with one directory "d" (two files) and nothing else, counting its calls.
class CountingProvider : public FileProvider {
 public:
  EntryType Stat(const std::string& path) const override {
    ++stats;
    return path == "d" ? EntryType::kDirectory : EntryType::kMissing;
  }
  std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                            std::string* error) const override {
    ++listings;
    if (path != "d") {
      *error = "No such file or directory";
      return {};
    }
    return {{"a.tf", EntryType::kFile, false}, {"b.tf", EntryType::kFile, false}};
  }
  ReadResult ReadFile(const std::string& path, uint64_t) const override {
    ++reads;
    ReadResult result;
    result.status = ReadResult::Status::kOk;
    result.text = "text of " + path;
    return result;
  }
  std::string CanonicalPath(const std::string& path) const override { return "/real/" + path; }

  mutable std::atomic<int> stats{0}, listings{0}, reads{0};
};

TEST(ListingCacheTest, ListsEachDirectoryOnce) {
  CountingProvider disk;
  ListingCache cache(disk);
  for (int i = 0; i < 3; ++i) {
    std::string error;
    std::vector<DirectoryEntry> entries = cache.ListDirectory("d", &error);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].name, "a.tf");
    EXPECT_EQ(entries[1].name, "b.tf");
    EXPECT_TRUE(error.empty());
  }
  EXPECT_EQ(disk.listings.load(), 1);
}

TEST(ListingCacheTest, RemembersErrorsToo) {
  CountingProvider disk;
  ListingCache cache(disk);
  for (int i = 0; i < 2; ++i) {
    std::string error;
    EXPECT_TRUE(cache.ListDirectory("missing", &error).empty());
    EXPECT_EQ(error, "No such file or directory");
  }
  EXPECT_EQ(disk.listings.load(), 1);
}

TEST(ListingCacheTest, ForwardsEverythingElseEachTime) {
  CountingProvider disk;
  ListingCache cache(disk);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(cache.Stat("d"), EntryType::kDirectory);
    EXPECT_EQ(cache.ReadFile("d/a.tf", 100).text, "text of d/a.tf");
    EXPECT_EQ(cache.CanonicalPath("d"), "/real/d");
  }
  EXPECT_EQ(disk.stats.load(), 2);
  EXPECT_EQ(disk.reads.load(), 2);
}

TEST(ListingCacheTest, ConcurrentListingsAgree) {
  CountingProvider disk;
  ListingCache cache(disk);
  std::vector<std::thread> threads;
  std::atomic<int> complete{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        std::string error;
        if (cache.ListDirectory("d", &error).size() == 2 && error.empty()) ++complete;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(complete.load(), 400);
  EXPECT_LE(disk.listings.load(), 4);  // at most one read per thread racing the first
}

}  // namespace
}  // namespace faultline::engine
