#include "parsers/tree_sitter/handles.h"

#include <malloc.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

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

void* CountingMalloc(size_t size) {
  void* block = std::malloc(size);
  if (block == nullptr) {
    if (size > 0) OutOfMemory(size);
    return nullptr;
  }
  thread_allocated_bytes += static_cast<int64_t>(malloc_usable_size(block));
  return block;
}

void* CountingCalloc(size_t count, size_t size) {
  void* block = std::calloc(count, size);
  if (block == nullptr) {
    if (count > 0 && size > 0) OutOfMemory(count * size);
    return nullptr;
  }
  thread_allocated_bytes += static_cast<int64_t>(malloc_usable_size(block));
  return block;
}

void* CountingRealloc(void* old_block, size_t size) {
  const size_t old_size = old_block != nullptr ? malloc_usable_size(old_block) : 0;
  void* block = std::realloc(old_block, size);
  if (block == nullptr) {
    if (size > 0) OutOfMemory(size);  // realloc(p, 0) freed p
    thread_allocated_bytes -= static_cast<int64_t>(old_size);
    return nullptr;
  }
  thread_allocated_bytes +=
      static_cast<int64_t>(malloc_usable_size(block)) - static_cast<int64_t>(old_size);
  return block;
}

void CountingFree(void* block) {
  if (block == nullptr) return;
  thread_allocated_bytes -= static_cast<int64_t>(malloc_usable_size(block));
  std::free(block);
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
  // The large tree was freed, but glibc keeps the freed blocks in this thread's arena, where
  // the next large parse (on another thread, in another arena) cannot reuse them: hand the free
  // pages back to the system before letting it start.
  malloc_trim(0);
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
