// CstConverter: the tree-sitter HCL concrete syntax tree -> the syntax.h model.
//
// Internal to parsers/hcl (used by hcl_parser.cc and json_parser.cc). The converter reads node
// text from the buffer tree-sitter parsed and maps every buffer offset to a SourceFile offset
// through an OffsetMap, so a synthetic buffer (an expression or template wrapped into a config
// file, a JSON string's decoded text) still yields ranges in the original file.
//
// Work is bounded: model nesting deeper than ParseLimits::max_nesting_depth becomes a kInvalid
// expression plus one diagnostic, and nothing recurses deeper than that limit. Blocks and
// attributes that contain syntax errors are left out (never half-converted).
// One converter per parse; not thread-safe itself, but independent converters are.
#ifndef FAULTLINE_PARSERS_HCL_CST_CONVERTER_H_
#define FAULTLINE_PARSERS_HCL_CST_CONVERTER_H_

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "parsers/hcl/template_text.h"
#include "parsers/tree_sitter/handles.h"

namespace faultline::parsers::hcl {

// Maps buffer offsets to file offsets. The buffer is `prefix` synthetic bytes, then `length`
// content bytes, then anything synthetic. Content byte i maps to `table[i]` when a table is
// given (one entry per content byte plus one for the end), else to `base + i`. Synthetic bytes
// clamp to the nearest content edge.
struct OffsetMap {
  uint32_t prefix = 0;
  uint32_t length = UINT32_MAX;
  uint32_t base = 0;
  const std::vector<uint32_t>* table = nullptr;

  uint32_t operator()(uint32_t offset) const;
};

class CstConverter {
 public:
  CstConverter(const engine::SourceFile* file, std::string_view buffer, OffsetMap map,
               const ParseLimits& limits, std::vector<ParseDiagnostic>* diagnostics);

  // Adds a diagnostic for the first ERROR or MISSING node under `root` (document order) and
  // returns true, or returns false when the tree is clean.
  bool ReportFirstSyntaxError(TSNode root);

  // Converts a `config_file` node: its body's blocks and attributes.
  Body ConvertConfigFile(TSNode config_file);

  // Converts one `expression` node.
  ExpressionPtr ConvertExpression(TSNode expression);

  // Converts a heredoc template whose literal content is exactly [content_begin, content_end)
  // of the buffer (used for bare templates wrapped into a synthetic heredoc).
  ExpressionPtr ConvertHeredocContent(TSNode heredoc_template, uint32_t content_begin,
                                      uint32_t content_end);

  // Adds a diagnostic at [begin, end) of the buffer.
  void AddDiagnostic(uint32_t begin, uint32_t end, std::string message);

 private:
  // The children of one node with their symbols (read once): a few inline, more on the heap.
  class NodeList {
   public:
    void push_back(TSNode node, TSSymbol symbol) {
      if (size_ < kInline) {
        inline_[size_] = node;
        inline_symbols_[size_] = symbol;
        ++size_;
        return;
      }
      PushBackSpilled(node, symbol);
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const TSNode* begin() const { return size_ <= kInline ? inline_ : heap_.data(); }
    const TSNode* end() const { return begin() + size_; }
    TSNode operator[](size_t i) const { return begin()[i]; }
    TSNode front() const { return begin()[0]; }
    TSNode back() const { return begin()[size_ - 1]; }
    TSSymbol symbol(size_t i) const {
      return size_ <= kInline ? inline_symbols_[i] : heap_symbols_[i];
    }

   private:
    void PushBackSpilled(TSNode node, TSSymbol symbol);  // size_ >= kInline

    static constexpr size_t kInline = 6;
    TSNode inline_[kInline];
    TSSymbol inline_symbols_[kInline];
    std::vector<TSNode> heap_;
    std::vector<TSSymbol> heap_symbols_;
    size_t size_ = 0;
  };

  std::string_view Text(TSNode node) const;
  SourceRange Range(uint32_t begin, uint32_t end) const;
  SourceRange NodeRange(TSNode node) const;
  NodeList Children(TSNode node);
  bool CheckDepth(uint32_t depth, TSNode node);
  ExpressionPtr Invalid(uint32_t begin, uint32_t end, std::string error) const;

  // Attribute names already defined in one body (views into the buffer).
  class NameSet {
   public:
    bool Insert(std::string_view name);  // false when `name` is already present

   private:
    static constexpr size_t kSmall = 16;
    std::string_view small_[kSmall];
    size_t small_size_ = 0;
    std::unordered_set<std::string_view> large_;
  };

  void ConvertBodyInto(TSNode body, uint32_t depth, Body* out, NameSet* names);
  void ConvertBodyItem(TSNode item, TSSymbol symbol, uint32_t depth, Body* out, NameSet* names);
  // On success `*name` is the attribute's name node.
  bool ConvertAttribute(TSNode node, uint32_t depth, Attribute* out, TSNode* name);
  bool ConvertBlock(TSNode node, uint32_t depth, Block* out);

  ExpressionPtr Expression(TSNode node, uint32_t depth);
  ExpressionPtr Term(const NodeList& nodes, size_t begin, size_t end, uint32_t depth);
  ExpressionPtr Primary(const NodeList& nodes, size_t* index, size_t end, uint32_t depth);
  ExpressionPtr Postfix(ExpressionPtr source, TSNode postfix, TSSymbol symbol, uint32_t begin,
                        uint32_t depth);
  ExpressionPtr Splat(ExpressionPtr source, TSNode splat, uint32_t depth, uint32_t begin);
  ExpressionPtr Literal(TSNode node, uint32_t depth);
  ExpressionPtr Tuple(TSNode node, uint32_t depth);
  ExpressionPtr Object(TSNode node, uint32_t depth);
  ExpressionPtr ObjectKey(TSNode key, uint32_t depth);
  ExpressionPtr FunctionCall(TSNode node, uint32_t depth);
  ExpressionPtr For(TSNode node, uint32_t depth);
  ExpressionPtr Conditional(TSNode node, uint32_t depth);
  ExpressionPtr Operation(TSNode node, uint32_t depth);

  // Templates: quoted_template, string_lit or heredoc_template.
  ExpressionPtr Template(TSNode node, uint32_t depth);
  ExpressionPtr StringLiteral(TSNode node, uint32_t depth);  // an error-free string_lit
  ExpressionPtr BuildTemplate(TSNode node, const NodeList& kids, uint32_t content_begin,
                              uint32_t content_end, bool quoted, bool flush, uint32_t depth);
  bool CollectMarkers(const NodeList& kids, uint32_t depth, std::vector<TemplateToken>* markers);
  void AddMarker(TSNode node, TemplateToken::Kind kind, std::vector<TemplateToken>* markers);
  std::vector<TemplatePart> BuildParts(std::vector<TemplateToken>& tokens, size_t* index,
                                       uint32_t depth, TemplateToken::Kind* stopped_at);

  std::string StringLiteralValue(TSNode string_lit);
  // The content bytes of a string_lit (between the quotes); false when it has no quote tokens.
  bool QuotedContent(TSNode string_lit, uint32_t* begin, uint32_t* end);

  const engine::SourceFile* file_;
  std::string_view buffer_;
  OffsetMap map_;
  ParseLimits limits_;
  std::vector<ParseDiagnostic>* diagnostics_;
  bool depth_reported_ = false;
  // Syntax nodes behind template markers, indexed by TemplateToken::payload.
  std::vector<TSNode> marker_nodes_;
};

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_CST_CONVERTER_H_
