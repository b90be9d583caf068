// Template literal processing shared by the native and JSON parsers, as HCL does it.
//
// A template (quoted string, heredoc or bare template file) is first flattened into a sequence
// of TemplateTokens in source order: literal text and markers (`${...}`, `%{if}`, `%{else}`,
// `%{endif}`, `%{for}`, `%{endfor}`). The functions here then apply HCL's rules on that
// sequence, in HCL's order: strip markers (`~`) trim the adjacent literal token, `<<-` heredocs
// lose the common leading whitespace of their lines, and consecutive literal tokens are melded.
// Literal tokens of heredocs and bare templates are split per line exactly as HCL's scanner
// splits them, because the trimming rules act on single tokens.
//
// Offsets are byte offsets in whatever buffer the caller scanned; nothing here knows about
// tree-sitter or SourceFile. All functions are pure and thread-safe.
#ifndef FAULTLINE_PARSERS_HCL_TEMPLATE_TEXT_H_
#define FAULTLINE_PARSERS_HCL_TEMPLATE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::parsers::hcl {

struct TemplateToken {
  enum class Kind : uint8_t { kLiteral, kInterpolation, kIf, kElse, kEndIf, kFor, kEndFor };
  Kind kind = Kind::kLiteral;
  uint32_t begin = 0;  // byte range in the scanned buffer
  uint32_t end = 0;
  bool strip_left = false;   // marker opens with `${~` or `%{~`
  bool strip_right = false;  // marker closes with `~}`
  std::string text;          // kLiteral: decoded text
  uint32_t payload = 0;      // markers: caller's index of the syntax node behind the marker
};

// Decodes the escapes of a quoted-string literal: \n \r \t \" \\ \uXXXX \UXXXXXXXX, `$${` and
// `%%{`. Returns false (with `*out` holding what was decoded so far) on an invalid escape.
bool DecodeQuotedLiteral(std::string_view raw, std::string* out);

// Decodes a heredoc or bare-template literal: only `$${` and `%%{` are escapes.
std::string DecodeHeredocLiteral(std::string_view raw);

// Appends the literal tokens for `raw` (which starts at byte `begin`). Quoted literals become one
// token; heredoc literals one token per line, each ending with its "\n". Empty input adds none.
// Returns false when a quoted literal has an invalid escape.
bool AppendLiteralTokens(std::string_view raw, uint32_t begin, bool quoted,
                         std::vector<TemplateToken>* tokens);

// Applies strip markers: a marker closing with `~}` trims the leading whitespace of the literal
// token right after it; a marker opening with `${~`/`%{~` trims the trailing whitespace of the
// literal token right before it.
void ApplyStripMarkers(std::vector<TemplateToken>* tokens);

// The `<<-` rule: finds the smallest count of leading whitespace characters over the literal
// tokens that start a line (blank lines excluded; a line starting with a marker counts as 0) and
// removes that many characters from each of them.
void FlushHeredocIndentation(std::vector<TemplateToken>* tokens);

// Joins consecutive literal tokens into one (ranges joined too).
void MeldLiterals(std::vector<TemplateToken>* tokens);

// True when `text` is entirely valid UTF-8; otherwise `*bad_offset` is the first bad byte.
bool IsValidUtf8(std::string_view text, uint32_t* bad_offset);

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_TEMPLATE_TEXT_H_
