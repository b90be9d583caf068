#include "tests/testing/fixtures.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "engine/file_provider.h"

namespace faultline::testing {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> SortedEntries(const fs::path& directory) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    if (it->path().filename().string().starts_with(".")) continue;
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

FixtureKind KindOf(const std::string& name) {
  if (name.starts_with("bad_")) return FixtureKind::kBad;
  if (name.starts_with("good_")) return FixtureKind::kGood;
  if (name.starts_with("unknown_")) return FixtureKind::kUnknown;
  return FixtureKind::kInvalid;
}

bool Annotatable(const fs::path& path) {
  std::string name = path.filename().string();
  for (const char* suffix : {".tf", ".tfvars", ".hcl", ".yaml", ".yml"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> AnnotatableFiles(const Fixture& fixture) {
  std::vector<fs::path> files;
  if (!fixture.is_directory) {
    files.emplace_back(fixture.path);
    return files;
  }
  std::error_code error;
  for (fs::recursive_directory_iterator it(fixture.path, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && Annotatable(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void PrintTo(const Fixture& fixture, std::ostream* out) { *out << fixture.path; }

std::string RuleNameFor(const std::string& category, const std::string& directory) {
  std::string name = category + "-" + directory;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

std::vector<std::pair<std::string, std::string>> DiscoverRuleDirectories(
    const std::string& rules_root) {
  std::vector<std::pair<std::string, std::string>> result;
  for (const fs::path& category : SortedEntries(rules_root)) {
    if (!fs::is_directory(category)) continue;
    for (const fs::path& rule : SortedEntries(category)) {
      if (!fs::is_directory(rule)) continue;
      result.emplace_back(category.filename().string(), rule.filename().string());
    }
  }
  return result;
}

std::vector<Fixture> DiscoverFixtures(const std::string& rules_root) {
  std::vector<Fixture> fixtures;
  for (const auto& [category, directory] : DiscoverRuleDirectories(rules_root)) {
    fs::path testdata = fs::path(rules_root) / category / directory / "testdata";
    if (!fs::is_directory(testdata)) continue;
    for (const fs::path& entry : SortedEntries(testdata)) {
      Fixture fixture;
      fixture.category = category;
      fixture.directory = directory;
      fixture.rule_name = RuleNameFor(category, directory);
      fixture.name = entry.filename().string();
      fixture.path = entry.lexically_normal().string();
      fixture.is_directory = fs::is_directory(entry);
      fixture.kind = KindOf(fixture.name);
      fixtures.push_back(std::move(fixture));
    }
  }
  return fixtures;
}

std::string FixtureTestName(const Fixture& fixture) {
  std::string name = fixture.rule_name + "_" + fixture.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

namespace {

// A `.expect` sidecar holds the expectations of a file that cannot carry comments (JSON state):
// `X.expect` describes X, one expectation per line: `LINE RULE-ID ["message substring"]`
// (1-based line); blank lines and `#` comments are skipped.
void AddSidecarExpectations(const Fixture& fixture, ParsedExpectations* all) {
  std::vector<fs::path> sidecars;
  if (!fixture.is_directory) return;
  std::error_code error;
  for (fs::recursive_directory_iterator it(fixture.path, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".expect") {
      sidecars.push_back(it->path());
    }
  }
  std::sort(sidecars.begin(), sidecars.end());
  for (const fs::path& sidecar : sidecars) {
    fs::path target = sidecar;
    target.replace_extension();
    const std::string target_path = engine::NormalizePath(target.string());
    std::istringstream lines(ReadText(sidecar));
    std::string line;
    uint32_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      Expectation e;
      e.file = target_path;
      e.annotation_line = number;
      fields >> e.line >> e.rule_id;
      if (!fields || e.line == 0 || e.rule_id.empty()) {
        all->errors.push_back(sidecar.string() + ":" + std::to_string(number) +
                              ": expected LINE RULE-ID [\"message\"]");
        continue;
      }
      std::string rest;
      std::getline(fields, rest);
      size_t open = rest.find('"');
      size_t close = rest.rfind('"');
      if (open != std::string::npos && close > open) {
        e.message_substring = rest.substr(open + 1, close - open - 1);
      }
      all->expectations.push_back(std::move(e));
    }
  }
}

}  // namespace

ParsedExpectations FixtureExpectations(const Fixture& fixture) {
  ParsedExpectations all;
  AddSidecarExpectations(fixture, &all);
  for (const fs::path& file : AnnotatableFiles(fixture)) {
    std::string path = engine::NormalizePath(file.string());
    ParsedExpectations parsed = ParseExpectations(path, ReadText(file));
    all.expectations.insert(all.expectations.end(), parsed.expectations.begin(),
                            parsed.expectations.end());
    all.errors.insert(all.errors.end(), parsed.errors.begin(), parsed.errors.end());
  }
  return all;
}

}  // namespace faultline::testing
