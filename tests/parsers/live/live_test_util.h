// Shared helpers for the parsers/live tests: loading fixtures and finding resources.
#ifndef FAULTLINE_TESTS_PARSERS_LIVE_LIVE_TEST_UTIL_H_
#define FAULTLINE_TESTS_PARSERS_LIVE_LIVE_TEST_UTIL_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/live/live_loader.h"

namespace faultline::parsers::live::testing {

inline std::string FixturePath(const std::string& relative) {
  return std::string(FAULTLINE_LIVE_TESTDATA) + "/" + relative;
}

inline std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A loaded export: the SourceFile stays alive as long as the result that points into it.
struct Loaded {
  std::unique_ptr<engine::SourceFile> file;
  LiveLoadResult result;

  const engine::Resource* Find(const std::string& address) const {
    for (const engine::Resource& r : result.resources) {
      if (r.address == address) return &r;
    }
    return nullptr;
  }
  // The text of the file covered by a range.
  std::string Text(engine::SourceRange range) const {
    return file->text().substr(range.begin, range.end - range.begin);
  }
  // 1-based "line:col" of a range's start, as reporters print it.
  static std::string LineCol(engine::SourceRange range) {
    engine::Position p = range.start();
    return std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1);
  }
};

inline Loaded LoadText(const std::string& path, std::string text, LiveOptions options = {}) {
  Loaded loaded;
  loaded.file = std::make_unique<engine::SourceFile>(path, std::move(text));
  loaded.result = LoadLiveExport(*loaded.file, options);
  return loaded;
}

inline Loaded LoadFixture(const std::string& relative, LiveOptions options = {}) {
  if (options.module_dir.empty()) options.module_dir = "snapshot";
  return LoadText(relative, ReadFileText(FixturePath(relative)), std::move(options));
}

// The strings of a list Value, in order.
inline std::vector<std::string> Strings(const engine::Value* list) {
  std::vector<std::string> out;
  if (list == nullptr || !list->is_list()) return out;
  for (const engine::Value& v : list->as_list()) out.push_back(v.is_string() ? v.as_string() : "?");
  return out;
}

inline std::vector<std::string> RuleIds(const std::vector<engine::Finding>& findings) {
  std::vector<std::string> out;
  for (const engine::Finding& f : findings) out.push_back(f.rule_id);
  return out;
}

}  // namespace faultline::parsers::live::testing

#endif  // FAULTLINE_TESTS_PARSERS_LIVE_LIVE_TEST_UTIL_H_
