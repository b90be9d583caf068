// RAII handles for the tree-sitter C runtime, and the one place that runs a parse.
//
// Every tree-sitter object that needs freeing is owned here: TSParser, TSTree, TSQuery,
// TSQueryCursor and TSTreeCursor. Code outside parsers/tree_sitter never holds an owning raw
// pointer; it works with these handles and with TSNode values (which borrow from their Tree).
//
// Parse() runs on a parser owned by the calling thread (thread_local), so it is safe to call
// from many threads at once. Its work is bounded: the progress callback (which tree-sitter calls
// every 100 parse operations, i.e. about every 100 tokens or reductions) cancels the parse once
// `timeout_micros` of wall time have passed or once the runtime's memory has grown by more than
// `max_memory_bytes` since the parse began, and inputs over 4 GiB are refused.
//
// Memory accounting: the first NewParser / NewQueryCursor / CompileQuery installs a counting
// allocator in the runtime (ts_set_allocator). It forwards to glibc malloc, with a per-thread
// cache of freed small blocks in front (handles.cc), and keeps, per thread, the net number of
// bytes (malloc_usable_size) the runtime allocated minus those it freed on that thread, cached or
// not: ThreadAllocatedBytes(). Memory freed on another thread than the one that allocated it
// only skews the two threads' counts, never correctness; a parse looks only at its own thread's
// growth between its start and each progress callback.
//
// Large inputs (over kLargeInputBytes) are parsed one at a time per process: Parse() takes the
// process-wide large-input slot before parsing and the ParseResult keeps it until it is
// destroyed, so at most one large syntax tree (tree-sitter needs ~140x the input size while
// parsing HCL) exists at once whatever the number of threads. The slot is re-entrant per thread
// (a thread holding a large tree may parse another large input), and a ParseResult holding it
// must be destroyed on the thread that created it. The time limit starts once the slot is taken.
//
// Compiled queries are immutable and may be shared between threads; QueryCache compiles each
// (language, source) pair once per process. A QueryCursor is per use and per thread.
// ForEachChild enumerates a node's children in one pass (thread-safe; the tree is only read).
#ifndef FAULTLINE_PARSERS_TREE_SITTER_HANDLES_H_
#define FAULTLINE_PARSERS_TREE_SITTER_HANDLES_H_

#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace faultline::parsers::tree_sitter {

struct ParserDeleter {
  void operator()(TSParser* parser) const;
};
struct TreeDeleter {
  void operator()(TSTree* tree) const;
};
struct QueryDeleter {
  void operator()(TSQuery* query) const;
};
struct QueryCursorDeleter {
  void operator()(TSQueryCursor* cursor) const;
};

using Parser = std::unique_ptr<TSParser, ParserDeleter>;
using Tree = std::unique_ptr<TSTree, TreeDeleter>;
using Query = std::unique_ptr<TSQuery, QueryDeleter>;
using QueryCursor = std::unique_ptr<TSQueryCursor, QueryCursorDeleter>;

// A new parser for `language` (never null; aborts only if the runtime cannot allocate).
Parser NewParser(const TSLanguage* language);
QueryCursor NewQueryCursor();

// Owns a TSTreeCursor. Movable, not copyable. The cursor borrows the tree of the node it was
// created from: the Tree must outlive it.
class TreeCursor {
 public:
  explicit TreeCursor(TSNode node);
  ~TreeCursor();
  TreeCursor(TreeCursor&& other) noexcept;
  TreeCursor& operator=(TreeCursor&& other) noexcept;
  TreeCursor(const TreeCursor&) = delete;
  TreeCursor& operator=(const TreeCursor&) = delete;

  TSNode node() const { return ts_tree_cursor_current_node(&cursor_); }
  // Field name of the current node within its parent, or nullptr.
  const char* field_name() const { return ts_tree_cursor_current_field_name(&cursor_); }
  bool GotoFirstChild() { return ts_tree_cursor_goto_first_child(&cursor_); }
  bool GotoNextSibling() { return ts_tree_cursor_goto_next_sibling(&cursor_); }
  bool GotoParent() { return ts_tree_cursor_goto_parent(&cursor_); }
  // Moves to the first child that contains or starts after byte `offset`; false if none.
  bool GotoFirstChildForByte(uint32_t offset) {
    return ts_tree_cursor_goto_first_child_for_byte(&cursor_, offset) >= 0;
  }
  // Restarts the cursor at `node` (which may belong to another tree).
  void Reset(TSNode node) { ts_tree_cursor_reset(&cursor_, node); }

 private:
  TSTreeCursor cursor_;
  bool owned_ = true;
};

// Calls `visit(context, child, symbol)` for each child of `node` in order, with the child's
// ts_node_symbol(): exactly the nodes ts_node_child(node, i) returns for i in
// [0, ts_node_child_count(node)), extras (comments) left out when `skip_extras`. One pass over
// the runtime's child arrays: cheaper than a TSTreeCursor walk or ts_node_child(i), which
// restarts from the first child. (It reads the vendored runtime's internal node layout, so it
// lives here, next to the one runtime it is compiled against.)
using ChildVisitor = void (*)(void* context, TSNode child, TSSymbol symbol);
void ForEachChild(TSNode node, bool skip_extras, ChildVisitor visit, void* context);

enum class ParseStatus : uint8_t {
  kOk,           // `tree` holds the syntax tree (which may contain ERROR / MISSING nodes)
  kTimedOut,     // the time limit cancelled the parse; `tree` is null
  kMemoryLimit,  // the memory budget cancelled the parse; `tree` is null
  kTooLarge,     // the input is over 4 GiB; `tree` is null
  kFailed,       // the runtime returned no tree for another reason; `tree` is null
};

// Inputs larger than this are parsed one at a time per process (see the top of this file).
inline constexpr size_t kLargeInputBytes = 4u << 20;

// The process-wide large-input slot, held by the calling thread while the object lives.
// Re-entrant per thread; movable within the thread that acquired it. Empty by default.
class LargeInputSlot {
 public:
  LargeInputSlot() = default;
  static LargeInputSlot Acquire();  // blocks until no other thread holds the slot
  ~LargeInputSlot();
  LargeInputSlot(LargeInputSlot&& other) noexcept : held_(other.held_) { other.held_ = false; }
  LargeInputSlot& operator=(LargeInputSlot&& other) noexcept;
  LargeInputSlot(const LargeInputSlot&) = delete;
  LargeInputSlot& operator=(const LargeInputSlot&) = delete;
  bool held() const { return held_; }

 private:
  void Release();
  bool held_ = false;
};

struct ParseResult {
  LargeInputSlot slot;  // held for large inputs; declared first so `tree` is freed before it
  Tree tree;
  ParseStatus status = ParseStatus::kFailed;
};

// Parses UTF-8 `text` with `language` on the calling thread's parser. `timeout_micros` of 0
// means no time limit; `max_memory_bytes` of 0 means no memory budget. The returned tree
// borrows nothing from `text`, but TSNode byte offsets refer to it.
ParseResult Parse(const TSLanguage* language, std::string_view text, uint64_t timeout_micros,
                  uint64_t max_memory_bytes = 0);

// Net bytes the tree-sitter runtime has allocated and not freed on the calling thread (may be
// negative when this thread freed memory another thread allocated). Installs the counting
// allocator if no parser exists yet.
int64_t ThreadAllocatedBytes();

// Compiles `source` for `language`. On failure returns null and, when `error` is non-null,
// describes the problem and its byte offset in `source`.
struct QueryError {
  uint32_t offset = 0;
  std::string message;
};
Query CompileQuery(const TSLanguage* language, std::string_view source, QueryError* error);

// Process-wide cache of compiled queries, keyed by language and query source. Thread-safe.
// The returned query lives until the process exits (borrowed, never freed by the caller);
// null when the source does not compile.
const TSQuery* CachedQuery(const TSLanguage* language, std::string_view source);

}  // namespace faultline::parsers::tree_sitter

#endif  // FAULTLINE_PARSERS_TREE_SITTER_HANDLES_H_
