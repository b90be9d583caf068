// JsonCursor: a pull reader over one JSON text that never builds a tree and keeps byte offsets.
//
// Internal to parsers/state. The state loader walks Terraform's JSON documents with it, building
// engine values only where it wants them and skipping everything else without allocating, so a
// 200 MB state is read in one pass with memory proportional to what is kept.
//
// Grammar: strict RFC 8259 (no comments, no trailing commas, no leading zeros, no raw control
// characters in strings). Invalid UTF-8 inside strings is passed through unchanged; unpaired
// \u surrogates decode to U+FFFD, as Go's encoding/json (and so Terraform) does.
//
// Errors stick: after the first error every call returns false (or Kind::kInvalid) and the
// cursor does not move. An error is classified so the caller can report it precisely:
// kUnexpectedEnd (the text stops inside a value, e.g. a truncated file), kSyntax, kDepth
// (containers opened with EnterObject/EnterArray nest deeper than `max_depth`). SkipValue does
// not recurse and is not bound by `max_depth`, so an over-deep value can be stepped over and the
// rest of the document still read. Offsets are byte offsets into `text`. Never throws.
// Not thread-safe; one cursor per thread.
#ifndef FAULTLINE_PARSERS_STATE_JSON_CURSOR_H_
#define FAULTLINE_PARSERS_STATE_JSON_CURSOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::parsers::state {

class JsonCursor {
 public:
  enum class Kind : uint8_t {
    kObject,
    kArray,
    kString,
    kNumber,
    kTrue,
    kFalse,
    kNull,
    kEnd,
    kInvalid
  };
  enum class ErrorKind : uint8_t { kNone, kSyntax, kUnexpectedEnd, kDepth };

  // Reads `text` starting at byte `start`. `text` must outlive the cursor.
  JsonCursor(std::string_view text, uint32_t max_depth, uint32_t start = 0);

  // Skips whitespace and says what the next value is, without consuming it: kEnd when only
  // whitespace remains, kInvalid on a character that cannot start a value (or after an error;
  // Peek itself never records an error).
  Kind Peek();
  // The current byte offset (just past the last thing consumed, or at the next token after
  // Peek).
  uint32_t offset() const { return static_cast<uint32_t>(pos_); }
  // Open containers (EnterObject/EnterArray not yet closed by NextMember/NextElement).
  uint32_t depth() const { return static_cast<uint32_t>(first_.size()); }
  uint32_t max_depth() const { return max_depth_; }

  // Consumes '{' (resp. '['). False, with an error, when the next value is not an object
  // (resp. array) or the container would be deeper than max_depth.
  bool EnterObject();
  bool EnterArray();
  // Inside an object: positions the cursor at the next member's value and returns its key
  // (decoded; the view stays valid until the next call on this cursor) and the byte range of
  // the key token, quotes included. Returns false at the closing '}' (consumed) or on error.
  bool NextMember(std::string_view* key, uint32_t* key_begin, uint32_t* key_end);
  // Inside an array: true when positioned at the next element; false at the closing ']'
  // (consumed) or on error. The caller must consume each element before calling again.
  bool NextElement();

  // Consume one scalar. `begin`/`end` receive its byte range (strings: quotes included).
  // ReadString's view points into the text when the string has no escapes, else into a buffer
  // owned by the cursor; it stays valid until the next call on this cursor.
  bool ReadString(std::string_view* out, uint32_t* begin, uint32_t* end);
  bool ReadNumber(double* out, uint32_t* begin, uint32_t* end);
  // true / false / null; `kind` receives which.
  bool ReadLiteral(Kind* kind, uint32_t* begin, uint32_t* end);
  // Consumes one complete value of any kind and any depth (validating it) without recursion;
  // `begin`/`end` (optional) receive its byte range.
  bool SkipValue(uint32_t* begin = nullptr, uint32_t* end = nullptr);

  bool ok() const { return error_kind_ == ErrorKind::kNone; }
  ErrorKind error_kind() const { return error_kind_; }
  uint32_t error_offset() const { return error_offset_; }
  const std::string& error_message() const { return error_message_; }

 private:
  void SkipWhitespace();
  bool Fail(ErrorKind kind, size_t offset, std::string message);
  bool FailAtCurrent(std::string_view expected);
  // Scans the string token at pos_ ('"' expected); decodes into scratch_ when it has escapes.
  bool ScanString(std::string_view* out);
  bool ScanNumber();
  bool ScanLiteral(std::string_view word);
  // Consumes the closing bracket at pos_ and closes the innermost container; returns false.
  bool Close();

  std::string_view text_;
  size_t pos_;
  uint32_t max_depth_;
  std::vector<uint8_t> first_;  // per open container: 1 until its first member/element is read
  std::string scratch_;
  ErrorKind error_kind_ = ErrorKind::kNone;
  uint32_t error_offset_ = 0;
  std::string error_message_;
};

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_JSON_CURSOR_H_
