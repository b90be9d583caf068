// ReadJsonDocument: a strict JSON file → one YamlDocument, through parsers/hcl's offset-keeping
// JSON reader. Internal to parsers/yaml (LoadYaml's JSON path).
//
// JSON is YAML flow, but libyaml rejects some valid JSON (surrogate-pair escapes such as
// "\ud83d\ude00", keys longer than 1024 characters), and the strict reader is faster. Values get
// the same locations as YAML values (entries from the key's opening quote to the end of the
// value); strings stay strings, numbers are numbers. Repeated keys give FL-ENG-0006 (last wins).
#ifndef FAULTLINE_PARSERS_YAML_JSON_DOCUMENT_H_
#define FAULTLINE_PARSERS_YAML_JSON_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/finding.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::parsers::yaml {

// Reads file.text() from byte `begin` (after any byte order mark) as one JSON value nested at
// most `max_depth` deep. Returns nullopt, adding nothing to `diagnostics`, when the text is not
// strict JSON within that depth (the caller then reads it as YAML).
std::optional<YamlDocument> ReadJsonDocument(const engine::SourceFile& file, uint32_t begin,
                                             uint32_t max_depth,
                                             std::vector<engine::Finding>* diagnostics);

}  // namespace faultline::parsers::yaml

#endif  // FAULTLINE_PARSERS_YAML_JSON_DOCUMENT_H_
