// Parsing entry points for Terraform configuration files.
//
// ParseHcl: native syntax (`.tf`, `.tfvars`) through the tree-sitter HCL grammar.
// ParseTfJson: JSON syntax (`.tf.json`): objects become blocks/attributes following Terraform's
//   JSON rules for top-level block types; strings are parsed as templates.
// ParseTfvarsJson: `.tfvars.json`: a flat object of variable values (strings are not templates).
// ParseExpression: one HCL expression (used by tests and by JSON templates).
//
// All functions are thread-safe, never throw, and bound their work with ParseLimits: input over
// a limit produces a diagnostic, not an unbounded parse. A file with syntax errors still yields
// every block and attribute the parser could recover.
#ifndef FAULTLINE_PARSERS_HCL_PARSER_H_
#define FAULTLINE_PARSERS_HCL_PARSER_H_

#include <cstdint>
#include <string_view>

#include "parsers/hcl/syntax.h"

namespace faultline::parsers::hcl {

struct ParseLimits {
  uint32_t max_nesting_depth = 256;      // expression/block nesting beyond this is a diagnostic
  uint64_t timeout_micros = 10'000'000;  // tree-sitter progress-callback cut-off per file
};

ConfigFile ParseHcl(const engine::SourceFile& file, const ParseLimits& limits = {});
ConfigFile ParseTfJson(const engine::SourceFile& file, const ParseLimits& limits = {});
ConfigFile ParseTfvarsJson(const engine::SourceFile& file, const ParseLimits& limits = {});

// Parses `file`'s whole text as one expression. Syntax errors give a kInvalid expression and a
// diagnostic in `*diagnostics` (when non-null).
ExpressionPtr ParseExpression(const engine::SourceFile& file,
                              std::vector<ParseDiagnostic>* diagnostics = nullptr,
                              const ParseLimits& limits = {});

// Parses `file`'s whole text as a bare template (as templatefile() reads it: no quotes, `${}` and
// `%{}` active). Always returns a kTemplate (or kLiteral for plain text) expression; syntax
// errors give a kInvalid expression and a diagnostic.
ExpressionPtr ParseTemplate(const engine::SourceFile& file,
                            std::vector<ParseDiagnostic>* diagnostics = nullptr,
                            const ParseLimits& limits = {});

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_PARSER_H_
