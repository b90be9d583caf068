#include "parsers/tree_sitter/handles.h"

#include <chrono>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace faultline::parsers::tree_sitter {

void ParserDeleter::operator()(TSParser* parser) const { ts_parser_delete(parser); }
void TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }
void QueryDeleter::operator()(TSQuery* query) const { ts_query_delete(query); }
void QueryCursorDeleter::operator()(TSQueryCursor* cursor) const { ts_query_cursor_delete(cursor); }

Parser NewParser(const TSLanguage* language) {
  Parser parser(ts_parser_new());
  if (parser == nullptr || !ts_parser_set_language(parser.get(), language)) std::abort();
  return parser;
}

QueryCursor NewQueryCursor() { return QueryCursor(ts_query_cursor_new()); }

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

using Clock = std::chrono::steady_clock;

struct Deadline {
  Clock::time_point at;
};

bool CancelAfterDeadline(TSParseState* state) {
  const auto* deadline = static_cast<const Deadline*>(state->payload);
  return Clock::now() >= deadline->at;
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

ParseResult Parse(const TSLanguage* language, std::string_view text, uint64_t timeout_micros) {
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

  Deadline deadline{Clock::now() + std::chrono::microseconds(timeout_micros)};
  TSParseOptions options{};
  if (timeout_micros > 0) {
    options.payload = &deadline;
    options.progress_callback = &CancelAfterDeadline;
  }
  result.tree.reset(ts_parser_parse_with_options(parser, nullptr, input, options));
  if (result.tree != nullptr) {
    result.status = ParseStatus::kOk;
    return result;
  }
  // A cancelled parse leaves state behind that the next call would resume from.
  ts_parser_reset(parser);
  result.status = timeout_micros > 0 && Clock::now() >= deadline.at ? ParseStatus::kTimedOut
                                                                    : ParseStatus::kFailed;
  return result;
}

Query CompileQuery(const TSLanguage* language, std::string_view source, QueryError* error) {
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
