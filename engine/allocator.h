// Allocator: which malloc the process runs on, and how to hand freed memory back to the system.
//
// Release builds link mimalloc (Debian's libmimalloc-dev; CMake option FAULTLINE_USE_MIMALLOC).
// libmimalloc.so comes before libc in the link, so ELF symbol interposition makes it the
// malloc/free of the whole process: faultline's own values and also libyaml's events, RE2 and
// tree-sitter (measured: docs/benchmarks.md, "Allocator"). Sanitizer and fuzzer builds keep
// glibc's malloc, which ASan replaces. These functions are thread-safe.
#ifndef FAULTLINE_ENGINE_ALLOCATOR_H_
#define FAULTLINE_ENGINE_ALLOCATOR_H_

#include <cstdint>
#include <string>

namespace faultline::engine {

// True when the build links mimalloc.
bool BuiltWithMimalloc();

// True when memory from malloc() really comes from mimalloc (the link-order interposition took
// effect), checked on a fresh block. False in builds without mimalloc.
bool MallocIsMimalloc();

// For `faultline version`: "mimalloc 2.0.9", "mimalloc 2.0.9 (linked, but malloc is not
// mimalloc's)" or "glibc malloc".
std::string AllocatorDescription();

// Heap memory the program holds now, in bytes, for benchmarks: bytes in use (glibc's
// mallinfo2) or bytes committed (mimalloc, which counts its free pages that are not yet given
// back). Costs a walk of glibc's arenas: not for hot paths.
uint64_t HeapBytes();

// Returns freed memory the allocator keeps cached to the system (mi_collect(true) with
// mimalloc, malloc_trim(0) with glibc), e.g. after freeing a large parse tree.
void ReleaseFreeMemory();

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_ALLOCATOR_H_
