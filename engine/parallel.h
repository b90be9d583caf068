// ParallelFor: runs fn(i) for i in [0, count) on up to `jobs` threads (the caller's included).
//
// Work is handed out one index at a time from an atomic counter, so uneven items balance.
// fn must be safe to call concurrently for different indexes; results should be written to
// per-index slots so the outcome does not depend on scheduling. jobs <= 1 runs inline.
//
// Nesting: AvailableJobs() tells code running inside fn how many threads it may use for work of
// its own (e.g. one large file parsed in parts): the outer `jobs` less the outer workers still
// busy, plus its own thread. A ParallelFor over one item at --jobs 2 leaves 2; one whose other
// worker is still busy leaves 1. Outside any ParallelFor it is 1. A nested ParallelFor given
// AvailableJobs() therefore does not oversubscribe, and cannot deadlock (plain threads, no pool).
#ifndef FAULTLINE_ENGINE_PARALLEL_H_
#define FAULTLINE_ENGINE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace faultline::engine {

namespace parallel_internal {

// The ParallelFor the calling thread works for: its jobs and how many of its workers are busy.
struct Scope {
  int jobs = 1;
  std::atomic<int>* busy = nullptr;
};
inline thread_local Scope current_scope;

// Makes `scope` the calling thread's scope until destroyed.
class ScopeGuard {
 public:
  explicit ScopeGuard(Scope scope) : saved_(current_scope) { current_scope = scope; }
  ~ScopeGuard() { current_scope = saved_; }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  Scope saved_;
};

}  // namespace parallel_internal

// Threads the calling thread may use for nested parallel work (see "Nesting" above); >= 1.
inline int AvailableJobs() {
  const parallel_internal::Scope& scope = parallel_internal::current_scope;
  if (scope.busy == nullptr) return 1;
  return std::max(1, scope.jobs - scope.busy->load(std::memory_order_relaxed) + 1);
}

template <typename Fn>
void ParallelFor(size_t count, int jobs, Fn&& fn) {
  size_t threads = static_cast<size_t>(std::max(1, jobs));
  threads = std::min(threads, count);
  if (threads <= 1) {
    std::atomic<int> busy{1};
    parallel_internal::ScopeGuard guard({std::max(1, jobs), &busy});
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<int> busy{static_cast<int>(threads)};
  auto worker = [&]() {
    parallel_internal::ScopeGuard guard({jobs, &busy});
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) fn(i);
    busy.fetch_sub(1, std::memory_order_relaxed);
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
