// Test helpers for the evaluator and function library: a fake reference resolver serving
// var.*, local.* and resource instances (open maps), an in-memory FileProvider, and a fixture
// that parses expressions with the real HCL parser and renders values compactly.
#ifndef FAULTLINE_TESTS_ENGINE_EVAL_EVAL_TEST_UTIL_H_
#define FAULTLINE_TESTS_ENGINE_EVAL_EVAL_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/eval/functions.h"
#include "engine/file_provider.h"
#include "engine/limits.h"
#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/hcl/parser.h"

namespace faultline::engine::eval::testing {

// Serves var.NAME and local.NAME from maps, and TYPE.NAME from `resources` (usually open maps
// standing for resource instances). Anything else is Unknown. Records every traversal it saw.
class FakeResolver : public ReferenceResolver {
 public:
  std::map<std::string, Value> vars;
  std::map<std::string, Value> locals;
  std::map<std::string, Value> resources;  // "aws_instance.web" -> value
  std::vector<std::string> seen;

  Value Resolve(const Traversal& traversal, size_t* consumed) override {
    std::string text = traversal.root;
    for (const TraversalStep& step : traversal.steps) {
      text += step.is_index ? "[" + step.key.ToDisplayString() + "]" : "." + step.attribute;
    }
    seen.push_back(text);
    *consumed = 0;
    if (traversal.steps.empty() || traversal.steps[0].is_index) {
      return Value::Unknown("unresolved reference " + traversal.root, traversal.range);
    }
    const std::string& name = traversal.steps[0].attribute;
    const std::map<std::string, Value>* table = nullptr;
    std::string key = name;
    if (traversal.root == "var") {
      table = &vars;
    } else if (traversal.root == "local") {
      table = &locals;
    } else {
      table = &resources;
      key = traversal.root + "." + name;
    }
    auto it = table->find(key);
    if (it == table->end()) {
      return Value::Unknown("unresolved reference " + traversal.root + "." + name, traversal.range,
                            traversal.root + "." + name);
    }
    *consumed = 1;
    return it->second;
  }
};

// An in-memory file tree: paths are normalised, directories are implied by file paths.
class MemoryFileProvider : public FileProvider {
 public:
  std::map<std::string, std::string> files;

  EntryType Stat(const std::string& path) const override {
    std::string p = NormalizePath(path);
    if (files.count(p)) return EntryType::kFile;
    std::string prefix = p == "." ? "" : p + "/";
    for (const auto& [name, text] : files) {
      if (name.compare(0, prefix.size(), prefix) == 0) return EntryType::kDirectory;
    }
    return EntryType::kMissing;
  }
  std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                            std::string* error) const override {
    std::string p = NormalizePath(path);
    std::string prefix = p == "." ? "" : p + "/";
    std::map<std::string, EntryType> entries;
    for (const auto& [name, text] : files) {
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      std::string rest = name.substr(prefix.size());
      size_t slash = rest.find('/');
      if (slash == std::string::npos) {
        entries[rest] = EntryType::kFile;
      } else {
        entries[rest.substr(0, slash)] = EntryType::kDirectory;
      }
    }
    std::vector<DirectoryEntry> out;
    for (const auto& [name, type] : entries) out.push_back(DirectoryEntry{name, type, false});
    if (out.empty() && error != nullptr) *error = "no such directory";
    return out;
  }
  ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const override {
    ReadResult result;
    auto it = files.find(NormalizePath(path));
    if (it == files.end()) {
      result.status = ReadResult::Status::kMissing;
      result.error = "no such file";
      return result;
    }
    result.size = it->second.size();
    if (it->second.size() > max_bytes) {
      result.status = ReadResult::Status::kTooLarge;
      return result;
    }
    result.status = ReadResult::Status::kOk;
    result.text = it->second;
    return result;
  }
  std::string CanonicalPath(const std::string& path) const override { return NormalizePath(path); }
};

// Compact rendering: JSON-like, strings quoted, Unknown as "?".
inline std::string Render(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::kNumber:
      return FormatNumber(v.as_number());
    case Value::Kind::kString:
      return "\"" + v.as_string() + "\"";
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        if (i) out += ",";
        out += Render(v.as_list()[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, e] : v.as_map()) {
        if (!first) out += ",";
        first = false;
        out += k + "=" + Render(e);
      }
      return out + "}";
    }
    case Value::Kind::kUnknown:
      return "?";
  }
  return "";
}

class EvalTest : public ::testing::Test {
 protected:
  EvalTest() {
    context_.resolver = &resolver_;
    context_.limits = &limits_;
    context_.files = &files_;
    context_.module_dir = "mod";
    context_.diagnostics = &diagnostics_;
  }

  // Parses `text` as one expression; the expression and its source stay alive for the test.
  const parsers::hcl::Expression& Parse(const std::string& text) {
    sources_.push_back(std::make_unique<SourceFile>("test.tf", text));
    std::vector<parsers::hcl::ParseDiagnostic> parse_errors;
    expressions_.push_back(parsers::hcl::ParseExpression(*sources_.back(), &parse_errors));
    EXPECT_TRUE(parse_errors.empty()) << "parse error in: " << text << ": "
                                      << (parse_errors.empty() ? "" : parse_errors[0].message);
    return *expressions_.back();
  }

  Value Eval(const std::string& text) {
    diagnostics_.clear();
    context_.steps = 0;
    context_.depth = 0;
    return EvaluateExpression(Parse(text), context_);
  }

  // Evaluates and renders; fails the test when a diagnostic was produced.
  std::string Ok(const std::string& text) {
    Value v = Eval(text);
    EXPECT_TRUE(diagnostics_.empty())
        << text << " -> " << (diagnostics_.empty() ? "" : diagnostics_[0].message);
    return Render(v);
  }

  // Evaluates expecting an error diagnostic; returns its message ("" when there was none).
  std::string Err(const std::string& text) {
    Value v = Eval(text);
    EXPECT_TRUE(v.is_unknown()) << text << " gave " << Render(v);
    if (diagnostics_.empty()) {
      ADD_FAILURE() << "expected an error for: " << text;
      return "";
    }
    return diagnostics_[0].message;
  }

  // Evaluates expecting Unknown without any diagnostic; returns the Unknown's reason.
  std::string Unk(const std::string& text) {
    Value v = Eval(text);
    EXPECT_TRUE(v.is_unknown()) << text << " gave " << Render(v);
    EXPECT_TRUE(diagnostics_.empty())
        << text << " -> " << (diagnostics_.empty() ? "" : diagnostics_[0].message);
    return v.is_unknown() ? v.unknown().reason : "";
  }

  bool HasLimitDiagnostic() const {
    for (const EvalDiagnostic& d : diagnostics_) {
      if (d.limit_exceeded) return true;
    }
    return false;
  }

  FakeResolver resolver_;
  MemoryFileProvider files_;
  Limits limits_;
  EvalContext context_;
  std::vector<EvalDiagnostic> diagnostics_;
  std::deque<std::unique_ptr<SourceFile>> sources_;
  std::deque<parsers::hcl::ExpressionPtr> expressions_;
};

}  // namespace faultline::engine::eval::testing

#endif  // FAULTLINE_TESTS_ENGINE_EVAL_EVAL_TEST_UTIL_H_
