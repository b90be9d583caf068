// engine/allocator.h: the process allocator is the one the build asked for, for C and C++
// allocations alike, on the main thread and on worker threads.
#include "engine/allocator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace faultline::engine {
namespace {

TEST(AllocatorTest, TheBuildsAllocatorServesMalloc) {
#ifdef FAULTLINE_EXPECT_MIMALLOC
  EXPECT_TRUE(BuiltWithMimalloc());
  EXPECT_TRUE(MallocIsMimalloc()) << "libmimalloc.so must precede libc in the link";
  EXPECT_TRUE(AllocatorDescription().starts_with("mimalloc 2.")) << AllocatorDescription();
  EXPECT_EQ(AllocatorDescription().find("not"), std::string::npos) << AllocatorDescription();
#else
  EXPECT_FALSE(BuiltWithMimalloc());
  EXPECT_FALSE(MallocIsMimalloc());
  EXPECT_EQ(AllocatorDescription(), "glibc malloc");
#endif
}

TEST(AllocatorTest, WorkerThreadsUseTheSameAllocator) {
  bool in_thread = !MallocIsMimalloc();
  std::thread worker([&] { in_thread = MallocIsMimalloc(); });
  worker.join();
  EXPECT_EQ(in_thread, MallocIsMimalloc());
}

TEST(AllocatorTest, BlocksMayBeFreedOnAnotherThreadAndMemoryReleased) {
  // Blocks made on one thread and freed on another, as the parallel parse's values are.
  std::vector<std::unique_ptr<std::string>> made;
  std::thread maker([&] {
    for (int i = 0; i < 10000; ++i) {
      made.push_back(std::make_unique<std::string>(100, static_cast<char>('a' + i % 26)));
    }
  });
  maker.join();
  ASSERT_EQ(made.size(), 10000u);
  EXPECT_EQ((*made[27])[99], 'b');
  made.clear();
  ReleaseFreeMemory();
  std::string after(1000, 'x');  // the allocator still works after releasing
  EXPECT_EQ(after.size(), 1000u);
}

}  // namespace
}  // namespace faultline::engine
