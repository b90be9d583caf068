// Parsing HCL expressions and templates that are embedded in other text.
//
// Internal to parsers/hcl. `text` is the expression or template source (for `.tf.json`, a JSON
// string's decoded value); `map` maps its offsets (0 .. text.size()) to offsets in `file`, so
// every range and diagnostic points into the file. ParseExpression and ParseTemplate in
// parser.h are these functions with an identity map. Thread-safe.
#ifndef FAULTLINE_PARSERS_HCL_EMBEDDED_PARSE_H_
#define FAULTLINE_PARSERS_HCL_EMBEDDED_PARSE_H_

#include <string_view>
#include <vector>

#include "parsers/hcl/cst_converter.h"
#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"

namespace faultline::parsers::hcl {

// `map.prefix` and `map.length` are filled in by these functions; set `base` or `table`.
ExpressionPtr ParseEmbeddedExpression(const engine::SourceFile& file, std::string_view text,
                                      OffsetMap map, const ParseLimits& limits,
                                      std::vector<ParseDiagnostic>* diagnostics);
ExpressionPtr ParseEmbeddedTemplate(const engine::SourceFile& file, std::string_view text,
                                    OffsetMap map, const ParseLimits& limits,
                                    std::vector<ParseDiagnostic>* diagnostics);

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_EMBEDDED_PARSE_H_
