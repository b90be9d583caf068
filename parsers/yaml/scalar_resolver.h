// Scalar typing: how Kubernetes reads a YAML scalar.
//
// kubectl and the API server read YAML with sigs.k8s.io/yaml, which is go-yaml v2 (YAML 1.1
// resolution) followed by a conversion to JSON. This file reproduces go-yaml v2's `resolve` for
// the values that survive that conversion:
//   - plain (unquoted) scalars: y/Y/yes/Yes/YES/true/True/TRUE/on/On/ON and the matching
//     n/no/false/off spellings are booleans; ""/~/null/Null/NULL are null; integers in decimal,
//     0x hex, 0o or leading-0 octal and 0b binary, with `_` separators and a sign; floats
//     (1.5, .5, 1e3, .inf/.Inf/.INF with sign, .nan/.NaN/.NAN); timestamps and everything else
//     are strings.
//   - quoted, literal (|) and folded (>) scalars are strings.
//   - an explicit core tag wins: !!str and !!binary and !!timestamp give the text as a string,
//     !!int/!!float/!!bool/!!null convert the text (falling back to a string when it does not
//     convert, where go-yaml would refuse the document); any other tag (`!Ref`, `!`) gives a
//     string.
// Numbers become doubles (Value has one number type): integers above 2^53 lose precision.
// Thread-safe (pure functions).
#ifndef FAULTLINE_PARSERS_YAML_SCALAR_RESOLVER_H_
#define FAULTLINE_PARSERS_YAML_SCALAR_RESOLVER_H_

#include <string>
#include <string_view>

#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::parsers::yaml {

// The full tag URI prefix libyaml reports for `!!x` tags.
inline constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

// Types the scalar `text` and gives it `range`. `plain` is true for unquoted flow scalars
// (style plain); `tag` is the tag as libyaml reports it ("" when none was written).
engine::Value ResolveScalar(std::string_view text, bool plain, std::string_view tag,
                            engine::SourceRange range);

// True when the untagged plain scalar `text` resolves to a string (then the caller can use the
// text as is, e.g. as a map key, without building a Value).
bool PlainScalarIsString(std::string_view text);

// The map key a scalar key stands for once sigs.k8s.io/yaml has converted it to JSON: strings as
// written, booleans "true"/"false", null "null", numbers as FormatNumber prints them.
std::string KeyString(const engine::Value& key);

}  // namespace faultline::parsers::yaml

#endif  // FAULTLINE_PARSERS_YAML_SCALAR_RESOLVER_H_
