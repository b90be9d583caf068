#include "parsers/tree_sitter/handles.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "engine/allocator.h"

// The runtime's internal headers, for ForEachChild. They are found through the runtime's public
// include directory (`<lib>/include/tree_sitter/../../src`), so they always belong to the very
// runtime that is linked in.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
extern "C" {
#include "tree_sitter/../../src/language.h"
#include "tree_sitter/../../src/subtree.h"
#include "tree_sitter/../../src/tree.h"
}
#pragma GCC diagnostic pop

namespace faultline::parsers::tree_sitter {

namespace {

// Net bytes the runtime allocated minus freed on this thread (see ThreadAllocatedBytes).
thread_local int64_t thread_allocated_bytes = 0;

[[noreturn]] void OutOfMemory(size_t bytes) {
  std::fprintf(stderr, "tree-sitter failed to allocate %zu bytes\n", bytes);
  std::abort();
}

// Small blocks: tree-sitter allocates and frees one for nearly every subtree and parse-stack
// node, and glibc's malloc and free (with its fastbin consolidation) took ~11% of a Terraform
// scan's instructions. So the allocator keeps a per-thread cache of freed small blocks, by size
// class, and hands them out again to the next allocations of their class on the thread, with no
// lock and no search. The blocks stay malloc blocks: a block's class is read from its
// malloc_usable_size, so any block may be freed on any thread, and one whose usable size is not
// exactly a class's goes back to free(). A thread caches at most kMaxCachedBytes (the rest is
// freed), and gives its cache back to malloc when it ends. Under sanitizers nothing is cached,
// so that every freed block is checked. With mimalloc as malloc (engine/allocator.h), whose
// size classes differ from glibc's, fewer blocks match a class and more go straight to its
// (fast) free; the accounting is the same.
#if defined(__SANITIZE_ADDRESS__)
#define FAULTLINE_CACHE_SMALL_BLOCKS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define FAULTLINE_CACHE_SMALL_BLOCKS 0
#endif
#endif
#ifndef FAULTLINE_CACHE_SMALL_BLOCKS
#define FAULTLINE_CACHE_SMALL_BLOCKS 1
#endif

constexpr size_t kGranule = 16;                    // glibc's chunk sizes are multiples of 16 ...
constexpr size_t kChunkOverhead = sizeof(size_t);  // ... and hold their size less 8 bytes
constexpr size_t kMinChunk = 32;
constexpr size_t kMaxChunk = 256;  // the largest class's chunk
constexpr size_t kClasses = kMaxChunk / kGranule + 1;
constexpr size_t kMaxCachedBytes = size_t{32} << 20;

// Usable bytes of a block of class c (a chunk of c * 16 bytes).
constexpr size_t UsableOf(size_t c) { return c * kGranule - kChunkOverhead; }

// The smallest class whose blocks hold `size` bytes, or 0 when no class does.
constexpr size_t ClassFor(size_t size) {
  size_t chunk = std::max(kMinChunk, (size + kChunkOverhead + kGranule - 1) / kGranule * kGranule);
  return chunk <= kMaxChunk ? chunk / kGranule : 0;
}

// The class of a block of `usable` bytes, or 0 when its size is not exactly a class's.
constexpr size_t ClassOfUsable(size_t usable) {
  size_t chunk = usable + kChunkOverhead;
  return chunk % kGranule == 0 && chunk >= kMinChunk && chunk <= kMaxChunk ? chunk / kGranule : 0;
}

struct FreeBlock {
  FreeBlock* next;
};

// Plain data, so that using it costs no thread_local initialisation check.
struct SmallBlockLists {
  FreeBlock* heads[kClasses];
  size_t cached_bytes;
  bool registered;  // the thread's SmallBlockReleaser exists
  bool released;    // ... and has run: the thread is ending, cache nothing more
};
thread_local SmallBlockLists small_blocks{};

// Frees the thread's cached blocks when the thread ends.
struct SmallBlockReleaser {
  ~SmallBlockReleaser() {
    small_blocks.released = true;
    for (FreeBlock*& head : small_blocks.heads) {
      while (head != nullptr) {
        FreeBlock* next = head->next;
        std::free(head);
        head = next;
      }
    }
    small_blocks.cached_bytes = 0;
  }
};

void* TakeSmallBlock(size_t c) {
  FreeBlock* block = small_blocks.heads[c];
  if (block == nullptr) return nullptr;
  small_blocks.heads[c] = block->next;
  small_blocks.cached_bytes -= UsableOf(c);
  return block;
}

// Caches `block` (of class c); false when the cache is full (or the thread is ending).
bool KeepSmallBlock(void* block, size_t c) {
  if (!FAULTLINE_CACHE_SMALL_BLOCKS || small_blocks.released ||
      small_blocks.cached_bytes + UsableOf(c) > kMaxCachedBytes) {
    return false;
  }
  if (!small_blocks.registered) {
    small_blocks.registered = true;
    thread_local SmallBlockReleaser releaser;  // constructed here, destroyed at thread end
    (void)releaser;
  }
  auto* free_block = static_cast<FreeBlock*>(block);
  free_block->next = small_blocks.heads[c];
  small_blocks.heads[c] = free_block;
  small_blocks.cached_bytes += UsableOf(c);
  return true;
}

void* CountingMalloc(size_t size) {
  void* block = nullptr;
  if (size_t c = ClassFor(size); c != 0) {
    block = TakeSmallBlock(c);
    if (block != nullptr) {
      thread_allocated_bytes += static_cast<int64_t>(UsableOf(c));
      return block;
    }
    size = UsableOf(c);  // a block of exactly its class's size, so it can be cached when freed
  }
  block = std::malloc(size);
  if (block == nullptr) OutOfMemory(size);
  thread_allocated_bytes += static_cast<int64_t>(malloc_usable_size(block));
  return block;
}

void* CountingCalloc(size_t count, size_t size) {
  if (count == 0 || size == 0) return CountingMalloc(0);
  if (count > std::numeric_limits<size_t>::max() / size) OutOfMemory(size);
  const size_t bytes = count * size;
  if (ClassFor(bytes) != 0) {
    void* block = CountingMalloc(bytes);
    std::memset(block, 0, bytes);
    return block;
  }
  void* block = std::calloc(count, size);
  if (block == nullptr) OutOfMemory(bytes);
  thread_allocated_bytes += static_cast<int64_t>(malloc_usable_size(block));
  return block;
}

void CountingFree(void* block) {
  if (block == nullptr) return;
  const size_t usable = malloc_usable_size(block);
  thread_allocated_bytes -= static_cast<int64_t>(usable);
  const size_t c = ClassOfUsable(usable);
  if (c == 0 || !KeepSmallBlock(block, c)) std::free(block);
}

void* CountingRealloc(void* old_block, size_t size) {
  if (old_block == nullptr) return CountingMalloc(size);
  if (size == 0) {  // as glibc's realloc(p, 0): frees p
    CountingFree(old_block);
    return nullptr;
  }
  const size_t old_size = malloc_usable_size(old_block);
  if (size <= old_size && ClassOfUsable(old_size) != 0) return old_block;
  if (ClassFor(size) != 0 || ClassOfUsable(old_size) != 0) {
    // A small block on either side: by hand, so small blocks keep their class sizes.
    void* block = CountingMalloc(size);
    std::memcpy(block, old_block, std::min(old_size, size));
    CountingFree(old_block);
    return block;
  }
  void* block = std::realloc(old_block, size);
  if (block == nullptr) OutOfMemory(size);
  thread_allocated_bytes +=
      static_cast<int64_t>(malloc_usable_size(block)) - static_cast<int64_t>(old_size);
  return block;
}

// Installs the counting allocator once, before the runtime allocates anything through this
// file's entry points (every tree-sitter object is created through NewParser, NewQueryCursor or
// CompileQuery). Blocks allocated before would still be freed correctly: both allocators are
// glibc malloc.
void InstallCountingAllocator() {
  static const bool installed = [] {
    ts_set_allocator(&CountingMalloc, &CountingCalloc, &CountingRealloc, &CountingFree);
    return true;
  }();
  (void)installed;
}

// The large-input slot: a process-wide flag guarded by a mutex (never destroyed, so a slot may
// be released during static destruction), and the calling thread's re-entrancy depth.
struct LargeInputState {
  std::mutex mutex;
  std::condition_variable released;
  bool taken = false;
};

LargeInputState& LargeInput() {
  static auto* state = new LargeInputState();
  return *state;
}

thread_local uint32_t large_input_depth = 0;

}  // namespace

int64_t ThreadAllocatedBytes() {
  InstallCountingAllocator();
  return thread_allocated_bytes;
}

LargeInputSlot LargeInputSlot::Acquire() {
  LargeInputSlot slot;
  if (large_input_depth == 0) {
    LargeInputState& state = LargeInput();
    std::unique_lock<std::mutex> lock(state.mutex);
    state.released.wait(lock, [&state] { return !state.taken; });
    state.taken = true;
  }
  ++large_input_depth;
  slot.held_ = true;
  return slot;
}

LargeInputSlot::~LargeInputSlot() { Release(); }

LargeInputSlot& LargeInputSlot::operator=(LargeInputSlot&& other) noexcept {
  if (this != &other) {
    Release();
    held_ = other.held_;
    other.held_ = false;
  }
  return *this;
}

void LargeInputSlot::Release() {
  if (!held_) return;
  held_ = false;
  if (--large_input_depth > 0) return;
  // The large tree was freed, but malloc keeps the freed blocks in this thread's heap, where
  // the next large parse (on another thread, in another heap) cannot reuse them: hand the free
  // pages back to the system before letting it start.
  engine::ReleaseFreeMemory();
  LargeInputState& state = LargeInput();
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    state.taken = false;
  }
  state.released.notify_one();
}

void ParserDeleter::operator()(TSParser* parser) const { ts_parser_delete(parser); }
void TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }
void QueryDeleter::operator()(TSQuery* query) const { ts_query_delete(query); }
void QueryCursorDeleter::operator()(TSQueryCursor* cursor) const { ts_query_cursor_delete(cursor); }

Parser NewParser(const TSLanguage* language) {
  InstallCountingAllocator();
  Parser parser(ts_parser_new());
  if (parser == nullptr || !ts_parser_set_language(parser.get(), language)) std::abort();
  return parser;
}

QueryCursor NewQueryCursor() {
  InstallCountingAllocator();
  return QueryCursor(ts_query_cursor_new());
}

TreeCursor::TreeCursor(TSNode node) : cursor_(ts_tree_cursor_new(node)) {}

TreeCursor::~TreeCursor() {
  if (owned_) ts_tree_cursor_delete(&cursor_);
}

TreeCursor::TreeCursor(TreeCursor&& other) noexcept : cursor_(other.cursor_) {
  other.owned_ = false;
}

TreeCursor& TreeCursor::operator=(TreeCursor&& other) noexcept {
  if (this != &other) {
    if (owned_) ts_tree_cursor_delete(&cursor_);
    cursor_ = other.cursor_;
    owned_ = other.owned_;
    other.owned_ = false;
  }
  return *this;
}

namespace {

// The visible children of `node`, descending into hidden nodes, as the runtime's ts_node__child
// does (node.c): a child is visible when its subtree is visible or it has an alias; a hidden
// child contributes its own visible children. Hidden nodes can nest as deep as the input makes
// them (left-recursive rules), so the walk keeps its own stack instead of recursing.
struct ChildFrame {
  const Subtree* children;
  const TSSymbol* aliases;
  uint32_t count;
  uint32_t index;
  uint32_t structural_index;
  Length position;  // start of children[index] (padding included once index > 0)
};

ChildFrame FrameFor(const TSLanguage* language, const Subtree* subtree, Length position) {
  const Subtree parent = *subtree;
  ChildFrame frame{};
  frame.count = ts_subtree_child_count(parent);
  if (frame.count == 0) return frame;
  frame.children = ts_subtree_children(parent);
  frame.aliases = ts_language_alias_sequence(language, parent.ptr->production_id);
  frame.position = position;
  return frame;
}

void VisitChildren(TSNode node, bool skip_extras, ChildVisitor visit, void* context) {
  const TSTree* tree = node.tree;
  const TSLanguage* language = tree->language;
  constexpr size_t kInline = 16;  // hidden-node nesting rarely goes deeper
  ChildFrame inline_stack[kInline];
  size_t depth = 0;
  std::vector<ChildFrame> overflow;
  ChildFrame frame = FrameFor(language, static_cast<const Subtree*>(node.id),
                              Length{ts_node_start_byte(node), ts_node_start_point(node)});
  while (true) {
    if (frame.index == frame.count) {
      if (depth == 0) return;
      --depth;
      if (depth < kInline) {
        frame = inline_stack[depth];
      } else {
        frame = overflow.back();
        overflow.pop_back();
      }
      continue;
    }
    const Subtree* child = &frame.children[frame.index];
    const bool extra = ts_subtree_extra(*child);
    TSSymbol alias = 0;
    if (!extra) {
      if (frame.aliases != nullptr) alias = frame.aliases[frame.structural_index];
      ++frame.structural_index;
    }
    if (frame.index > 0) frame.position = length_add(frame.position, ts_subtree_padding(*child));
    Length position = frame.position;
    frame.position = length_add(frame.position, ts_subtree_size(*child));
    ++frame.index;
    if (ts_subtree_visible(*child) || alias != 0) {
      if (!extra || !skip_extras) {
        // ts_language_public_symbol() and ts_node_new(), inlined.
        TSSymbol symbol = alias != 0 ? alias : ts_subtree_symbol(*child);
        if (symbol != ts_builtin_sym_error) symbol = language->public_symbol_map[symbol];
        TSNode visible{
            {position.bytes, position.extent.row, position.extent.column, alias}, child, tree};
        visit(context, visible, symbol);
      }
    } else if (ts_subtree_visible_child_count(*child) > 0) {
      if (depth < kInline) {
        inline_stack[depth] = frame;
      } else {
        overflow.push_back(frame);
      }
      ++depth;
      frame = FrameFor(language, child, position);
    }
  }
}

using Clock = std::chrono::steady_clock;

// The bounds of one parse, checked by the progress callback. It records which one cancelled.
struct ParseBounds {
  bool has_deadline = false;
  Clock::time_point deadline;
  uint64_t max_memory_bytes = 0;  // 0 = no budget
  int64_t start_bytes = 0;        // ThreadAllocatedBytes() when the parse began
  bool timed_out = false;
  bool out_of_memory = false;
};

// The progress callback: cancels the parse once its deadline has passed or once this thread's
// runtime memory has grown past the budget since the parse began.
bool CancelAtLimits(TSParseState* state) {
  auto* bounds = static_cast<ParseBounds*>(state->payload);
  if (bounds->max_memory_bytes > 0 && thread_allocated_bytes - bounds->start_bytes >
                                          static_cast<int64_t>(bounds->max_memory_bytes)) {
    bounds->out_of_memory = true;
    return true;
  }
  if (bounds->has_deadline && Clock::now() >= bounds->deadline) {
    bounds->timed_out = true;
    return true;
  }
  return false;
}

// The calling thread's parser for `language`, created on first use.
TSParser* ThreadParser(const TSLanguage* language) {
  thread_local std::vector<std::pair<const TSLanguage*, Parser>> parsers;
  for (auto& [lang, parser] : parsers) {
    if (lang == language) return parser.get();
  }
  parsers.emplace_back(language, NewParser(language));
  return parsers.back().second.get();
}

}  // namespace

void ForEachChild(TSNode node, bool skip_extras, ChildVisitor visit, void* context) {
  if (ts_node_is_null(node)) return;
  VisitChildren(node, skip_extras, visit, context);
}

ParseResult Parse(const TSLanguage* language, std::string_view text, uint64_t timeout_micros,
                  uint64_t max_memory_bytes) {
  ParseResult result;
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    result.status = ParseStatus::kTooLarge;
    return result;
  }
  TSParser* parser = ThreadParser(language);
  TSInput input{};
  input.payload = &text;
  input.read = [](void* payload, uint32_t byte_index, TSPoint, uint32_t* bytes_read) {
    const auto* source = static_cast<const std::string_view*>(payload);
    if (byte_index >= source->size()) {
      *bytes_read = 0;
      return "";
    }
    *bytes_read = static_cast<uint32_t>(source->size() - byte_index);
    return source->data() + byte_index;
  };
  input.encoding = TSInputEncodingUTF8;

  if (text.size() > kLargeInputBytes) result.slot = LargeInputSlot::Acquire();
  ParseBounds bounds;
  bounds.max_memory_bytes = max_memory_bytes;
  bounds.start_bytes = thread_allocated_bytes;
  if (timeout_micros > 0) {
    bounds.has_deadline = true;
    bounds.deadline = Clock::now() + std::chrono::microseconds(timeout_micros);
  }
  TSParseOptions options{};
  if (bounds.has_deadline || max_memory_bytes > 0) {
    options.payload = &bounds;
    options.progress_callback = &CancelAtLimits;
  }
  result.tree.reset(ts_parser_parse_with_options(parser, nullptr, input, options));
  if (result.tree != nullptr) {
    result.status = ParseStatus::kOk;
    return result;
  }
  // A cancelled parse leaves state behind that the next call would resume from.
  ts_parser_reset(parser);
  result.slot = LargeInputSlot();
  result.status = bounds.out_of_memory ? ParseStatus::kMemoryLimit
                  : bounds.timed_out   ? ParseStatus::kTimedOut
                                       : ParseStatus::kFailed;
  return result;
}

Query CompileQuery(const TSLanguage* language, std::string_view source, QueryError* error) {
  InstallCountingAllocator();
  uint32_t error_offset = 0;
  TSQueryError error_type = TSQueryErrorNone;
  Query query(ts_query_new(language, source.data(), static_cast<uint32_t>(source.size()),
                           &error_offset, &error_type));
  if (query == nullptr && error != nullptr) {
    error->offset = error_offset;
    switch (error_type) {
      case TSQueryErrorSyntax:
        error->message = "query syntax error";
        break;
      case TSQueryErrorNodeType:
        error->message = "unknown node type";
        break;
      case TSQueryErrorField:
        error->message = "unknown field";
        break;
      case TSQueryErrorCapture:
        error->message = "unknown capture";
        break;
      case TSQueryErrorStructure:
        error->message = "impossible pattern structure";
        break;
      case TSQueryErrorLanguage:
        error->message = "incompatible language";
        break;
      default:
        error->message = "query error";
        break;
    }
  }
  return query;
}

const TSQuery* CachedQuery(const TSLanguage* language, std::string_view source) {
  static std::mutex mutex;
  static auto* cache = new std::map<std::pair<const TSLanguage*, std::string>, Query>();
  std::lock_guard<std::mutex> lock(mutex);
  auto key = std::make_pair(language, std::string(source));
  auto it = cache->find(key);
  if (it == cache->end()) {
    it = cache->emplace(std::move(key), CompileQuery(language, source, nullptr)).first;
  }
  return it->second.get();
}

}  // namespace faultline::parsers::tree_sitter
