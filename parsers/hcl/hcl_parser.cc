// Native-syntax entry points: ParseHcl, ParseExpression, ParseTemplate (see parser.h).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parsers/hcl/cst_converter.h"
#include "parsers/hcl/embedded_parse.h"
#include "parsers/hcl/parser.h"
#include "parsers/hcl/template_text.h"
#include "parsers/tree_sitter/handles.h"
#include "parsers/tree_sitter/language.h"

namespace faultline::parsers::hcl {
namespace {

using tree_sitter::ParseStatus;

// Adds the diagnostic for a parse that produced no tree; returns false in that case.
bool CheckStatus(const tree_sitter::ParseResult& parsed, const engine::SourceFile& file,
                 const OffsetMap& map, const ParseLimits& limits,
                 std::vector<ParseDiagnostic>* diagnostics) {
  if (parsed.status == ParseStatus::kOk) return true;
  if (diagnostics == nullptr) return false;
  std::string message;
  bool file_skipped = false;
  switch (parsed.status) {
    case ParseStatus::kMemoryLimit:
      message = "skipped: parsing needs more than the limit of " +
                std::to_string(limits.max_parse_memory_bytes >> 20) +
                " MB of parser memory per file (raise it with --max-parse-memory MB)";
      file_skipped = true;
      break;
    case ParseStatus::kTimedOut:
      message = "parsing took longer than the limit of " +
                std::to_string(limits.timeout_micros / 1000) + " ms";
      break;
    case ParseStatus::kTooLarge:
      message = "input too large to parse";
      break;
    default:
      message = "parser failed";
      break;
  }
  diagnostics->push_back(
      ParseDiagnostic{SourceRange{&file, map(0), map(0)}, std::move(message), file_skipped});
  return false;
}

void CheckUtf8(const engine::SourceFile& file, std::string_view text, const OffsetMap& map,
               std::vector<ParseDiagnostic>* diagnostics) {
  uint32_t bad = 0;
  if (diagnostics == nullptr || IsValidUtf8(text, &bad)) return;
  diagnostics->push_back(
      ParseDiagnostic{SourceRange{&file, map(bad), map(bad + 1)}, "invalid UTF-8 byte in input"});
}

bool IsIdentifierByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// True when byte `offset` lies in expression code, not in a string, heredoc or comment.
bool InCode(TSNode root, uint32_t offset) {
  constexpr int kMaxDepth = 1024;
  tree_sitter::TreeCursor cursor(root);
  bool code = true;
  int depth = 0;
  while (cursor.GotoFirstChildForByte(offset)) {
    TSNode node = cursor.node();
    if (ts_node_start_byte(node) > offset || ++depth > kMaxDepth) break;
    std::string_view type = ts_node_type(node);
    if (type == "quoted_template" || type == "string_lit" || type == "heredoc_template" ||
        type == "comment") {
      code = false;
    } else if (type == "template_interpolation" || type == "template_if_intro" ||
               type == "template_for_start") {
      code = true;
    }
  }
  return code && depth <= kMaxDepth;
}

// The grammar's number token needs a fraction before an exponent (`1.0e3`); HCL also accepts
// `1e3`. Rewrites such numbers in code (not in strings or comments) to `1.0e3`, recording for
// every byte of `*buffer` the offset in `text` it came from. Returns false when there is none.
bool RewriteExponentNumbers(std::string_view text, TSNode root, std::string* buffer,
                            std::vector<uint32_t>* table) {
  constexpr size_t kMaxRewrites = 1000;
  std::vector<uint32_t> inserts;  // offsets of the `e` that gets ".0" before it
  for (size_t i = 0; i < text.size() && inserts.size() < kMaxRewrites; ++i) {
    if (text[i] < '0' || text[i] > '9' || (i > 0 && IsIdentifierByte(text[i - 1]))) continue;
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    size_t exponent = i;
    if (i >= text.size() || (text[i] != 'e' && text[i] != 'E')) continue;
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || (i < text.size() && IsIdentifierByte(text[i]))) continue;
    if (InCode(root, static_cast<uint32_t>(start)))
      inserts.push_back(static_cast<uint32_t>(exponent));
  }
  if (inserts.empty()) return false;
  buffer->clear();
  buffer->reserve(text.size() + 2 * inserts.size());
  table->clear();
  table->reserve(text.size() + 2 * inserts.size() + 1);
  size_t next = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (next < inserts.size() && inserts[next] == i) {
      buffer->append(".0");
      table->push_back(i);
      table->push_back(i);
      ++next;
    }
    if (i < text.size()) buffer->push_back(text[i]);
    table->push_back(i);
  }
  return true;
}

void SortDiagnostics(std::vector<ParseDiagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const ParseDiagnostic& a, const ParseDiagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
}

ExpressionPtr InvalidExpression(const engine::SourceFile& file, uint32_t begin, uint32_t end,
                                std::string error) {
  auto expression = std::make_unique<Expression>();
  expression->kind = ExpressionKind::kInvalid;
  expression->range = SourceRange{&file, begin, end};
  expression->set_error(std::move(error));
  return expression;
}

// Finds the expression node of the only attribute in a parsed `x = ...` buffer.
bool SingleAttributeValue(TSNode root, TSNode* value) {
  if (ts_node_named_child_count(root) != 1) return false;
  TSNode body = ts_node_named_child(root, 0);
  if (std::string_view(ts_node_type(body)) != "body" || ts_node_named_child_count(body) != 1) {
    return false;
  }
  TSNode attribute = ts_node_named_child(body, 0);
  if (std::string_view(ts_node_type(attribute)) != "attribute") return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(attribute); ++i) {
    TSNode child = ts_node_named_child(attribute, i);
    if (std::string_view(ts_node_type(child)) == "expression") {
      *value = child;
      return true;
    }
  }
  return false;
}

}  // namespace

ConfigFile ParseHcl(const engine::SourceFile& file, const ParseLimits& limits) {
  ConfigFile result;
  result.file = &file;
  std::string_view text = file.text();
  OffsetMap map{0, static_cast<uint32_t>(text.size()), 0, nullptr};
  result.body.range = SourceRange{&file, 0, file.size()};
  CheckUtf8(file, text, map, &result.diagnostics);
  tree_sitter::ParseResult parsed = tree_sitter::Parse(
      tree_sitter::HclLanguage(), text, limits.timeout_micros, limits.max_parse_memory_bytes);
  if (!CheckStatus(parsed, file, map, limits, &result.diagnostics)) return result;
  TSNode root = ts_tree_root_node(parsed.tree.get());
  std::string rewritten;
  std::vector<uint32_t> table;
  std::string_view buffer = text;
  if (ts_node_has_error(root) && RewriteExponentNumbers(text, root, &rewritten, &table)) {
    tree_sitter::ParseResult reparsed =
        tree_sitter::Parse(tree_sitter::HclLanguage(), rewritten, limits.timeout_micros,
                           limits.max_parse_memory_bytes);
    if (!CheckStatus(reparsed, file, map, limits, &result.diagnostics)) return result;
    parsed = std::move(reparsed);
    root = ts_tree_root_node(parsed.tree.get());
    buffer = rewritten;
    map = OffsetMap{0, static_cast<uint32_t>(rewritten.size()), 0, &table};
  }
  CstConverter converter(&file, buffer, map, limits, &result.diagnostics);
  converter.ReportFirstSyntaxError(root);
  result.body = converter.ConvertConfigFile(root);
  SortDiagnostics(&result.diagnostics);
  return result;
}

ExpressionPtr ParseEmbeddedExpression(const engine::SourceFile& file, std::string_view text,
                                      OffsetMap map, const ParseLimits& limits,
                                      std::vector<ParseDiagnostic>* diagnostics) {
  static constexpr std::string_view kPrefix = "x = ";
  map.prefix = static_cast<uint32_t>(kPrefix.size());
  map.length = static_cast<uint32_t>(text.size());
  std::vector<ParseDiagnostic> local;
  std::vector<ParseDiagnostic>* sink = diagnostics != nullptr ? diagnostics : &local;
  size_t first_new = sink->size();
  CheckUtf8(file, text, OffsetMap{0, map.length, map.base, map.table}, sink);
  std::string buffer;
  buffer.reserve(kPrefix.size() + text.size() + 1);
  buffer.append(kPrefix).append(text).push_back('\n');
  tree_sitter::ParseResult parsed = tree_sitter::Parse(
      tree_sitter::HclLanguage(), buffer, limits.timeout_micros, limits.max_parse_memory_bytes);
  uint32_t begin = map(map.prefix);
  uint32_t end = map(map.prefix + map.length);
  if (!CheckStatus(parsed, file, map, limits, sink)) {
    return InvalidExpression(file, begin, end, "parse failed");
  }
  TSNode root = ts_tree_root_node(parsed.tree.get());
  CstConverter converter(&file, buffer, map, limits, sink);
  TSNode value{};
  if (converter.ReportFirstSyntaxError(root)) {
    return InvalidExpression(file, begin, end, (*sink)[first_new].message);
  }
  if (!SingleAttributeValue(root, &value)) {
    converter.AddDiagnostic(map.prefix, map.prefix + map.length,
                            "syntax error: expected a single expression");
    return InvalidExpression(file, begin, end, "expected a single expression");
  }
  return converter.ConvertExpression(value);
}

ExpressionPtr ParseEmbeddedTemplate(const engine::SourceFile& file, std::string_view text,
                                    OffsetMap map, const ParseLimits& limits,
                                    std::vector<ParseDiagnostic>* diagnostics) {
  // The text becomes the body of a synthetic heredoc whose end marker does not occur in it.
  std::string marker = "FAULTLINE_TEMPLATE_END";
  for (int n = 0; text.find(marker) != std::string_view::npos; ++n) {
    marker = "FAULTLINE_TEMPLATE_END_" + std::to_string(n);
  }
  std::string prefix = "x = <<" + marker + "\n";
  map.prefix = static_cast<uint32_t>(prefix.size());
  map.length = static_cast<uint32_t>(text.size());
  std::vector<ParseDiagnostic> local;
  std::vector<ParseDiagnostic>* sink = diagnostics != nullptr ? diagnostics : &local;
  size_t first_new = sink->size();
  CheckUtf8(file, text, OffsetMap{0, map.length, map.base, map.table}, sink);
  std::string buffer;
  buffer.reserve(prefix.size() + text.size() + marker.size() + 2);
  buffer.append(prefix).append(text).append("\n").append(marker).append("\n");
  uint32_t begin = map(map.prefix);
  uint32_t end = map(map.prefix + map.length);
  tree_sitter::ParseResult parsed = tree_sitter::Parse(
      tree_sitter::HclLanguage(), buffer, limits.timeout_micros, limits.max_parse_memory_bytes);
  if (!CheckStatus(parsed, file, map, limits, sink)) {
    return InvalidExpression(file, begin, end, "parse failed");
  }
  TSNode root = ts_tree_root_node(parsed.tree.get());
  CstConverter converter(&file, buffer, map, limits, sink);
  if (converter.ReportFirstSyntaxError(root)) {
    return InvalidExpression(file, begin, end, (*sink)[first_new].message);
  }
  TSNode value{};
  TSNode heredoc{};
  bool found = SingleAttributeValue(root, &value) && ts_node_named_child_count(value) == 1;
  if (found) {
    TSNode template_expr = ts_node_named_child(value, 0);
    heredoc = ts_node_named_child(template_expr, 0);
    found =
        !ts_node_is_null(heredoc) && std::string_view(ts_node_type(heredoc)) == "heredoc_template";
  }
  if (!found) {
    converter.AddDiagnostic(map.prefix, map.prefix + map.length, "syntax error: invalid template");
    return InvalidExpression(file, begin, end, "invalid template");
  }
  ExpressionPtr result =
      converter.ConvertHeredocContent(heredoc, map.prefix, map.prefix + map.length);
  result->range = SourceRange{&file, begin, end};
  return result;
}

ExpressionPtr ParseExpression(const engine::SourceFile& file,
                              std::vector<ParseDiagnostic>* diagnostics,
                              const ParseLimits& limits) {
  return ParseEmbeddedExpression(file, file.text(), OffsetMap{}, limits, diagnostics);
}

ExpressionPtr ParseTemplate(const engine::SourceFile& file,
                            std::vector<ParseDiagnostic>* diagnostics, const ParseLimits& limits) {
  return ParseEmbeddedTemplate(file, file.text(), OffsetMap{}, limits, diagnostics);
}

}  // namespace faultline::parsers::hcl
