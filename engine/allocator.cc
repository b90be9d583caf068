#include "engine/allocator.h"

#include <cstdlib>

#ifdef FAULTLINE_WITH_MIMALLOC
#include <mimalloc.h>
#else
#include <malloc.h>
#endif

namespace faultline::engine {

bool BuiltWithMimalloc() {
#ifdef FAULTLINE_WITH_MIMALLOC
  return true;
#else
  return false;
#endif
}

bool MallocIsMimalloc() {
#ifdef FAULTLINE_WITH_MIMALLOC
  // volatile: the compiler may not elide the allocation it could prove unused.
  void* volatile block = std::malloc(64);
  bool ours = block != nullptr && mi_is_in_heap_region(block);
  std::free(block);
  return ours;
#else
  return false;
#endif
}

std::string AllocatorDescription() {
#ifdef FAULTLINE_WITH_MIMALLOC
  int version = mi_version();  // e.g. 209
  std::string name = "mimalloc " + std::to_string(version / 100) + "." +
                     std::to_string(version / 10 % 10) + "." + std::to_string(version % 10);
  if (!MallocIsMimalloc()) name += " (linked, but malloc is not mimalloc's)";
  return name;
#else
  return "glibc malloc";
#endif
}

uint64_t HeapBytes() {
#ifdef FAULTLINE_WITH_MIMALLOC
  size_t elapsed = 0, user = 0, system = 0, rss = 0, peak_rss = 0, commit = 0, peak_commit = 0,
         faults = 0;
  mi_process_info(&elapsed, &user, &system, &rss, &peak_rss, &commit, &peak_commit, &faults);
  return commit;
#else
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
#endif
}

void ReleaseFreeMemory() {
#ifdef FAULTLINE_WITH_MIMALLOC
  mi_collect(true);
#else
  malloc_trim(0);
#endif
}

}  // namespace faultline::engine
