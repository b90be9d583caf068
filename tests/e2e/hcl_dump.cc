// hcl_dump: prints faultline's parse of Terraform files in the JSON shape of @cdktf/hcl2json,
// one JSON object per input file per line, for the HCL oracle test (hcl_oracle.js).
//
//   hcl_dump [--files-from -] [FILE...]   one line per file:
//       {"path": ..., "ok": true, "value": {...}}  or  {"path": ..., "ok": false, "errors": [...]}
//   hcl_dump --benchmark [--repeat N] [--files-from -] [FILE...]
//       times tree-sitter parse-only and full ParseHcl over the files (read into memory first)
//
// The rendering follows hcl2json (github.com/tmccombs/hcl2json as vendored by cdktf): blocks are
// keyed by type then labels, each holding an array of bodies; attributes overwrite blocks of the
// same name; literal values are JSON values; templates render their literal text (with `${` and
// `%{` escaped as `$${` / `%%{`), interpolations as "${<source>}", and directives as
// "%{if <source>}...%{else}...%{endif}" / "%{for k, v in <source>}...%{endfor}"; any other
// expression renders as "${<source text>}".
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "parsers/tree_sitter/handles.h"
#include "parsers/tree_sitter/language.h"

namespace {

using faultline::engine::SourceFile;
using faultline::engine::Value;
using faultline::parsers::hcl::Block;
using faultline::parsers::hcl::Body;
using faultline::parsers::hcl::Expression;
using faultline::parsers::hcl::ExpressionKind;
using faultline::parsers::hcl::Operator;
using faultline::parsers::hcl::TemplatePart;
using Json = nlohmann::json;

// Thrown where hcl2json itself fails to convert (e.g. a block type used with and without labels).
struct ConvertError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Renderer {
 public:
  // `json`: the file is `.tf.json` / `.tfvars.json`, whose expression source text sits inside
  // JSON strings and is unescaped before rendering. `skeleton`: render, in place of every string
  // that hcl2json prints for an expression, the expression's operator skeleton (see Skeleton).
  Renderer(const SourceFile& file, bool json, bool skeleton)
      : text_(file.text()), json_(json), skeleton_(skeleton) {}

  Json RenderBody(const Body& body) const {
    Json out = Json::object();
    for (const Block& block : body.blocks) RenderBlock(block, &out);
    for (const auto& attribute : body.attributes) {
      out[attribute.name] = skeleton_ ? SkeletonOf(*attribute.value) : Render(*attribute.value);
    }
    return out;
  }

 private:
  void RenderBlock(const Block& block, Json* out) const {
    Json* current = out;
    std::string key = block.type;
    for (const std::string& label : block.labels) {
      if (current->contains(key)) {
        if (!(*current)[key].is_object()) throw ConvertError("unable to convert block " + key);
      } else {
        (*current)[key] = Json::object();
      }
      current = &(*current)[key];
      key = label;
    }
    Json value = RenderBody(block.body);
    if (current->contains(key)) {
      if (!(*current)[key].is_array()) throw ConvertError("unable to convert block " + key);
      (*current)[key].push_back(std::move(value));
    } else {
      (*current)[key] = Json::array({std::move(value)});
    }
  }

  // hcl2json's rangeSource: the expression's text, plus a directly following ')'.
  std::string Source(const Expression& e) const {
    uint32_t end = e.range.end;
    if (!json_ && end < text_.size() && text_[end] == ')') ++end;
    std::string_view source = text_.substr(e.range.begin, end - e.range.begin);
    return json_ ? JsonUnescape(source) : std::string(source);
  }

  // Decodes JSON string escapes (the text between a JSON string's quotes).
  static std::string JsonUnescape(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted.append(1, '"').append(text).append(1, '"');
    Json decoded = Json::parse(quoted, nullptr, false);
    return decoded.is_string() ? decoded.get<std::string>() : std::string(text);
  }
  std::string Wrap(const Expression& e) const { return "${" + Source(e) + "}"; }
  bool Parenthesized(const Expression& e) const {
    return e.range.begin < text_.size() && text_[e.range.begin] == '(';
  }

  static std::string Escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      out.push_back(text[i]);
      if ((text[i] == '$' || text[i] == '%') && i + 1 < text.size() && text[i + 1] == '{') {
        out.push_back(text[i]);
      }
    }
    return out;
  }

  static Json LiteralJson(const Value& value) {
    switch (value.kind()) {
      case Value::Kind::kBool:
        return value.as_bool();
      case Value::Kind::kNumber:
        return value.as_number();
      case Value::Kind::kString:
        return Escape(value.as_string());
      case Value::Kind::kList: {
        Json list = Json::array();
        for (const Value& element : value.as_list()) list.push_back(LiteralJson(element));
        return list;
      }
      case Value::Kind::kMap: {
        Json map = Json::object();
        for (const auto& [key, element] : value.as_map()) map[Escape(key)] = LiteralJson(element);
        return map;
      }
      default:
        return nullptr;
    }
  }

  static bool IsTemplatePassthrough(const Expression& e) {
    return e.parts.size() == 1 && e.parts[0].kind == TemplatePart::Kind::kInterpolation;
  }

  // hcl2json's convertExpression.
  Json Render(const Expression& e) const {
    bool paren = Parenthesized(e);
    switch (e.kind) {
      case ExpressionKind::kLiteral:
        return paren ? Json(Wrap(e)) : LiteralJson(e.literal);
      case ExpressionKind::kUnary: {
        const Expression& operand = *e.operands[0];
        bool literal_operand = operand.kind == ExpressionKind::kLiteral &&
                               !Parenthesized(operand) && !operand.literal.is_string();
        if (paren || !literal_operand) return Wrap(e);
        if (e.op == Operator::kNegate && operand.literal.is_number()) {
          return -operand.literal.as_number();
        }
        if (e.op == Operator::kNot && operand.literal.is_bool()) return !operand.literal.as_bool();
        return Wrap(e);
      }
      case ExpressionKind::kTemplate:
        if (paren) return Wrap(e);
        if (IsTemplatePassthrough(e)) return Render(*e.parts[0].expression);
        return RenderParts(e.parts);
      case ExpressionKind::kTuple: {
        if (paren) return Wrap(e);
        Json list = Json::array();
        for (const auto& operand : e.operands) list.push_back(Render(*operand));
        return list;
      }
      case ExpressionKind::kObject: {
        if (paren) return Wrap(e);
        Json map = Json::object();
        for (const auto& item : e.items) map[RenderKey(*item.key)] = Render(*item.value);
        return map;
      }
      default:
        return Wrap(e);
    }
  }

  static bool IsScopeTraversal(const Expression& e) {
    const Expression* current = &e;
    while (true) {
      switch (current->kind) {
        case ExpressionKind::kVariable:
          return true;
        case ExpressionKind::kGetAttr:
          current = current->operands[0].get();
          break;
        case ExpressionKind::kIndex:
          if (current->operands[1]->kind != ExpressionKind::kLiteral) return false;
          current = current->operands[0].get();
          break;
        default:
          return false;
      }
    }
  }

  // hcl2json's convertKey: traversals (and bare names) render as their source text.
  std::string RenderKey(const Expression& key) const {
    bool bare_name = key.kind == ExpressionKind::kLiteral && key.range.begin < text_.size() &&
                     text_[key.range.begin] != '"' && text_[key.range.begin] != '<' &&
                     key.literal.is_string();
    if (!Parenthesized(key) && (bare_name || IsScopeTraversal(key))) {
      return std::string(text_.substr(key.range.begin, key.range.end - key.range.begin));
    }
    return RenderPart(key);
  }

  static std::string NumberText(double number) { return faultline::engine::FormatNumber(number); }

  // hcl2json's convertStringPart: an expression inside a template.
  std::string RenderPart(const Expression& e) const {
    if (Parenthesized(e)) return Wrap(e);
    switch (e.kind) {
      case ExpressionKind::kLiteral:
        if (e.literal.is_string()) return Escape(e.literal.as_string());
        if (e.literal.is_number()) return NumberText(e.literal.as_number());
        if (e.literal.is_bool()) return e.literal.as_bool() ? "true" : "false";
        throw ConvertError("null in template");
      case ExpressionKind::kTemplate:
        if (IsTemplatePassthrough(e)) return RenderPart(*e.parts[0].expression);
        return RenderParts(e.parts);
      case ExpressionKind::kConditional: {
        std::string out = "%{if " + Source(*e.operands[0]) + "}" + RenderPart(*e.operands[1]);
        std::string otherwise = RenderPart(*e.operands[2]);
        if (!otherwise.empty()) out += "%{else}" + otherwise;
        return out + "%{endif}";
      }
      default:
        return Wrap(e);
    }
  }

  std::string RenderParts(const std::vector<TemplatePart>& parts) const {
    std::string out;
    for (const TemplatePart& part : parts) {
      switch (part.kind) {
        case TemplatePart::Kind::kLiteral:
          out += Escape(part.text);
          break;
        case TemplatePart::Kind::kInterpolation:
          out += RenderPart(*part.expression);
          break;
        case TemplatePart::Kind::kIf: {
          out += "%{if " + Source(*part.expression) + "}" + RenderParts(part.body);
          std::string otherwise = RenderParts(part.else_body);
          if (!otherwise.empty()) out += "%{else}" + otherwise;
          out += "%{endif}";
          break;
        }
        case TemplatePart::Kind::kFor:
          out += "%{for ";
          if (!part.key_var.empty()) out += part.key_var + ", ";
          out += part.value_var + " in " + Source(*part.expression) + "}" + RenderParts(part.body) +
                 "%{endfor}";
          break;
      }
    }
    return out;
  }

  static const char* OperatorName(Operator op) {
    switch (op) {
      case Operator::kAdd:
        return "add";
      case Operator::kSubtract:
        return "subtract";
      case Operator::kMultiply:
        return "multiply";
      case Operator::kDivide:
        return "divide";
      case Operator::kModulo:
        return "modulo";
      case Operator::kEqual:
        return "equal";
      case Operator::kNotEqual:
        return "notEqual";
      case Operator::kLess:
        return "lessThan";
      case Operator::kLessEqual:
        return "lessThanOrEqual";
      case Operator::kGreater:
        return "greaterThan";
      case Operator::kGreaterEqual:
        return "greaterThanOrEqual";
      case Operator::kAnd:
        return "logicalAnd";
      case Operator::kOr:
        return "logicalOr";
      case Operator::kNot:
        return "logicalNot";
      case Operator::kNegate:
        return "negate";
    }
    return "?";
  }

  static void Append(const std::string& part, std::string* out) {
    if (part.empty()) return;
    if (!out->empty()) out->push_back(',');
    out->append(part);
  }

  // The operator skeleton: operators and conditionals with their operands' skeletons, every
  // other node transparent (its children's skeletons joined in source order). hcl_oracle.js
  // computes the same from HCL's own syntax tree, so grouping and precedence are compared.
  static std::string Skeleton(const Expression& e) {
    std::string out;
    switch (e.kind) {
      case ExpressionKind::kBinary:
        return std::string(OperatorName(e.op)) + "(" + Skeleton(*e.operands[0]) + "|" +
               Skeleton(*e.operands[1]) + ")";
      case ExpressionKind::kUnary:
        return std::string(OperatorName(e.op)) + "(" + Skeleton(*e.operands[0]) + ")";
      case ExpressionKind::kConditional:
        return "conditional(" + Skeleton(*e.operands[0]) + "|" + Skeleton(*e.operands[1]) + "|" +
               Skeleton(*e.operands[2]) + ")";
      case ExpressionKind::kTemplate:
        return PartsSkeleton(e.parts);
      case ExpressionKind::kObject:
        for (const auto& item : e.items) {
          Append(Skeleton(*item.key), &out);
          Append(Skeleton(*item.value), &out);
        }
        return out;
      default:
        for (const auto& operand : e.operands) {
          if (operand != nullptr) Append(Skeleton(*operand), &out);
        }
        return out;
    }
  }

  static std::string PartsSkeleton(const std::vector<TemplatePart>& parts) {
    std::string out;
    for (const TemplatePart& part : parts) {
      switch (part.kind) {
        case TemplatePart::Kind::kLiteral:
          break;
        case TemplatePart::Kind::kInterpolation:
          Append(Skeleton(*part.expression), &out);
          break;
        case TemplatePart::Kind::kIf:
          Append("conditional(" + Skeleton(*part.expression) + "|" + PartsSkeleton(part.body) +
                     "|" + PartsSkeleton(part.else_body) + ")",
                 &out);
          break;
        case TemplatePart::Kind::kFor:
          Append(Skeleton(*part.expression), &out);
          Append(PartsSkeleton(part.body), &out);
          break;
      }
    }
    return out;
  }

  // Mirrors Render: the same JSON shape, with each string leaf replaced by the skeleton of the
  // expression it renders (literal strings: "") and other leaves by null.
  Json SkeletonOf(const Expression& e) const {
    bool paren = Parenthesized(e);
    switch (e.kind) {
      case ExpressionKind::kLiteral:
        if (paren) return Skeleton(e);
        return e.literal.is_string() ? Json("") : Json(nullptr);
      case ExpressionKind::kUnary: {
        const Expression& operand = *e.operands[0];
        bool folded = !paren && operand.kind == ExpressionKind::kLiteral &&
                      !Parenthesized(operand) &&
                      ((e.op == Operator::kNegate && operand.literal.is_number()) ||
                       (e.op == Operator::kNot && operand.literal.is_bool()));
        return folded ? Json(nullptr) : Json(Skeleton(e));
      }
      case ExpressionKind::kTemplate:
        if (!paren && IsTemplatePassthrough(e)) return SkeletonOf(*e.parts[0].expression);
        return Skeleton(e);
      case ExpressionKind::kTuple: {
        if (paren) return Skeleton(e);
        Json list = Json::array();
        for (const auto& operand : e.operands) list.push_back(SkeletonOf(*operand));
        return list;
      }
      case ExpressionKind::kObject: {
        if (paren) return Skeleton(e);
        Json map = Json::object();
        for (const auto& item : e.items) map[RenderKey(*item.key)] = SkeletonOf(*item.value);
        return map;
      }
      default:
        return Skeleton(e);
    }
  }

  std::string_view text_;
  bool json_;
  bool skeleton_;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

bool IsJsonPath(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".tf.json") || ends_with(".tfvars.json");
}

faultline::parsers::hcl::ConfigFile ParseAny(const std::string& path, const SourceFile& file) {
  using namespace faultline::parsers::hcl;
  if (path.size() >= 12 && path.compare(path.size() - 12, 12, ".tfvars.json") == 0) {
    return ParseTfvarsJson(file);
  }
  if (IsJsonPath(path)) return ParseTfJson(file);
  return ParseHcl(file);
}

Json DumpOne(const std::string& path) {
  Json line;
  line["path"] = path;
  std::string text;
  if (!ReadFile(path, &text)) {
    line["ok"] = false;
    line["errors"] = Json::array({"cannot read file"});
    return line;
  }
  SourceFile file(path, std::move(text));
  auto config = ParseAny(path, file);
  if (!config.ok()) {
    Json errors = Json::array();
    for (const auto& diagnostic : config.diagnostics) {
      auto start = diagnostic.range.start();
      errors.push_back(std::to_string(start.line + 1) + ":" + std::to_string(start.column + 1) +
                       ": " + diagnostic.message);
    }
    line["ok"] = false;
    line["errors"] = std::move(errors);
    return line;
  }
  try {
    line["value"] = Renderer(file, IsJsonPath(path), false).RenderBody(config.body);
    line["skeleton"] = Renderer(file, IsJsonPath(path), true).RenderBody(config.body);
    line["ok"] = true;
  } catch (const ConvertError& error) {
    line["ok"] = false;
    line["errors"] = Json::array({std::string("conversion: ") + error.what()});
  }
  return line;
}

int Benchmark(const std::vector<std::string>& paths, int repeat) {
  std::vector<std::unique_ptr<SourceFile>> files;
  uint64_t bytes = 0;
  for (const std::string& path : paths) {
    std::string text;
    if (!ReadFile(path, &text)) continue;
    bytes += text.size();
    files.push_back(std::make_unique<SourceFile>(path, std::move(text)));
  }
  // Thread CPU time: steadier than wall time on a shared machine.
  auto cpu_seconds = [] {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
  };
  double best_parse = std::numeric_limits<double>::max();
  double best_full = std::numeric_limits<double>::max();
  size_t blocks = 0;
  for (int round = 0; round < repeat; ++round) {
    double start = cpu_seconds();
    for (const auto& file : files) {
      auto parsed = faultline::parsers::tree_sitter::Parse(
          faultline::parsers::tree_sitter::HclLanguage(), file->text(), 0);
      if (parsed.tree == nullptr) std::fprintf(stderr, "no tree: %s\n", file->path().c_str());
    }
    best_parse = std::min(best_parse, cpu_seconds() - start);
    start = cpu_seconds();
    blocks = 0;
    for (const auto& file : files) {
      auto config = faultline::parsers::hcl::ParseHcl(*file);
      blocks += config.body.blocks.size();
    }
    best_full = std::min(best_full, cpu_seconds() - start);
  }
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("files: %zu, bytes: %llu (%.2f MB), top-level blocks: %zu, best of %d\n",
              files.size(), static_cast<unsigned long long>(bytes), mb, blocks, repeat);
  std::printf("tree-sitter parse only: %.3f s CPU  %.2f MB/s\n", best_parse, mb / best_parse);
  std::printf("ParseHcl (parse + model): %.3f s CPU  %.2f MB/s  (conversion adds %.1f%%)\n",
              best_full, mb / best_full, 100.0 * (best_full - best_parse) / best_parse);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  bool benchmark = false;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--benchmark") {
      benchmark = true;
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--files-from" && i + 1 < argc) {
      std::string list = argv[++i];
      std::ifstream file_stream;
      std::istream* in = &std::cin;
      if (list != "-") {
        file_stream.open(list);
        in = &file_stream;
      }
      for (std::string line; std::getline(*in, line);) {
        if (!line.empty()) paths.push_back(line);
      }
    } else {
      paths.push_back(arg);
    }
  }
  if (benchmark) return Benchmark(paths, repeat);
  for (const std::string& path : paths) {
    std::cout << DumpOne(path).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }
  return 0;
}
