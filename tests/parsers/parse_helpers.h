// Test helpers: parse text held in a SourceFile that outlives the result, and read ranges back.
#ifndef FAULTLINE_TESTS_PARSERS_PARSE_HELPERS_H_
#define FAULTLINE_TESTS_PARSERS_PARSE_HELPERS_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/source_file.h"
#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"

namespace faultline::parsers::hcl::testing {

struct Parsed {
  std::unique_ptr<engine::SourceFile> file;
  ConfigFile config;
};

inline Parsed ParseWith(ConfigFile (*parse)(const engine::SourceFile&, const ParseLimits&),
                        std::string text, const ParseLimits& limits = {},
                        std::string path = "test.tf") {
  Parsed parsed;
  parsed.file = std::make_unique<engine::SourceFile>(std::move(path), std::move(text));
  parsed.config = parse(*parsed.file, limits);
  return parsed;
}

inline Parsed Hcl(std::string text, const ParseLimits& limits = {}) {
  return ParseWith(&ParseHcl, std::move(text), limits);
}

struct ParsedExpression {
  std::unique_ptr<engine::SourceFile> file;
  ExpressionPtr expression;
  std::vector<ParseDiagnostic> diagnostics;
};

inline ParsedExpression Expr(std::string text, const ParseLimits& limits = {}) {
  ParsedExpression parsed;
  parsed.file = std::make_unique<engine::SourceFile>("expr.tf", std::move(text));
  parsed.expression = ParseExpression(*parsed.file, &parsed.diagnostics, limits);
  return parsed;
}

inline ParsedExpression Template(std::string text, const ParseLimits& limits = {}) {
  ParsedExpression parsed;
  parsed.file = std::make_unique<engine::SourceFile>("template.tftpl", std::move(text));
  parsed.expression = ParseTemplate(*parsed.file, &parsed.diagnostics, limits);
  return parsed;
}

// The source text a range covers.
inline std::string TextOf(const engine::SourceRange& range) {
  if (range.file == nullptr) return "<no file>";
  return range.file->text().substr(range.begin, range.end - range.begin);
}

// "line:column", 1-based, of a range's start.
inline std::string Where(const engine::SourceRange& range) {
  engine::Position position = range.start();
  return std::to_string(position.line + 1) + ":" + std::to_string(position.column + 1);
}

// The value expression of the first attribute named `name` in the file's top-level body.
inline const Expression* Attr(const Parsed& parsed, std::string_view name) {
  const Attribute* attribute = parsed.config.body.FindAttribute(name);
  return attribute == nullptr ? nullptr : attribute->value.get();
}

}  // namespace faultline::parsers::hcl::testing

#endif  // FAULTLINE_TESTS_PARSERS_PARSE_HELPERS_H_
