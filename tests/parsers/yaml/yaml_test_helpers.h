// Test helpers: load YAML held in a SourceFile that outlives the result, and read ranges back as
// 1-based "line:col" text and as the source text they cover.
#ifndef FAULTLINE_TESTS_PARSERS_YAML_YAML_TEST_HELPERS_H_
#define FAULTLINE_TESTS_PARSERS_YAML_YAML_TEST_HELPERS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/finding.h"
#include "engine/source_file.h"
#include "engine/source_range.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::parsers::yaml::testing {

struct Loaded {
  std::unique_ptr<engine::SourceFile> file;
  YamlStream stream;

  const engine::Value& Root(size_t document = 0) const {
    return stream.documents.at(document).root;
  }
  // Diagnostics with this rule id.
  std::vector<const engine::Finding*> Diagnostics(std::string_view rule_id) const {
    std::vector<const engine::Finding*> found;
    for (const engine::Finding& finding : stream.diagnostics) {
      if (finding.rule_id == rule_id) found.push_back(&finding);
    }
    return found;
  }
};

inline Loaded Load(std::string text, const YamlLimits& limits = {},
                   std::string path = "test.yaml") {
  Loaded loaded;
  loaded.file = std::make_unique<engine::SourceFile>(std::move(path), std::move(text));
  loaded.stream = LoadYaml(*loaded.file, limits);
  return loaded;
}

// "line:col" (1-based, byte columns) of a range's start.
inline std::string StartOf(engine::SourceRange range) {
  engine::Position p = range.start();
  return std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1);
}

// "line:col-line:col" of a whole range.
inline std::string Span(engine::SourceRange range) {
  engine::Position e = range.end_position();
  return StartOf(range) + "-" + std::to_string(e.line + 1) + ":" + std::to_string(e.column + 1);
}

// The source text a range covers.
inline std::string_view TextOf(engine::SourceRange range) {
  if (range.file == nullptr) return {};
  return std::string_view(range.file->text()).substr(range.begin, range.end - range.begin);
}

}  // namespace faultline::parsers::yaml::testing

#endif  // FAULTLINE_TESTS_PARSERS_YAML_YAML_TEST_HELPERS_H_
