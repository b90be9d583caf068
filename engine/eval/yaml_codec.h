// Internal: YAML as Terraform's yamldecode/yamlencode see it (go-cty-yaml semantics).
//
// DecodeYaml parses exactly one document with libyaml. Plain scalars resolve like go-cty-yaml:
// null (~, null, empty), booleans (true/false, yes/no, on/off, y/n in their spellings),
// integers (decimal, 0x, 0o, underscores), floats (incl. .inf), timestamps (normalised to
// RFC 3339 strings); quoted and block scalars are strings; the tags !!str, !!int, !!float,
// !!bool, !!null, !!binary, !!timestamp, !!map and !!seq are honoured, other tags are errors.
// Anchors and aliases are supported (aliases share the anchored value), merge keys (<<) merge
// mappings, and the expanded size is bounded by Limits::max_collection_elements so alias bombs
// end in a limit error. Nesting is bounded by Limits::max_expression_depth.
// EncodeYaml writes block-style YAML with double-quoted strings, as yamlencode does.
#ifndef FAULTLINE_ENGINE_EVAL_YAML_CODEC_H_
#define FAULTLINE_ENGINE_EVAL_YAML_CODEC_H_

#include <string>
#include <string_view>

#include "engine/eval/json_codec.h"
#include "engine/limits.h"
#include "engine/value.h"

namespace faultline::engine::eval {

bool DecodeYaml(std::string_view text, SourceRange range, const Limits& limits, Value* out,
                CodecStatus* status);

bool EncodeYaml(const Value& value, const Limits& limits, std::string* out, CodecStatus* status);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_YAML_CODEC_H_
