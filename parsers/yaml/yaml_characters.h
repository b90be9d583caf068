// Which bytes libyaml will read: valid UTF-8 encoding a YAML "printable" character.
//
// libyaml's reader decodes its input in chunks ahead of the parser, so a bad byte late in a file
// would fail the document being parsed long before it. LoadYaml therefore finds the first
// unreadable byte itself and hands libyaml only the text before it. The rules are libyaml 0.2.5's
// (reader.c): well-formed, shortest-form UTF-8 without surrogates, and characters in
// #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Thread-safe (pure function).
#ifndef FAULTLINE_PARSERS_YAML_YAML_CHARACTERS_H_
#define FAULTLINE_PARSERS_YAML_YAML_CHARACTERS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace faultline::parsers::yaml {

struct Unreadable {
  size_t offset = std::string_view::npos;  // byte offset of the first bad byte; npos when none
  std::string problem;                     // e.g. "invalid UTF-8 byte 0xE9"
};

// The first unreadable byte of `text` at or after `from`.
Unreadable FirstUnreadable(std::string_view text, size_t from);

}  // namespace faultline::parsers::yaml

#endif  // FAULTLINE_PARSERS_YAML_YAML_CHARACTERS_H_
