// LoadYaml: a YAML (or JSON) file → one located Value per document.
//
// libyaml's event parser builds each document's Value iteratively (no recursion, so nesting
// depth costs no stack); scalars are typed as Kubernetes reads them (scalar_resolver.h). JSON
// files (first non-space character `{` or `[`) are read by the strict offset-keeping JSON reader
// (libyaml rejects valid JSON such as `\ud83d\ude00` surrogate escapes); a file that is not
// strict JSON falls back to libyaml, which reads JSON-like YAML flow.
//
// Locations: every Value carries a byte range in `file`. A mapping entry's range() runs from the
// start of its key to the end of its value (a finding on `replicas` points at `replicas: 3`) and
// its origin() is the value node alone; a sequence element's range is its own node. Block
// scalars (| and >) end at their last non-blank character. An alias's range is the alias
// (`*name`) and its origin the anchored node; values merged with `<<` keep the ranges where
// they were written.
//
// YAML features: multi-document streams, anchors and aliases (an alias shares the anchored
// Value, so expansion is cheap), merge keys (`<<: *a` and `<<: [*a, *b]`: keys written in the
// mapping win over merged ones, and earlier maps in a merge list win over later ones, as the
// YAML merge-key spec says), tags (see scalar_resolver.h), block and folded scalars. Keys are
// strings: non-string scalar keys become their JSON spelling (`1: x` → "1", `yes: x` → "true").
//
// Diagnostics (engine findings, file = `file`):
//   FL-ENG-0001  a syntax error at its line:col; the document holding it is dropped, and loading
//                resumes at the next line that starts with `---` after the error, so the other
//                documents of the file still load. Also an alias to an unknown anchor (the alias
//                becomes null) and a merge key whose value is not a mapping or list of mappings.
//   FL-ENG-0004  nesting deeper than max_depth (the document is dropped), more alias expansion
//                than max_alias_expansion_nodes in the file (the document that crosses the
//                limit and every later one that uses an alias is dropped), more documents than
//                max_documents (the rest of the file is ignored).
//   FL-ENG-0006  a key repeated in one mapping (warning at the second key; the last value wins).
//
// Parallel parsing: a YAML stream's documents are independent except for the file-wide counts
// (documents, alias expansion), so with limits.jobs > 1 a large stream is cut before lines that
// start with a `---` marker (which libyaml always reads as a document start or an error) and the
// parts are parsed at once. A part whose parse is not clean (any diagnostic, an unreadable byte)
// or that would cross a file-wide limit is parsed again in file order, continuing from the exact
// state the whole-file parse has there, up to the next part start where that parse starts a
// document afresh. So documents, ranges and diagnostics are exactly those of the one-thread parse.
// Not split: JSON files, and streams with `%` directive lines (they bind to the next document).
// Never throws; any byte sequence is safe (non-UTF-8 input is a FL-ENG-0001 at the bad byte).
// Thread-safe: calls share no state. `file` must outlive the returned Values' ranges.
#ifndef FAULTLINE_PARSERS_YAML_YAML_LOADER_H_
#define FAULTLINE_PARSERS_YAML_YAML_LOADER_H_

#include <cstdint>
#include <vector>

#include "engine/finding.h"
#include "engine/source_file.h"
#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::parsers::yaml {

struct YamlLimits {
  uint32_t max_depth = 256;  // nested collections per document
  // Nodes produced by alias expansion in one file (each alias counts the nodes of the anchored
  // value, aliases inside it expanded): the "billion laughs" guard.
  uint64_t max_alias_expansion_nodes = 1'000'000;
  uint32_t max_documents = 100'000;
  // Parallel parsing of large streams: a stream of at least parallel_min_bytes is cut at its
  // `---` lines into parts of about parallel_chunk_bytes, parsed on up to `jobs` threads (see
  // "Parallel parsing" above). The result is the same for any of these three values.
  int jobs = 1;
  uint64_t parallel_min_bytes = 1u << 20;
  uint64_t parallel_chunk_bytes = 256u << 10;
};

struct YamlDocument {
  engine::Value root;         // null for an empty document
  engine::SourceRange range;  // from `---` (or the first node) to the end of the root node
};

struct YamlStream {
  std::vector<YamlDocument> documents;  // in file order; documents with errors left out
  std::vector<engine::Finding> diagnostics;
};

YamlStream LoadYaml(const engine::SourceFile& file, const YamlLimits& limits = {});

}  // namespace faultline::parsers::yaml

#endif  // FAULTLINE_PARSERS_YAML_YAML_LOADER_H_
