// The HCL syntax model: files, bodies, attributes, blocks and expressions with exact ranges.
//
// Produced by the parsers (native HCL through tree-sitter, and `.tf.json`), consumed by the
// evaluator in engine/eval. The model is a plain owning tree: no tree-sitter types leak out of
// the parser. Ranges are byte ranges into the SourceFile the ConfigFile points at; JSON string
// templates are parsed as HCL templates and their sub-ranges map into the JSON string.
// A ConfigFile is immutable after parsing and may be read from many threads.
#ifndef FAULTLINE_PARSERS_HCL_SYNTAX_H_
#define FAULTLINE_PARSERS_HCL_SYNTAX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source_file.h"
#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::parsers::hcl {

using engine::SourceRange;

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

enum class ExpressionKind : uint8_t {
  kLiteral,       // literal: null, bool, number or string (a quoted string without interpolation)
  kTemplate,      // parts: quoted string or heredoc with ${...} / %{...}
  kVariable,      // name: a root name such as var, local, aws_subnet, each, count, self, path
  kGetAttr,       // operands[0].name
  kIndex,         // operands[0][operands[1]] (also the legacy `.0` index, as a literal key)
  kSplat,         // operands[0] is the source; operands[1] is applied to each element and is
                  // rooted at a kSplatAnchor. flag: full splat `[*]` (true) or attribute `.*`.
  kSplatAnchor,   // the current element inside a splat's operands[1]
  kFunctionCall,  // name(operands...); flag: the last argument is expanded with `...`
  kConditional,   // operands[0] ? operands[1] : operands[2]
  kBinary,        // operands[0] op operands[1]
  kUnary,         // op operands[0]
  kTuple,         // [operands...]
  kObject,        // { items... }
  kFor,           // [for key_var, value_var in operands[0] : operands[2] if operands[3]]
                  // {for ... : operands[1] => operands[2] ...}; operands[1] and [3] may be null.
                  // for_object: builds an object; flag: grouping mode (`...`).
  kInvalid,       // a syntax error in the expression; evaluates to Unknown
};

enum class Operator : uint8_t {
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kAnd,
  kOr,
  kNot,
  kNegate,  // unary
};

// A piece of a template. Literal text has escapes (`$${`, `%%{`, `\n` in quoted strings)
// already decoded and strip markers (`~`) already applied; heredoc `<<-` indentation removed.
struct TemplatePart {
  enum class Kind : uint8_t { kLiteral, kInterpolation, kIf, kFor };
  Kind kind = Kind::kLiteral;
  SourceRange range;
  std::string text;                     // kLiteral
  ExpressionPtr expression;             // kInterpolation: value; kIf: condition; kFor: collection
  std::string key_var, value_var;       // kFor (key_var empty when only one variable)
  std::vector<TemplatePart> body;       // kIf: then-branch; kFor: loop body
  std::vector<TemplatePart> else_body;  // kIf: else-branch
};

struct ObjectItem {
  // A bare identifier key (`{ a = 1 }`) is a kLiteral string; `(expr)` or other keys are
  // expressions to evaluate.
  ExpressionPtr key;
  ExpressionPtr value;
  SourceRange range;
};

// The parts of an Expression that only kFor and kInvalid nodes use, kept out of line so the
// common nodes (literals, variables, attribute accesses, calls) stay small.
struct ExpressionDetail {
  std::string key_var, value_var;  // kFor (key_var empty when only one variable)
  std::string error;               // kInvalid: what was wrong
};

struct Expression {
  ExpressionKind kind = ExpressionKind::kInvalid;
  Operator op = Operator::kAdd;  // kBinary, kUnary
  bool flag = false;             // see ExpressionKind
  bool for_object = false;       // kFor
  SourceRange range;
  engine::Value literal;                     // kLiteral
  std::string name;                          // kVariable, kGetAttr, kFunctionCall
  std::vector<ExpressionPtr> operands;       // see ExpressionKind
  std::vector<ObjectItem> items;             // kObject
  std::vector<TemplatePart> parts;           // kTemplate
  std::unique_ptr<ExpressionDetail> detail;  // null unless a for variable or an error is set

  // kFor: the loop variables (key_var empty when only one variable); kInvalid: what was wrong.
  // Empty when not set.
  const std::string& key_var() const { return detail ? detail->key_var : EmptyString(); }
  const std::string& value_var() const { return detail ? detail->value_var : EmptyString(); }
  const std::string& error() const { return detail ? detail->error : EmptyString(); }
  void set_for_vars(std::string key_var, std::string value_var);
  void set_error(std::string error);

 private:
  static const std::string& EmptyString();
};

struct Block;

struct Attribute {
  std::string name;
  SourceRange name_range;
  SourceRange range;  // from the name to the end of the value expression
  ExpressionPtr value;
};

struct Body {
  std::vector<Attribute> attributes;  // in source order
  std::vector<Block> blocks;          // in source order
  SourceRange range;

  // First attribute / block with this name or type; nullptr when absent.
  const Attribute* FindAttribute(std::string_view name) const;
  const Block* FindBlock(std::string_view type) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  std::vector<SourceRange> label_ranges;
  SourceRange type_range;
  SourceRange header_range;  // from the type to the last label
  SourceRange range;         // the whole block, braces included
  Body body;
};

// A syntax error: `range` points at the first ERROR or MISSING node (or JSON error position).
struct ParseDiagnostic {
  SourceRange range;
  std::string message;
  bool file_skipped = false;  // a resource limit stopped the parse: nothing of the file was read
};

struct ConfigFile {
  const engine::SourceFile* file = nullptr;
  Body body;
  std::vector<ParseDiagnostic> diagnostics;  // empty when the file parsed cleanly
  bool from_json = false;

  bool ok() const { return diagnostics.empty(); }
};

}  // namespace faultline::parsers::hcl

#endif  // FAULTLINE_PARSERS_HCL_SYNTAX_H_
