// Internal: JSON as Terraform's jsonencode/jsondecode see it.
//
// EncodeJson writes compact JSON with object keys in byte order and Go's HTML-safe string
// escapes (<, >, & as \u003c, \u003e, \u0026; U+2028/U+2029 escaped). Numbers are written in
// plain decimal without an exponent. The value must be wholly known.
// DecodeJson builds Values (located at `range`) with bounded nesting and element counts; a
// duplicate object key is an error, as in Terraform.
#ifndef FAULTLINE_ENGINE_EVAL_JSON_CODEC_H_
#define FAULTLINE_ENGINE_EVAL_JSON_CODEC_H_

#include <string>
#include <string_view>

#include "engine/limits.h"
#include "engine/value.h"

namespace faultline::engine::eval {

struct CodecStatus {
  std::string error;  // empty on success
  bool limit_exceeded = false;
};

bool EncodeJson(const Value& value, const Limits& limits, std::string* out, CodecStatus* status);
void AppendJsonString(std::string_view text, std::string* out);
std::string JsonNumber(double number);

bool DecodeJson(std::string_view text, SourceRange range, const Limits& limits, Value* out,
                CodecStatus* status);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_JSON_CODEC_H_
