#include "parsers/state/value_reader.h"

#include <functional>
#include <iterator>
#include <string>
#include <utility>

#include "engine/engine_rules.h"

namespace faultline::parsers::state {

using engine::Value;

namespace {

// Counts one open container for the duration of a scope.
class DepthGuard {
 public:
  explicit DepthGuard(uint32_t* depth) : depth_(depth) { ++*depth_; }
  ~DepthGuard() { --*depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  uint32_t* depth_;
};

}  // namespace

StringInterner::StringInterner(uint32_t slots_log2)
    : slots_(size_t{1} << slots_log2), mask_((uint64_t{1} << slots_log2) - 1) {}

Value StringInterner::Get(std::string_view text) {
  if (text.size() > kMaxInternedBytes) return Value::String(std::string(text));
  const uint64_t hash = std::hash<std::string_view>{}(text);
  Slot& slot = slots_[hash & mask_];
  if (slot.hash == hash && slot.value.is_string() && slot.value.as_string() == text) {
    return slot.value;
  }
  slot.hash = hash;
  slot.value = Value::String(std::string(text));
  return slot.value;
}

ValueReader::ValueReader(JsonCursor* cursor, const engine::SourceFile* file, DiagnosticSink* sink,
                         StringInterner* interner, uint32_t max_depth, uint64_t max_string_bytes)
    : cursor_(cursor),
      file_(file),
      sink_(sink),
      interner_(interner),
      max_depth_(max_depth),
      max_string_bytes_(max_string_bytes),
      empty_list_(Value::List({})),
      empty_map_(Value::Map({})) {}

bool ValueReader::Read(Value* out) {
  uint32_t begin = 0, end = 0;
  switch (cursor_->Peek()) {
    case JsonCursor::Kind::kObject:
      return ReadObject(out);
    case JsonCursor::Kind::kArray:
      return ReadArray(out);
    case JsonCursor::Kind::kString:
      return ReadString(out);
    case JsonCursor::Kind::kNumber: {
      double number = 0;
      if (!cursor_->ReadNumber(&number, &begin, &end)) return false;
      *out = Value::Number(number, Range(begin, end));
      return true;
    }
    case JsonCursor::Kind::kTrue:
    case JsonCursor::Kind::kFalse:
    case JsonCursor::Kind::kNull: {
      JsonCursor::Kind kind;
      if (!cursor_->ReadLiteral(&kind, &begin, &end)) return false;
      *out = kind == JsonCursor::Kind::kNull
                 ? Value::Null(Range(begin, end))
                 : Value::Bool(kind == JsonCursor::Kind::kTrue, Range(begin, end));
      return true;
    }
    case JsonCursor::Kind::kEnd:
    case JsonCursor::Kind::kInvalid:
      break;
  }
  // Let the cursor record the precise error (end of file, or an invalid character).
  cursor_->SkipValue();
  return false;
}

bool ValueReader::SkipTooDeep(Value* out) {
  uint32_t begin = 0, end = 0;
  if (!cursor_->SkipValue(&begin, &end)) return false;
  std::string reason = "value nested deeper than " + std::to_string(max_depth_) + " levels";
  sink_->Add(engine::kLimitExceededId, begin, end, reason + " was not loaded");
  *out = Value::Unknown(std::move(reason), Range(begin, end));
  return true;
}

bool ValueReader::ReadObject(Value* out) {
  if (depth_ >= max_depth_) return SkipTooDeep(out);
  const uint32_t begin = cursor_->offset();
  if (!cursor_->EnterObject()) return false;
  DepthGuard guard(&depth_);
  engine::ValueMap entries;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (cursor_->NextMember(&key, &key_begin, &key_end)) {
    std::string name(key);  // the view may not survive reading the value
    Value value;
    if (!Read(&value)) return false;
    Value entry = value.WithRange(Range(key_begin, value.range().end));
    entries.insert_or_assign(entries.end(), std::move(name), std::move(entry));
  }
  if (!cursor_->ok()) return false;
  const engine::SourceRange range = Range(begin, cursor_->offset());
  *out = entries.empty() ? empty_map_.WithRange(range) : Value::Map(std::move(entries), range);
  return true;
}

bool ValueReader::ReadArray(Value* out) {
  if (depth_ >= max_depth_) return SkipTooDeep(out);
  const uint32_t begin = cursor_->offset();
  const size_t level = depth_;
  if (!cursor_->EnterArray()) return false;
  DepthGuard guard(&depth_);
  if (element_stack_.size() <= level) element_stack_.resize(level + 1);
  element_stack_[level].clear();  // leftovers of a read that failed
  while (cursor_->NextElement()) {
    Value element;
    if (!Read(&element)) return false;
    element_stack_[level].push_back(std::move(element));
  }
  if (!cursor_->ok()) return false;
  const engine::SourceRange range = Range(begin, cursor_->offset());
  engine::ValueList& pending = element_stack_[level];
  if (pending.empty()) {
    *out = empty_list_.WithRange(range);
  } else {
    engine::ValueList elements(std::make_move_iterator(pending.begin()),
                               std::make_move_iterator(pending.end()));
    pending.clear();
    *out = Value::List(std::move(elements), range);
  }
  return true;
}

bool ValueReader::ReadString(Value* out) {
  std::string_view text;
  uint32_t begin = 0, end = 0;
  if (!cursor_->ReadString(&text, &begin, &end)) return false;
  const engine::SourceRange range = Range(begin, end);
  if (text.size() > max_string_bytes_) {
    std::string reason = "string of " + std::to_string(text.size()) +
                         " bytes is longer than the limit of " + std::to_string(max_string_bytes_) +
                         " bytes";
    sink_->Add(engine::kLimitExceededId, begin, end, reason + " and was not loaded");
    *out = Value::Unknown(std::move(reason), range);
    return true;
  }
  if (interner_ != nullptr) {
    *out = interner_->Get(text).WithRange(range);
  } else {
    *out = Value::String(std::string(text), range);
  }
  return true;
}

}  // namespace faultline::parsers::state
