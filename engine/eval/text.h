// Internal UTF-8 helpers for the function library: validation, code points, an approximation
// of extended grapheme clusters (as Terraform counts "characters" in length/substr/format),
// simple Unicode case mapping and Go-compatible whitespace.
#ifndef FAULTLINE_ENGINE_EVAL_TEXT_H_
#define FAULTLINE_ENGINE_EVAL_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::engine::eval {

// True when `text` is well-formed UTF-8 (no surrogates, no overlong forms).
bool IsValidUtf8(std::string_view text);

// Decodes the code point at `pos`; returns its byte length (>= 1). Invalid bytes decode as
// U+FFFD with length 1.
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point);
void AppendUtf8(char32_t code_point, std::string* out);
// Replaces invalid sequences with U+FFFD.
std::string SanitizeUtf8(std::string_view text);

// Byte offsets where each grapheme cluster starts, followed by text.size().
std::vector<size_t> GraphemeBoundaries(std::string_view text);
size_t GraphemeCount(std::string_view text);

char32_t ToUpper(char32_t c);
char32_t ToLower(char32_t c);
std::string UpperCase(std::string_view text);
std::string LowerCase(std::string_view text);
bool IsLetterOrDigit(char32_t c);  // approximation of Go's unicode.IsLetter || IsDigit
bool IsUnicodeSpace(char32_t c);   // Go's unicode.IsSpace

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_TEXT_H_
