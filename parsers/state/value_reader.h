// ValueReader: reads one JSON value at a JsonCursor into an engine::Value, with source ranges.
//
// Internal to parsers/state. Every Value gets its own byte range (range() == origin(), strings
// with their quotes); a map entry's Value instead spans from its key to the end of its value
// (range()) while origin() stays the value's own range, so a finding on an attribute points at
// the `"name": value` line, as for HCL attributes and YAML entries. Duplicate keys: the last one
// wins (as Go's encoding/json, which Terraform uses, decides).
//
// Limits: a container nested more than `max_depth` levels below the value being read, and a
// string longer than `max_string_bytes`, are stepped over and become an Unknown value explaining
// why, with an FL-ENG-0004 diagnostic; the rest of the document is still read.
//
// Memory: state files repeat many short strings (regions, zones, types, "default", ids shared by
// several resources) and empty lists and maps. StringInterner shares one payload between equal
// short strings (Values are immutable, so sharing is invisible to readers) through a
// direct-mapped cache whose size is fixed when it is made (the loader sizes it with the file):
// bounded memory, O(1), and no growth on unique strings. Empty lists and maps always share one
// payload. Not thread-safe; one reader per load.
#ifndef FAULTLINE_PARSERS_STATE_VALUE_READER_H_
#define FAULTLINE_PARSERS_STATE_VALUE_READER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/state/diagnostic_sink.h"
#include "parsers/state/json_cursor.h"

namespace faultline::parsers::state {

class StringInterner {
 public:
  // Strings longer than this are never interned (they are rarely repeated, and hashing them
  // would cost more than it saves).
  static constexpr size_t kMaxInternedBytes = 96;

  // A table of 2^slots_log2 entries (72 bytes each).
  explicit StringInterner(uint32_t slots_log2);
  // A string Value with no range holding `text`, shared with earlier equal strings still cached.
  engine::Value Get(std::string_view text);

 private:
  struct Slot {
    uint64_t hash = 0;
    engine::Value value;  // null when empty
  };
  std::vector<Slot> slots_;
  uint64_t mask_;
};

class ValueReader {
 public:
  // `interner` may be null (no sharing of strings). `cursor`, `file`, `sink` and `interner` must
  // outlive the reader.
  ValueReader(JsonCursor* cursor, const engine::SourceFile* file, DiagnosticSink* sink,
              StringInterner* interner, uint32_t max_depth, uint64_t max_string_bytes);

  // Reads the value at the cursor into `*out`. Returns false when the cursor failed (malformed
  // or truncated JSON; see the cursor's error); `*out` is then unspecified.
  bool Read(engine::Value* out);

  engine::SourceRange Range(uint32_t begin, uint32_t end) const {
    return engine::SourceRange{file_, begin, end};
  }

 private:
  bool ReadObject(engine::Value* out);
  bool ReadArray(engine::Value* out);
  bool ReadString(engine::Value* out);
  bool SkipTooDeep(engine::Value* out);

  JsonCursor* cursor_;
  const engine::SourceFile* file_;
  DiagnosticSink* sink_;
  StringInterner* interner_;
  uint32_t max_depth_;
  uint64_t max_string_bytes_;
  uint32_t depth_ = 0;  // containers open in the current Read
  engine::Value empty_list_;
  engine::Value empty_map_;
  // Per nesting depth, the elements of the array being read there (reused, so every list is
  // built with its exact size).
  std::vector<engine::ValueList> element_stack_;
};

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_VALUE_READER_H_
