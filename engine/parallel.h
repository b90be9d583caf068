// ParallelFor: runs fn(i) for i in [0, count) on up to `jobs` threads (the caller's included).
//
// Work is handed out one index at a time from an atomic counter, so uneven items balance.
// fn must be safe to call concurrently for different indexes; results should be written to
// per-index slots so the outcome does not depend on scheduling. jobs <= 1 runs inline.
#ifndef FAULTLINE_ENGINE_PARALLEL_H_
#define FAULTLINE_ENGINE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace faultline::engine {

template <typename Fn>
void ParallelFor(size_t count, int jobs, Fn&& fn) {
  size_t threads = static_cast<size_t>(std::max(1, jobs));
  threads = std::min(threads, count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// The number of threads to use for `requested` (0 = hardware concurrency, at least 1).
inline int ResolveJobs(int requested) {
  if (requested > 0) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_PARALLEL_H_
