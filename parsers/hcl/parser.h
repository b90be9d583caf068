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

// max_parse_memory_bytes bounds how much the tree-sitter runtime may allocate while parsing one
// text (tree_sitter::Parse); past it the parse is cancelled and the file gets a diagnostic at
// 1:1 (ParseDiagnostic::file_skipped). tree-sitter needs about 120-140x the input size for
// ordinary HCL: a 9.8 MB file of 283,000 `vN = "..."` attributes allocates 1.1-1.25 GB (1.36 GB
// peak RSS), so a file of such content at the default 10 MiB --max-file-size needs ~1.3 GB. The
// default of 2 GiB lets it parse with ~50% headroom, and the largest file of the real-world
// corpus (157 KB, ~20 MB to parse) is 100x below it. Denser content (very short attributes)
// may need more per byte and then ends in the diagnostic instead of exhausting memory. Inputs
// over 4 MiB are parsed one at a time per process (tree_sitter::kLargeInputBytes), so a scan's
// peak is about one large parse plus the small ones in flight on the other threads.
struct ParseLimits {
  uint32_t max_nesting_depth = 256;              // expression/block nesting beyond this
  uint64_t timeout_micros = 10'000'000;          // tree-sitter progress-callback cut-off per file
  uint64_t max_parse_memory_bytes = 2ull << 30;  // tree-sitter memory per parse (0 = no limit)
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
