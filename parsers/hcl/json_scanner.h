// A small JSON reader that keeps the byte range of every key and value.
//
// Internal to parsers/hcl: `.tf.json` and `.tfvars.json` need source ranges for diagnostics and
// findings, which general JSON libraries do not keep. Strict RFC 8259 grammar; object members
// keep their order and duplicates. Nesting deeper than `max_depth` is an error (the reader
// recurses once per level, so the limit also bounds its stack use). Never throws.
#ifndef FAULTLINE_PARSERS_HCL_JSON_SCANNER_H_
#define FAULTLINE_PARSERS_HCL_JSON_SCANNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::parsers::hcl {

struct JsonMember;

struct JsonValue {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  uint32_t begin = 0;  // byte range in the input; strings include their quotes
  uint32_t end = 0;
  bool boolean = false;
  double number = 0;
  std::string string;               // kString: decoded
  std::vector<JsonValue> elements;  // kArray
  std::vector<JsonMember> members;  // kObject, in input order
};

struct JsonMember {
  std::string key;     // decoded
  uint32_t key_begin;  // byte range of the key token, quotes included
  uint32_t key_end;
  JsonValue value;
};

struct JsonError {
  uint32_t offset = 0;  // byte offset of the problem
  std::string message;
};

// Parses `text` as one JSON value (surrounding whitespace allowed). Returns false and fills
// `*error` on malformed input.
bool ParseJson(std::string_view text, uint32_t max_depth, JsonValue* out, JsonError* error);

// Decodes the JSON string token `token` (quotes included) that starts at byte `begin`, and for
// every byte of the decoded text records the input offset it came from (plus one entry for the
// end), so ranges inside the decoded text map back to the input. Returns false when malformed.
bool DecodeJsonStringWithOffsets(std::string_view token, uint32_t begin, std::string* text,
                                 std::vector<uint32_t>* offsets);

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_JSON_SCANNER_H_
