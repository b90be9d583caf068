// ReadJsonValue: one JSON text -> a located engine::Value.
//
// Live exports (kubectl `-o json`, the aws CLI's `--output json`) are plain JSON; this reader turns
// them into the engine's Value with a source range on every node, following the same convention
// as located YAML values: a map entry's range() runs from the start of its KEY to the end of its
// value (so a finding on `"MultiAZ": false` points at that line) and its origin() is the value's
// own range; list elements and the root carry their own range.
//
// Grammar: strict RFC 8259 (no comments, no trailing commas, no NaN), one value per text, with
// an optional UTF-8 byte order mark. Strings must be valid UTF-8; `\u` escapes are decoded (a
// lone surrogate becomes U+FFFD, as Go's encoding/json does). Numbers become doubles: integers
// beyond 2^53 round, magnitudes beyond the double range become +/-infinity, tiny ones 0.
// A repeated key keeps its last value (as Go and Python read JSON) and yields an FL-ENG-0006
// warning at the repeated key. Nesting deeper than `max_depth` is an FL-ENG-0004 error (the
// reader recurses once per level, so the limit also bounds its stack use). Any other problem is
// an FL-ENG-0001 error at the offending byte. Never throws; thread-safe (no shared state).
#ifndef FAULTLINE_PARSERS_LIVE_JSON_VALUE_READER_H_
#define FAULTLINE_PARSERS_LIVE_JSON_VALUE_READER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/source_file.h"
#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::parsers::live {

struct JsonReadOptions {
  uint32_t max_depth = 512;  // nested arrays/objects
  // When valid, every Value gets this range instead of its own (for JSON decoded from inside a
  // string, e.g. a URL-encoded IAM policy document, whose bytes are not the file's bytes).
  engine::SourceRange fixed_range;
};

// Parses the whole text of `file`. On success sets `*out` and returns true (warnings may still be
// appended to `*diagnostics`). On failure returns false, leaves `*out` null and appends one
// error finding located in `file`. `file` must outlive the returned Values (they point into it).
bool ReadJsonValue(const engine::SourceFile& file, const JsonReadOptions& options,
                   engine::Value* out, std::vector<engine::Finding>* diagnostics);

// Parses `text`, which is not the text of a file (options.fixed_range says where it came from).
// Same rules and results as above; error findings are placed at options.fixed_range.
bool ReadJsonText(std::string_view text, const JsonReadOptions& options, engine::Value* out,
                  std::vector<engine::Finding>* diagnostics);

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_JSON_VALUE_READER_H_
