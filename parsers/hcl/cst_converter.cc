#include "parsers/hcl/cst_converter.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>
#include <utility>

#include "parsers/tree_sitter/handles.h"
#include "parsers/tree_sitter/language.h"

namespace faultline::parsers::hcl {
namespace {

using Kind = ExpressionKind;
using TokenKind = TemplateToken::Kind;

// Symbol ids of the node types the converter dispatches on, resolved once per process.
struct Symbols {
  TSFieldId key_field, val_field;
  TSSymbol attribute, block, block_start, block_end, body, bool_lit, collection_value, comment,
      conditional, ellipsis, expression, for_cond, for_expr, for_intro, for_object_expr,
      for_tuple_expr, full_splat, function_arguments, function_call, get_attr, heredoc_identifier,
      heredoc_start, heredoc_template, identifier, index, legacy_index, literal_value, new_index,
      null_lit, numeric_lit, object, object_elem, operation, quoted_template, quoted_template_end,
      quoted_template_start, splat, string_lit, strip_marker, template_directive,
      template_else_intro, template_expr, template_for, template_for_end, template_for_start,
      template_if, template_if_end, template_if_intro, template_interpolation, tuple,
      unary_operation, binary_operation, variable_expr, attr_splat, left_paren, right_paren;

  static Symbols Resolve() {
    const TSLanguage* language = tree_sitter::HclLanguage();
    auto named = [&](const char* name) {
      return ts_language_symbol_for_name(language, name, static_cast<uint32_t>(strlen(name)), true);
    };
    auto anonymous = [&](const char* name) {
      return ts_language_symbol_for_name(language, name, static_cast<uint32_t>(strlen(name)),
                                         false);
    };
    Symbols s{};
    s.key_field = ts_language_field_id_for_name(language, "key", 3);
    s.val_field = ts_language_field_id_for_name(language, "val", 3);
    s.attribute = named("attribute");
    s.block = named("block");
    s.block_start = named("block_start");
    s.block_end = named("block_end");
    s.body = named("body");
    s.bool_lit = named("bool_lit");
    s.collection_value = named("collection_value");
    s.comment = named("comment");
    s.conditional = named("conditional");
    s.ellipsis = named("ellipsis");
    s.expression = named("expression");
    s.for_cond = named("for_cond");
    s.for_expr = named("for_expr");
    s.for_intro = named("for_intro");
    s.for_object_expr = named("for_object_expr");
    s.for_tuple_expr = named("for_tuple_expr");
    s.full_splat = named("full_splat");
    s.function_arguments = named("function_arguments");
    s.function_call = named("function_call");
    s.get_attr = named("get_attr");
    s.heredoc_identifier = named("heredoc_identifier");
    s.heredoc_start = named("heredoc_start");
    s.heredoc_template = named("heredoc_template");
    s.identifier = named("identifier");
    s.index = named("index");
    s.legacy_index = named("legacy_index");
    s.literal_value = named("literal_value");
    s.new_index = named("new_index");
    s.null_lit = named("null_lit");
    s.numeric_lit = named("numeric_lit");
    s.object = named("object");
    s.object_elem = named("object_elem");
    s.operation = named("operation");
    s.quoted_template = named("quoted_template");
    s.quoted_template_end = named("quoted_template_end");
    s.quoted_template_start = named("quoted_template_start");
    s.splat = named("splat");
    s.string_lit = named("string_lit");
    s.strip_marker = named("strip_marker");
    s.template_directive = named("template_directive");
    s.template_else_intro = named("template_else_intro");
    s.template_expr = named("template_expr");
    s.template_for = named("template_for");
    s.template_for_end = named("template_for_end");
    s.template_for_start = named("template_for_start");
    s.template_if = named("template_if");
    s.template_if_end = named("template_if_end");
    s.template_if_intro = named("template_if_intro");
    s.template_interpolation = named("template_interpolation");
    s.tuple = named("tuple");
    s.unary_operation = named("unary_operation");
    s.binary_operation = named("binary_operation");
    s.variable_expr = named("variable_expr");
    s.attr_splat = named("attr_splat");
    s.left_paren = anonymous("(");
    s.right_paren = anonymous(")");
    return s;
  }
};

// Resolved once at start-up (the grammar is a constant object), so the many lookups below
// read it without an initialization guard.
const Symbols kSymbols = Symbols::Resolve();

const Symbols& Sym() { return kSymbols; }

TSSymbol SymbolOf(TSNode node) { return ts_node_symbol(node); }
bool Is(TSNode node, TSSymbol symbol) { return ts_node_symbol(node) == symbol; }

bool BinaryOperatorFor(std::string_view token, Operator* op) {
  static constexpr std::pair<std::string_view, Operator> kOperators[] = {
      {"+", Operator::kAdd},       {"-", Operator::kSubtract},      {"*", Operator::kMultiply},
      {"/", Operator::kDivide},    {"%", Operator::kModulo},        {"==", Operator::kEqual},
      {"!=", Operator::kNotEqual}, {"<", Operator::kLess},          {"<=", Operator::kLessEqual},
      {">", Operator::kGreater},   {">=", Operator::kGreaterEqual}, {"&&", Operator::kAnd},
      {"||", Operator::kOr},
  };
  for (const auto& [text, value] : kOperators) {
    if (token == text) {
      *op = value;
      return true;
    }
  }
  return false;
}

// How a MISSING node's type reads in a message.
std::string MissingDisplay(std::string_view type) {
  if (type == "block_end" || type == "object_end" || type == "template_interpolation_end" ||
      type == "template_directive_end") {
    return "\"}\"";
  }
  if (type == "tuple_end") return "\"]\"";
  if (type == "quoted_template_end") return "'\"'";
  if (type == "heredoc_identifier") return "heredoc end marker";
  if (type == "identifier" || type == "expression") return std::string(type);
  return "\"" + std::string(type) + "\"";
}

// A short, single-line excerpt of source text for messages.
std::string Excerpt(std::string_view text) {
  constexpr size_t kMax = 32;
  size_t newline = text.find_first_of("\r\n");
  bool cut = false;
  if (newline != std::string_view::npos) {
    text = text.substr(0, newline);
    cut = true;
  }
  if (text.size() > kMax) {
    text = text.substr(0, kMax);
    cut = true;
  }
  std::string out(text);
  if (cut) out += "...";
  return out;
}

ExpressionPtr NewExpression(Kind kind, SourceRange range) {
  auto expression = std::make_unique<Expression>();
  expression->kind = kind;
  expression->range = range;
  return expression;
}

}  // namespace

uint32_t OffsetMap::operator()(uint32_t offset) const {
  uint32_t i = offset < prefix ? 0 : offset - prefix;
  if (i > length) i = length;
  return table != nullptr ? (*table)[i] : base + i;
}

CstConverter::CstConverter(const engine::SourceFile* file, std::string_view buffer, OffsetMap map,
                           const ParseLimits& limits, std::vector<ParseDiagnostic>* diagnostics)
    : file_(file), buffer_(buffer), map_(map), limits_(limits), diagnostics_(diagnostics) {}

std::string_view CstConverter::Text(TSNode node) const {
  uint32_t begin = std::min<uint32_t>(ts_node_start_byte(node), buffer_.size());
  uint32_t end = std::min<uint32_t>(ts_node_end_byte(node), buffer_.size());
  return buffer_.substr(begin, end > begin ? end - begin : 0);
}

SourceRange CstConverter::Range(uint32_t begin, uint32_t end) const {
  SourceRange range;
  range.file = file_;
  range.begin = map_(begin);
  range.end = std::max(range.begin, map_(end));
  return range;
}

SourceRange CstConverter::NodeRange(TSNode node) const {
  return Range(ts_node_start_byte(node), ts_node_end_byte(node));
}

void CstConverter::AddDiagnostic(uint32_t begin, uint32_t end, std::string message) {
  if (diagnostics_ == nullptr) return;
  diagnostics_->push_back(ParseDiagnostic{Range(begin, end), std::move(message)});
}

void CstConverter::NodeList::PushBackSpilled(TSNode node, TSSymbol symbol) {
  if (size_ == kInline) {
    heap_.assign(inline_, inline_ + kInline);
    heap_symbols_.assign(inline_symbols_, inline_symbols_ + kInline);
  }
  heap_.push_back(node);
  heap_symbols_.push_back(symbol);
  ++size_;
}

CstConverter::NodeList CstConverter::Children(TSNode node) {
  NodeList out;
  tree_sitter::ForEachChild(
      node, /*skip_extras=*/true,
      [](void* list, TSNode child, TSSymbol symbol) {
        static_cast<NodeList*>(list)->push_back(child, symbol);
      },
      &out);
  return out;
}

bool CstConverter::CheckDepth(uint32_t depth, TSNode node) {
  if (depth <= limits_.max_nesting_depth) return true;
  if (!depth_reported_) {
    depth_reported_ = true;
    AddDiagnostic(
        ts_node_start_byte(node), ts_node_start_byte(node),
        "nesting exceeds the limit of " + std::to_string(limits_.max_nesting_depth) + " levels");
  }
  return false;
}

ExpressionPtr CstConverter::Invalid(uint32_t begin, uint32_t end, std::string error) const {
  auto expression = NewExpression(Kind::kInvalid, Range(begin, end));
  expression->set_error(std::move(error));
  return expression;
}

bool CstConverter::ReportFirstSyntaxError(TSNode root) {
  if (!ts_node_has_error(root)) return false;
  // All navigation goes through one cursor: TSNode parent/sibling lookups walk from the root and
  // would be quadratic on deeply nested input.
  tree_sitter::TreeCursor cursor(root);
  TSNode parent = root;
  while (!ts_node_is_error(cursor.node()) && !ts_node_is_missing(cursor.node())) {
    TSNode node = cursor.node();
    bool descended = false;
    if (cursor.GotoFirstChild()) {
      do {
        descended = ts_node_has_error(cursor.node());
      } while (!descended && cursor.GotoNextSibling());
      if (!descended) cursor.GotoParent();
    }
    if (!descended) break;  // has_error without an ERROR/MISSING child: report this node
    parent = node;
  }
  TSNode found = cursor.node();

  if (ts_node_is_missing(found)) {
    uint32_t at = ts_node_start_byte(found);
    if (Is(found, Sym().quoted_template_end)) {
      // The grammar lets a string run past the end of its line; HCL stops there.
      uint32_t open = ts_node_start_byte(parent);
      size_t newline = buffer_.find('\n', open);
      uint32_t line_end = newline == std::string_view::npos ? at : static_cast<uint32_t>(newline);
      AddDiagnostic(open, std::max(open, std::min(line_end, at)),
                    "syntax error: unterminated string");
      return true;
    }
    // A missing identifier that would have been a variable stands for a missing expression.
    bool expression = Is(found, Sym().identifier) && Is(parent, Sym().variable_expr);
    AddDiagnostic(at, at,
                  "syntax error: missing " + (expression ? std::string("expression")
                                                         : MissingDisplay(ts_node_type(found))));
    return true;
  }

  // Prefer the innermost ERROR node: it is closest to the offending token. Note whether it
  // wraps partial constructs and what its last child is.
  bool has_structure = false;
  TSNode last_child = found;
  for (bool deeper = true; deeper;) {
    deeper = false;
    has_structure = false;
    if (!cursor.GotoFirstChild()) break;
    do {
      TSNode child = cursor.node();
      if (ts_node_is_error(child)) {
        deeper = true;
        break;
      }
      has_structure = has_structure || (ts_node_is_named(child) && ts_node_child_count(child) > 0);
      last_child = child;
    } while (cursor.GotoNextSibling());
    if (!deeper) cursor.GotoParent();
  }
  found = cursor.node();

  // An ERROR node made of skipped tokens starts with the offending token, after any names and
  // strings that could still begin a block header (`bad file:` fails at the colon). One that
  // wraps partial constructs (popped off the parse stack) ends right before it.
  TSNode token = found;
  if (!has_structure && cursor.GotoFirstChild()) {
    do {
      token = cursor.node();
    } while ((Is(token, Sym().identifier) || Is(token, Sym().string_lit)) &&
             cursor.GotoNextSibling());
    cursor.GotoParent();
  }
  if (has_structure) {
    bool have_next = false;
    while (!(have_next = cursor.GotoNextSibling())) {
      if (!cursor.GotoParent()) break;
    }
    if (!have_next) {
      if (Is(last_child, Sym().quoted_template_start)) {
        uint32_t open = ts_node_start_byte(last_child);
        AddDiagnostic(open, open + 1, "syntax error: unterminated string");
        return true;
      }
      uint32_t at = ts_node_end_byte(found);
      AddDiagnostic(at, at,
                    Is(last_child, Sym().heredoc_identifier)
                        ? "syntax error: missing heredoc end marker"
                        : "syntax error: unexpected end of input");
      return true;
    }
    token = cursor.node();
  }
  cursor.Reset(token);
  while (cursor.GotoFirstChild()) {
  }
  token = cursor.node();
  std::string_view text = Text(token);
  if (text.empty()) text = Text(found);
  uint32_t begin = ts_node_start_byte(token);
  if (begin >= buffer_.size() || text.empty()) {
    AddDiagnostic(begin, begin, "syntax error: unexpected end of input");
  } else {
    std::string excerpt = Excerpt(text);
    char quote = excerpt.find('"') == std::string::npos ? '"' : '\'';
    AddDiagnostic(begin, begin + static_cast<uint32_t>(text.size()),
                  "syntax error: unexpected " + std::string(1, quote) + excerpt + quote);
  }
  return true;
}

bool CstConverter::NameSet::Insert(std::string_view name) {
  if (large_.empty()) {
    for (size_t i = 0; i < small_size_; ++i) {
      if (small_[i] == name) return false;
    }
    if (small_size_ < kSmall) {
      small_[small_size_++] = name;
      return true;
    }
    large_.insert(small_, small_ + kSmall);
  }
  return large_.insert(name).second;
}

Body CstConverter::ConvertConfigFile(TSNode config_file) {
  Body body;
  body.range = Range(0, static_cast<uint32_t>(buffer_.size()));
  NameSet names;
  NodeList kids = Children(config_file);
  for (size_t i = 0; i < kids.size(); ++i) {
    TSNode child = kids[i];
    if (kids.symbol(i) == Sym().object) {
      AddDiagnostic(ts_node_start_byte(child), ts_node_start_byte(child) + 1,
                    "syntax error: expected an attribute or block, found an object");
    } else {
      ConvertBodyItem(child, kids.symbol(i), 1, &body, &names);
    }
  }
  return body;
}

void CstConverter::ConvertBodyInto(TSNode body, uint32_t depth, Body* out, NameSet* names) {
  const Symbols& s = Sym();
  TSNode previous{};
  TSSymbol previous_symbol = 0;
  bool have_previous = false;
  NodeList kids = Children(body);
  size_t attributes = 0;
  size_t blocks = 0;
  for (size_t i = 0; i < kids.size(); ++i) {
    attributes += kids.symbol(i) == s.attribute;
    blocks += kids.symbol(i) == s.block;
  }
  out->attributes.reserve(out->attributes.size() + attributes);
  out->blocks.reserve(out->blocks.size() + blocks);
  for (size_t i = 0; i < kids.size(); ++i) {
    TSNode child = kids[i];
    TSSymbol symbol = kids.symbol(i);
    bool item = symbol == s.attribute || symbol == s.block;
    if (item && have_previous) {
      // HCL ends every attribute and block with a newline: `a = 1 b = 2` is not valid.
      uint32_t gap_begin = ts_node_end_byte(previous);
      uint32_t gap_end = ts_node_start_byte(child);
      if (gap_end >= gap_begin &&
          buffer_.substr(gap_begin, gap_end - gap_begin).find('\n') == std::string_view::npos) {
        AddDiagnostic(gap_end, gap_end,
                      std::string("syntax error: missing newline after ") +
                          (previous_symbol == s.attribute ? "attribute" : "block"));
      }
    }
    if (item) {
      previous = child;
      previous_symbol = symbol;
      have_previous = true;
    }
    ConvertBodyItem(child, symbol, depth, out, names);
  }
}

void CstConverter::ConvertBodyItem(TSNode item, TSSymbol symbol, uint32_t depth, Body* out,
                                   NameSet* names) {
  const Symbols& s = Sym();
  if (symbol == s.attribute) {
    if (ts_node_has_error(item)) return;
    Attribute attribute;
    TSNode name{};
    if (!ConvertAttribute(item, depth, &attribute, &name)) return;
    // HCL rejects a second definition of an attribute in the same body; keep the first.
    if (!names->Insert(Text(name))) {
      AddDiagnostic(ts_node_start_byte(name), ts_node_end_byte(name),
                    "attribute \"" + attribute.name + "\" redefined");
      return;
    }
    out->attributes.push_back(std::move(attribute));
  } else if (symbol == s.block) {
    if (ts_node_has_error(item)) return;
    Block block;
    if (ConvertBlock(item, depth, &block)) out->blocks.push_back(std::move(block));
  } else if (symbol == s.body) {
    ConvertBodyInto(item, depth, out, names);
  }
  // ERROR nodes and anything else are skipped: the diagnostic for the first error is reported
  // separately, and nothing from a broken region is guessed at.
}

bool CstConverter::ConvertAttribute(TSNode node, uint32_t depth, Attribute* out, TSNode* name) {
  const Symbols& s = Sym();
  NodeList kids = Children(node);
  TSNode value{};
  bool have_name = false;
  bool have_value = false;
  for (size_t i = 0; i < kids.size(); ++i) {
    TSSymbol symbol = kids.symbol(i);
    if (!have_name && symbol == s.identifier) {
      *name = kids[i];
      have_name = true;
    } else if (symbol == s.expression) {
      value = kids[i];
      have_value = true;
    }
  }
  if (!have_name || !have_value) return false;
  out->name.assign(Text(*name));
  out->name_range = NodeRange(*name);
  out->range = Range(ts_node_start_byte(*name), ts_node_end_byte(value));
  out->value = Expression(value, depth + 1);
  return true;
}

bool CstConverter::ConvertBlock(TSNode node, uint32_t depth, Block* out) {
  if (!CheckDepth(depth, node)) return false;
  const Symbols& s = Sym();
  NodeList kids = Children(node);
  bool have_type = false;
  uint32_t header_end = 0;
  uint32_t body_begin = 0;
  uint32_t body_end = 0;
  TSNode body{};
  bool have_body = false;
  for (size_t i = 0; i < kids.size(); ++i) {
    TSNode kid = kids[i];
    TSSymbol symbol = kids.symbol(i);
    if (!have_type) {
      if (symbol != s.identifier) return false;
      out->type.assign(Text(kid));
      out->type_range = NodeRange(kid);
      header_end = ts_node_end_byte(kid);
      have_type = true;
    } else if (symbol == s.identifier) {
      out->labels.emplace_back(Text(kid));
      out->label_ranges.push_back(NodeRange(kid));
      header_end = ts_node_end_byte(kid);
    } else if (symbol == s.string_lit) {
      out->labels.push_back(StringLiteralValue(kid));
      out->label_ranges.push_back(NodeRange(kid));
      header_end = ts_node_end_byte(kid);
    } else if (symbol == s.block_start) {
      body_begin = ts_node_end_byte(kid);
    } else if (symbol == s.body) {
      body = kid;
      have_body = true;
    } else if (symbol == s.block_end) {
      body_end = ts_node_start_byte(kid);
    }
  }
  if (!have_type) return false;
  out->header_range = Range(ts_node_start_byte(node), header_end);
  out->range = NodeRange(node);
  out->body.range = Range(body_begin, std::max(body_begin, body_end));
  if (have_body) {
    NameSet names;
    ConvertBodyInto(body, depth + 1, &out->body, &names);
  }
  return true;
}

std::string CstConverter::StringLiteralValue(TSNode string_lit) {
  uint32_t begin = 0;
  uint32_t end = 0;
  if (!QuotedContent(string_lit, &begin, &end)) return {};
  std::string_view raw = buffer_.substr(begin, end - begin);
  if (raw.find('\n') != std::string_view::npos) {
    AddDiagnostic(begin, end, "quoted string may not span multiple lines; use a heredoc");
  }
  std::string value;
  if (!DecodeQuotedLiteral(raw, &value)) {
    AddDiagnostic(begin, end, "invalid escape sequence in quoted string");
  }
  return value;
}

bool CstConverter::QuotedContent(TSNode string_lit, uint32_t* begin, uint32_t* end) {
  // An error-free string_lit is `"`, an optional template_literal, `"`; nothing else (not even
  // a comment) can sit between the quotes, so the content is the node minus one byte each side.
  uint32_t node_begin = ts_node_start_byte(string_lit);
  uint32_t node_end = ts_node_end_byte(string_lit);
  if (node_end < node_begin + 2 || ts_node_has_error(string_lit)) {
    NodeList kids = Children(string_lit);
    if (kids.size() < 2) return false;
    *begin = ts_node_end_byte(kids.front());
    *end = std::max(*begin, ts_node_start_byte(kids.back()));
    return true;
  }
  *begin = node_begin + 1;
  *end = node_end - 1;
  return true;
}

ExpressionPtr CstConverter::ConvertExpression(TSNode expression) {
  return Expression(expression, 1);
}

ExpressionPtr CstConverter::Expression(TSNode node, uint32_t depth) {
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (!CheckDepth(depth, node)) return Invalid(begin, end, "nesting too deep");
  if (ts_node_has_error(node)) return Invalid(begin, end, "syntax error");
  NodeList kids = Children(node);
  if (kids.empty()) return Invalid(begin, end, "empty expression");
  if (kids.size() == 1 && kids.symbol(0) == Sym().conditional) return Conditional(kids[0], depth);
  return Term(kids, 0, kids.size(), depth);
}

ExpressionPtr CstConverter::Term(const NodeList& nodes, size_t begin, size_t end, uint32_t depth) {
  const Symbols& s = Sym();
  if (begin >= end) return Invalid(0, 0, "missing operand");
  // Postfix operators (index, attribute, splat) nest the primary below them: count them first
  // so the depth limit holds for the whole chain.
  size_t primary_length = nodes.symbol(begin) == s.left_paren ? 3 : 1;
  uint32_t postfix = 0;
  for (size_t i = begin + primary_length; i < end; ++i) {
    postfix += 1;
    if (nodes.symbol(i) == s.splat) postfix += ts_node_child_count(ts_node_child(nodes[i], 0));
  }
  uint32_t inner_depth = depth + postfix;
  uint32_t start = ts_node_start_byte(nodes[begin]);
  if (!CheckDepth(inner_depth, nodes[begin])) {
    return Invalid(start, ts_node_end_byte(nodes[end - 1]), "nesting too deep");
  }
  size_t i = begin;
  ExpressionPtr expression = Primary(nodes, &i, end, inner_depth);
  for (; i < end; ++i) {
    // Index keys sit one level below the innermost operand at most: inner_depth + 1 bounds them.
    if (nodes.symbol(i) == s.splat) {
      expression = Splat(std::move(expression), nodes[i], inner_depth + 1, start);
    } else {
      expression =
          Postfix(std::move(expression), nodes[i], nodes.symbol(i), start, inner_depth + 1);
    }
  }
  return expression;
}

ExpressionPtr CstConverter::Primary(const NodeList& nodes, size_t* index, size_t end,
                                    uint32_t depth) {
  const Symbols& s = Sym();
  TSNode node = nodes[*index];
  TSSymbol symbol = nodes.symbol(*index);
  uint32_t begin = ts_node_start_byte(node);
  if (symbol == s.left_paren) {
    if (*index + 2 >= end) {
      *index = end;
      return Invalid(begin, ts_node_end_byte(nodes[end - 1]), "unbalanced parenthesis");
    }
    TSNode inner = nodes[*index + 1];
    TSNode close = nodes[*index + 2];
    *index += 3;
    ExpressionPtr expression = Expression(inner, depth);
    // Parentheses have no node of their own; the expression keeps their range.
    expression->range = Range(begin, ts_node_end_byte(close));
    return expression;
  }
  *index += 1;
  if (symbol == s.literal_value) return Literal(node, depth);
  if (symbol == s.variable_expr) {
    auto expression = NewExpression(Kind::kVariable, NodeRange(node));
    expression->name.assign(Text(node));
    return expression;
  }
  if (symbol == s.function_call) return FunctionCall(node, depth);
  if (symbol == s.template_expr || symbol == s.collection_value || symbol == s.for_expr ||
      symbol == s.operation) {
    TSNode child = ts_node_named_child(node, 0);
    TSSymbol inner = SymbolOf(child);
    if (symbol == s.template_expr) return Template(child, depth);
    if (symbol == s.for_expr) return For(child, depth);
    if (symbol == s.operation) return Operation(child, depth);
    if (inner == s.tuple) return Tuple(child, depth);
    if (inner == s.object) return Object(child, depth);
  }
  return Invalid(begin, ts_node_end_byte(node), std::string("unexpected ") + ts_node_type(node));
}

ExpressionPtr CstConverter::Postfix(ExpressionPtr source, TSNode postfix, TSSymbol symbol,
                                    uint32_t begin, uint32_t depth) {
  const Symbols& s = Sym();
  uint32_t end = ts_node_end_byte(postfix);
  if (symbol == s.get_attr) {
    auto expression = NewExpression(Kind::kGetAttr, Range(begin, end));
    expression->name.assign(Text(ts_node_named_child(postfix, 0)));
    expression->operands.push_back(std::move(source));
    return expression;
  }
  if (symbol == s.index) {
    TSNode inner = ts_node_named_child(postfix, 0);
    auto expression = NewExpression(Kind::kIndex, Range(begin, end));
    expression->operands.reserve(2);
    expression->operands.push_back(std::move(source));
    if (Is(inner, s.legacy_index)) {
      // `.0`: the digits after the dot are a number key.
      uint32_t digits_begin = ts_node_start_byte(inner) + 1;
      std::string_view digits = Text(inner);
      digits.remove_prefix(std::min<size_t>(1, digits.size()));
      auto key = NewExpression(Kind::kLiteral, Range(digits_begin, ts_node_end_byte(inner)));
      double value = 0;
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
      key->literal = engine::Value::Number(value, key->range);
      expression->operands.push_back(std::move(key));
    } else {
      expression->operands.push_back(Expression(ts_node_named_child(inner, 0), depth));
    }
    return expression;
  }
  return Invalid(begin, end, std::string("unexpected ") + ts_node_type(postfix));
}

ExpressionPtr CstConverter::Splat(ExpressionPtr source, TSNode splat, uint32_t depth,
                                  uint32_t begin) {
  const Symbols& s = Sym();
  TSNode kind = ts_node_named_child(splat, 0);
  bool full = Is(kind, s.full_splat);
  NodeList kids = Children(kind);
  if (kids.empty()) return Invalid(begin, ts_node_end_byte(splat), "malformed splat");
  // kids[0] is the `.*` or `[*]` token: the anchor stands for each element.
  uint32_t anchor_begin = ts_node_start_byte(kids[0]);
  ExpressionPtr each = NewExpression(Kind::kSplatAnchor, NodeRange(kids[0]));
  uint32_t splat_end = ts_node_end_byte(kids[0]);
  size_t i = 1;
  for (; i < kids.size(); ++i) {
    // An attribute-only splat (`.*`) takes attribute accesses and legacy `.0` indexes only;
    // a `[...]` index after it applies to the whole result, as in HCL.
    if (!full && kids.symbol(i) == s.index &&
        !Is(ts_node_named_child(kids[i], 0), s.legacy_index)) {
      break;
    }
    each = Postfix(std::move(each), kids[i], kids.symbol(i), anchor_begin, depth);
    splat_end = ts_node_end_byte(kids[i]);
  }
  auto expression = NewExpression(Kind::kSplat, Range(begin, splat_end));
  expression->flag = full;
  expression->operands.reserve(2);
  expression->operands.push_back(std::move(source));
  expression->operands.push_back(std::move(each));
  for (; i < kids.size(); ++i) {
    expression = Postfix(std::move(expression), kids[i], kids.symbol(i), begin, depth);
  }
  return expression;
}

ExpressionPtr CstConverter::Literal(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  TSNode child = ts_node_named_child(node, 0);
  TSSymbol symbol = SymbolOf(child);
  SourceRange range = NodeRange(node);
  if (symbol == s.string_lit) return Template(child, depth);
  auto expression = NewExpression(Kind::kLiteral, range);
  std::string_view text = Text(child);
  if (symbol == s.numeric_lit) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      // The grammar also accepts `0x..`, which HCL does not.
      AddDiagnostic(ts_node_start_byte(child), ts_node_end_byte(child),
                    "invalid number literal \"" + Excerpt(text) + "\"");
      return Invalid(ts_node_start_byte(child), ts_node_end_byte(child), "invalid number");
    }
    expression->literal = engine::Value::Number(value, range);
  } else if (symbol == s.bool_lit) {
    expression->literal = engine::Value::Bool(text == "true", range);
  } else if (symbol == s.null_lit) {
    expression->literal = engine::Value::Null(range);
  } else {
    return Invalid(ts_node_start_byte(node), ts_node_end_byte(node), "unknown literal");
  }
  return expression;
}

ExpressionPtr CstConverter::Tuple(TSNode node, uint32_t depth) {
  auto expression = NewExpression(Kind::kTuple, NodeRange(node));
  NodeList kids = Children(node);
  TSSymbol expression_symbol = Sym().expression;
  size_t count = 0;
  for (size_t i = 0; i < kids.size(); ++i) count += kids.symbol(i) == expression_symbol;
  expression->operands.reserve(count);
  for (size_t i = 0; i < kids.size(); ++i) {
    if (kids.symbol(i) == expression_symbol) {
      expression->operands.push_back(Expression(kids[i], depth + 1));
    }
  }
  return expression;
}

ExpressionPtr CstConverter::Object(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  auto expression = NewExpression(Kind::kObject, NodeRange(node));
  NodeList kids = Children(node);
  size_t count = 0;
  for (size_t i = 0; i < kids.size(); ++i) count += kids.symbol(i) == s.object_elem;
  expression->items.reserve(count);
  for (size_t i = 0; i < kids.size(); ++i) {
    if (kids.symbol(i) != s.object_elem) continue;
    TSNode kid = kids[i];
    TSNode key = ts_node_child_by_field_id(kid, s.key_field);
    TSNode value = ts_node_child_by_field_id(kid, s.val_field);
    if (ts_node_is_null(key) || ts_node_is_null(value)) continue;
    ObjectItem item;
    item.key = ObjectKey(key, depth + 1);
    item.value = Expression(value, depth + 1);
    item.range = NodeRange(kid);
    expression->items.push_back(std::move(item));
  }
  return expression;
}

ExpressionPtr CstConverter::ObjectKey(TSNode key, uint32_t depth) {
  // A bare identifier key is the literal string of its name; anything else is evaluated.
  if (ts_node_child_count(key) == 1 && !ts_node_has_error(key)) {
    TSNode only = ts_node_child(key, 0);
    if (Is(only, Sym().variable_expr)) {
      auto expression = NewExpression(Kind::kLiteral, NodeRange(only));
      expression->literal = engine::Value::String(std::string(Text(only)), expression->range);
      return expression;
    }
  }
  return Expression(key, depth);
}

ExpressionPtr CstConverter::FunctionCall(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  auto expression = NewExpression(Kind::kFunctionCall, NodeRange(node));
  NodeList kids = Children(node);
  for (size_t i = 0; i < kids.size(); ++i) {
    TSSymbol symbol = kids.symbol(i);
    if (symbol == s.identifier) {
      expression->name.assign(Text(kids[i]));
    } else if (symbol == s.function_arguments) {
      NodeList arguments = Children(kids[i]);
      size_t count = expression->operands.size();
      for (size_t j = 0; j < arguments.size(); ++j) count += arguments.symbol(j) == s.expression;
      expression->operands.reserve(count);
      for (size_t j = 0; j < arguments.size(); ++j) {
        TSSymbol argument = arguments.symbol(j);
        if (argument == s.expression) {
          expression->operands.push_back(Expression(arguments[j], depth + 1));
        } else if (argument == s.ellipsis) {
          expression->flag = true;
        }
      }
    }
  }
  return expression;
}

ExpressionPtr CstConverter::For(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  auto expression = NewExpression(Kind::kFor, NodeRange(node));
  expression->for_object = Is(node, s.for_object_expr);
  expression->operands.resize(4);
  std::vector<TSNode> results;
  NodeList kids = Children(node);
  for (size_t k = 0; k < kids.size(); ++k) {
    TSNode kid = kids[k];
    TSSymbol symbol = kids.symbol(k);
    if (symbol == s.for_intro) {
      std::vector<std::string> names;
      for (TSNode part : Children(kid)) {
        if (Is(part, s.identifier)) {
          names.emplace_back(Text(part));
        } else if (Is(part, s.expression)) {
          expression->operands[0] = Expression(part, depth + 1);
        }
      }
      if (names.size() == 2) {
        expression->set_for_vars(std::move(names[0]), std::move(names[1]));
      } else if (names.size() == 1) {
        expression->set_for_vars(std::string(), std::move(names[0]));
      }
    } else if (symbol == s.expression) {
      results.push_back(kid);
    } else if (symbol == s.ellipsis) {
      expression->flag = true;
    } else if (symbol == s.for_cond) {
      TSNode condition = ts_node_named_child(kid, 0);
      if (!ts_node_is_null(condition)) expression->operands[3] = Expression(condition, depth + 1);
    }
  }
  if (expression->for_object && results.size() == 2) {
    expression->operands[1] = Expression(results[0], depth + 1);
    expression->operands[2] = Expression(results[1], depth + 1);
  } else if (!expression->for_object && results.size() == 1) {
    expression->operands[2] = Expression(results[0], depth + 1);
  } else {
    return Invalid(ts_node_start_byte(node), ts_node_end_byte(node), "malformed for expression");
  }
  if (expression->operands[0] == nullptr) {
    return Invalid(ts_node_start_byte(node), ts_node_end_byte(node), "malformed for expression");
  }
  return expression;
}

ExpressionPtr CstConverter::Conditional(TSNode node, uint32_t depth) {
  // The grammar groups `a ? b : c ? d : e` to the left, as `(a ? b : c) ? d : e`; HCL groups it
  // to the right, as `a ? b : (c ? d : e)`. Walk down the left spine (an unparenthesized
  // conditional as a condition can only come from such a chain), list the operands in source
  // order, and rebuild the chain to the right.
  std::vector<TSNode> spine_tail;  // (then, else) pairs, outermost first
  TSNode current = node;
  TSNode innermost_condition{};
  while (true) {
    NodeList operands;
    NodeList kids = Children(current);
    for (size_t i = 0; i < kids.size(); ++i) {
      if (kids.symbol(i) == Sym().expression) operands.push_back(kids[i], kids.symbol(i));
    }
    if (operands.size() != 3) {
      return Invalid(ts_node_start_byte(node), ts_node_end_byte(node), "malformed conditional");
    }
    spine_tail.push_back(operands[2]);
    spine_tail.push_back(operands[1]);
    TSNode condition = operands[0];
    if (ts_node_child_count(condition) == 1 && !ts_node_has_error(condition) &&
        Is(ts_node_child(condition, 0), Sym().conditional)) {
      current = ts_node_child(condition, 0);
      continue;
    }
    innermost_condition = condition;
    break;
  }
  // Source order: innermost condition, then the pairs from the innermost level outwards.
  std::vector<TSNode> sequence;
  sequence.reserve(spine_tail.size() + 1);
  sequence.push_back(innermost_condition);
  for (size_t i = spine_tail.size(); i > 0; --i) sequence.push_back(spine_tail[i - 1]);
  size_t levels = (sequence.size() - 1) / 2;
  if (!CheckDepth(depth + static_cast<uint32_t>(levels), node)) {
    return Invalid(ts_node_start_byte(node), ts_node_end_byte(node), "nesting too deep");
  }
  uint32_t end = ts_node_end_byte(sequence.back());
  // Level k (0 = outermost) is sequence[2k] ? sequence[2k+1] : (level k+1, or the last operand).
  ExpressionPtr result = Expression(sequence.back(), depth + static_cast<uint32_t>(levels));
  for (size_t k = levels; k > 0; --k) {
    size_t at = 2 * (k - 1);
    uint32_t level_depth = depth + static_cast<uint32_t>(k - 1);
    auto expression =
        NewExpression(Kind::kConditional, Range(ts_node_start_byte(sequence[at]), end));
    expression->operands.reserve(3);
    expression->operands.push_back(Expression(sequence[at], level_depth + 1));
    expression->operands.push_back(Expression(sequence[at + 1], level_depth + 1));
    expression->operands.push_back(std::move(result));
    result = std::move(expression);
  }
  return result;
}

ExpressionPtr CstConverter::Operation(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  NodeList kids = Children(node);
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (Is(node, s.unary_operation)) {
    if (kids.size() < 2) return Invalid(begin, end, "malformed unary operation");
    auto expression = NewExpression(Kind::kUnary, NodeRange(node));
    expression->op = Text(kids[0]) == "!" ? Operator::kNot : Operator::kNegate;
    expression->operands.push_back(Term(kids, 1, kids.size(), depth + 1));
    return expression;
  }
  // The operands' terms are flattened into this node: the operator is the first anonymous
  // child that is not a parenthesis.
  for (size_t i = 1; i + 1 < kids.size(); ++i) {
    if (ts_node_is_named(kids[i]) || Is(kids[i], s.left_paren) || Is(kids[i], s.right_paren)) {
      continue;
    }
    Operator op;
    if (!BinaryOperatorFor(Text(kids[i]), &op)) continue;
    auto expression = NewExpression(Kind::kBinary, NodeRange(node));
    expression->op = op;
    expression->operands.reserve(2);
    expression->operands.push_back(Term(kids, 0, i, depth + 1));
    expression->operands.push_back(Term(kids, i + 1, kids.size(), depth + 1));
    return expression;
  }
  return Invalid(begin, end, "malformed binary operation");
}

ExpressionPtr CstConverter::Template(TSNode node, uint32_t depth) {
  const Symbols& s = Sym();
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (!CheckDepth(depth, node)) return Invalid(begin, end, "nesting too deep");
  if (ts_node_has_error(node)) return Invalid(begin, end, "syntax error");
  TSSymbol symbol = SymbolOf(node);
  if (symbol == s.string_lit) return StringLiteral(node, depth);
  NodeList kids = Children(node);
  if (symbol == s.heredoc_template) {
    // heredoc_start, opening identifier, parts..., closing identifier.
    if (kids.size() < 3 || !Is(kids[1], s.heredoc_identifier) ||
        !Is(kids.back(), s.heredoc_identifier)) {
      return Invalid(begin, end, "malformed heredoc");
    }
    bool flush = Text(kids[0]) == "<<-";
    uint32_t opener_end = ts_node_end_byte(kids[1]);
    size_t newline = buffer_.find('\n', opener_end);
    uint32_t content_begin =
        newline == std::string_view::npos ? opener_end : static_cast<uint32_t>(newline) + 1;
    std::string_view after_opener = buffer_.substr(opener_end, content_begin - opener_end);
    if (after_opener.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      AddDiagnostic(opener_end, content_begin - 1, "heredoc marker must be followed by a newline");
    }
    uint32_t closer = ts_node_start_byte(kids.back());
    uint32_t content_end = closer;
    while (content_end > content_begin && buffer_[content_end - 1] != '\n') --content_end;
    return BuildTemplate(node, kids, content_begin, content_end, false, flush, depth);
  }
  // quoted_template or string_lit: between the quote tokens.
  if (kids.size() < 2) return Invalid(begin, end, "malformed string");
  uint32_t content_begin = ts_node_end_byte(kids.front());
  uint32_t content_end = std::max(content_begin, ts_node_start_byte(kids.back()));
  return BuildTemplate(node, kids, content_begin, content_end, true, false, depth);
}

ExpressionPtr CstConverter::StringLiteral(TSNode node, uint32_t depth) {
  // What BuildTemplate makes of a template without markers, without its token lists: one
  // decoded literal (the diagnostics and the depth check are the same).
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  uint32_t content_begin = 0;
  uint32_t content_end = 0;
  if (!QuotedContent(node, &content_begin, &content_end)) {
    return Invalid(begin, end, "malformed string");
  }
  if (!CheckDepth(depth + 1, node)) return Invalid(begin, end, "nesting too deep");
  std::string text;
  if (content_end > content_begin) {
    std::string_view raw = buffer_.substr(content_begin, content_end - content_begin);
    if (raw.find('\n') != std::string_view::npos) {
      AddDiagnostic(content_begin, content_end,
                    "quoted string may not span multiple lines; use a heredoc");
    }
    if (!DecodeQuotedLiteral(raw, &text)) {
      AddDiagnostic(content_begin, content_end, "invalid escape sequence in quoted string");
    }
  }
  SourceRange range = Range(begin, end);
  auto expression = NewExpression(Kind::kLiteral, range);
  expression->literal = engine::Value::String(std::move(text), range);
  return expression;
}

ExpressionPtr CstConverter::ConvertHeredocContent(TSNode heredoc_template, uint32_t content_begin,
                                                  uint32_t content_end) {
  uint32_t begin = ts_node_start_byte(heredoc_template);
  uint32_t end = ts_node_end_byte(heredoc_template);
  if (ts_node_has_error(heredoc_template)) return Invalid(begin, end, "syntax error");
  return BuildTemplate(heredoc_template, Children(heredoc_template), content_begin, content_end,
                       false, false, 1);
}

void CstConverter::AddMarker(TSNode node, TemplateToken::Kind kind,
                             std::vector<TemplateToken>* markers) {
  const Symbols& s = Sym();
  TemplateToken marker;
  marker.kind = kind;
  marker.begin = ts_node_start_byte(node);
  marker.end = ts_node_end_byte(node);
  marker.payload = static_cast<uint32_t>(marker_nodes_.size());
  marker_nodes_.push_back(node);
  // A strip marker before the keyword/expression strips left, one after it strips right.
  bool seen_content = false;
  for (TSNode kid : Children(node)) {
    if (Is(kid, s.strip_marker)) {
      (seen_content ? marker.strip_right : marker.strip_left) = true;
    } else if (ts_node_is_named(kid) ? (Is(kid, s.expression) || Is(kid, s.identifier))
                                     : Text(kid) != "${" && Text(kid) != "%{") {
      seen_content = true;
    }
  }
  markers->push_back(std::move(marker));
}

bool CstConverter::CollectMarkers(const NodeList& kids, uint32_t depth,
                                  std::vector<TemplateToken>* markers) {
  const Symbols& s = Sym();
  if (!kids.empty() && !CheckDepth(depth, kids[0])) return false;
  for (size_t i = 0; i < kids.size(); ++i) {
    TSNode kid = kids[i];
    TSSymbol symbol = kids.symbol(i);
    if (symbol == s.template_interpolation) {
      AddMarker(kid, TokenKind::kInterpolation, markers);
    } else if (symbol == s.template_directive) {
      if (!CollectMarkers(Children(kid), depth + 1, markers)) return false;
    } else if (symbol == s.template_if || symbol == s.template_for) {
      if (!CollectMarkers(Children(kid), depth + 1, markers)) return false;
    } else if (symbol == s.template_if_intro) {
      AddMarker(kid, TokenKind::kIf, markers);
    } else if (symbol == s.template_else_intro) {
      AddMarker(kid, TokenKind::kElse, markers);
    } else if (symbol == s.template_if_end) {
      AddMarker(kid, TokenKind::kEndIf, markers);
    } else if (symbol == s.template_for_start) {
      AddMarker(kid, TokenKind::kFor, markers);
    } else if (symbol == s.template_for_end) {
      AddMarker(kid, TokenKind::kEndFor, markers);
    }
  }
  return true;
}

ExpressionPtr CstConverter::BuildTemplate(TSNode node, const NodeList& kids, uint32_t content_begin,
                                          uint32_t content_end, bool quoted, bool flush,
                                          uint32_t depth) {
  uint32_t begin = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  std::vector<TemplateToken> markers;
  if (!CollectMarkers(kids, depth + 1, &markers)) return Invalid(begin, end, "nesting too deep");

  // Literal text is whatever lies between the markers (tree-sitter's own literal nodes leave out
  // leading whitespace, so they are not used).
  std::vector<TemplateToken> tokens;
  tokens.reserve(markers.size() * 2 + 1);
  uint32_t position = content_begin;
  auto add_literal = [&](uint32_t from, uint32_t to) {
    if (to <= from) return;
    std::string_view raw = buffer_.substr(from, to - from);
    if (quoted && raw.find('\n') != std::string_view::npos) {
      AddDiagnostic(from, to, "quoted string may not span multiple lines; use a heredoc");
    }
    if (!AppendLiteralTokens(raw, from, quoted, &tokens)) {
      AddDiagnostic(from, to, "invalid escape sequence in quoted string");
    }
  };
  for (TemplateToken& marker : markers) {
    if (marker.begin < content_begin || marker.end > content_end) continue;
    add_literal(position, marker.begin);
    position = marker.end;
    tokens.push_back(std::move(marker));
  }
  add_literal(position, content_end);

  ApplyStripMarkers(&tokens);
  if (flush) FlushHeredocIndentation(&tokens);
  MeldLiterals(&tokens);

  SourceRange range = Range(begin, end);
  if (tokens.empty() || (tokens.size() == 1 && tokens[0].kind == TokenKind::kLiteral)) {
    auto expression = NewExpression(Kind::kLiteral, range);
    expression->literal =
        engine::Value::String(tokens.empty() ? std::string() : std::move(tokens[0].text), range);
    return expression;
  }
  auto expression = NewExpression(Kind::kTemplate, range);
  size_t index = 0;
  TokenKind stopped_at = TokenKind::kLiteral;
  expression->parts = BuildParts(tokens, &index, depth + 1, &stopped_at);
  if (stopped_at != TokenKind::kLiteral) {
    return Invalid(begin, end, "unbalanced template directives");
  }
  return expression;
}

std::vector<TemplatePart> CstConverter::BuildParts(std::vector<TemplateToken>& tokens,
                                                   size_t* index, uint32_t depth,
                                                   TemplateToken::Kind* stopped_at) {
  const Symbols& s = Sym();
  std::vector<TemplatePart> parts;
  *stopped_at = TokenKind::kLiteral;
  while (*index < tokens.size()) {
    TemplateToken& token = tokens[*index];
    ++*index;
    TemplatePart part;
    part.range = Range(token.begin, token.end);
    switch (token.kind) {
      case TokenKind::kLiteral:
        part.kind = TemplatePart::Kind::kLiteral;
        part.text = std::move(token.text);
        break;
      case TokenKind::kInterpolation: {
        part.kind = TemplatePart::Kind::kInterpolation;
        TSNode marker = marker_nodes_[token.payload];
        TSNode inner = ts_node_named_child(marker, 0);
        for (TSNode kid : Children(marker)) {
          if (Is(kid, s.expression)) inner = kid;
        }
        if (ts_node_is_null(inner) || !Is(inner, s.expression)) {
          AddDiagnostic(token.begin, token.end, "empty template interpolation");
          part.expression = Invalid(token.begin, token.end, "empty interpolation");
        } else {
          part.expression = Expression(inner, depth + 1);
        }
        break;
      }
      case TokenKind::kIf:
      case TokenKind::kFor: {
        bool is_if = token.kind == TokenKind::kIf;
        part.kind = is_if ? TemplatePart::Kind::kIf : TemplatePart::Kind::kFor;
        if (!CheckDepth(depth + 1, marker_nodes_[token.payload])) {
          *stopped_at = TokenKind::kEndIf;  // abandon: reported as nesting too deep
          return parts;
        }
        TSNode marker = marker_nodes_[token.payload];
        std::vector<std::string> names;
        for (TSNode kid : Children(marker)) {
          if (Is(kid, s.expression)) {
            part.expression = Expression(kid, depth + 1);
          } else if (Is(kid, s.identifier)) {
            names.emplace_back(Text(kid));
          }
        }
        if (names.size() == 2) {
          part.key_var = std::move(names[0]);
          part.value_var = std::move(names[1]);
        } else if (names.size() == 1) {
          part.value_var = std::move(names[0]);
        }
        TokenKind stop = TokenKind::kLiteral;
        part.body = BuildParts(tokens, index, depth + 1, &stop);
        if (is_if && stop == TokenKind::kElse) {
          part.else_body = BuildParts(tokens, index, depth + 1, &stop);
        }
        TokenKind expected = is_if ? TokenKind::kEndIf : TokenKind::kEndFor;
        if (stop != expected || part.expression == nullptr) {
          *stopped_at = stop == TokenKind::kLiteral ? expected : stop;
          return parts;
        }
        part.range = Range(token.begin, tokens[*index - 1].end);
        break;
      }
      case TokenKind::kElse:
      case TokenKind::kEndIf:
      case TokenKind::kEndFor:
        *stopped_at = token.kind;
        return parts;
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace faultline::parsers::hcl
