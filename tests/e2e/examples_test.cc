// End-to-end test of the README demo: runs the built `faultline scan examples` from the
// repository root and requires exactly the findings listed in examples/README.md (rule, file,
// line, resource), so neither the demo nor its documentation can silently rot.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout only
};

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

// Runs `faultline <arguments>` with the repository root as the working directory.
CommandResult RunFaultline(const std::string& arguments) {
  std::string command = "cd " + ShellQuote(FAULTLINE_SOURCE_DIR) + " && " +
                        ShellQuote(FAULTLINE_BINARY) + " " + arguments + " 2>/dev/null";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

struct ExpectedFinding {
  std::string file;
  int line = 0;
  std::string rule_id;
  std::string resource;
  friend bool operator<(const ExpectedFinding& a, const ExpectedFinding& b) {
    return std::tie(a.file, a.line, a.rule_id, a.resource) <
           std::tie(b.file, b.line, b.rule_id, b.resource);
  }
  friend bool operator==(const ExpectedFinding& a, const ExpectedFinding& b) {
    return std::tie(a.file, a.line, a.rule_id, a.resource) ==
           std::tie(b.file, b.line, b.rule_id, b.resource);
  }
  friend std::ostream& operator<<(std::ostream& out, const ExpectedFinding& f) {
    return out << f.file << ":" << f.line << " " << f.rule_id << " " << f.resource;
  }
};

// The rows of the "Expected findings" table of examples/README.md:
// | `examples/file.tf:12` | FL-XXX-0000 | `resource.address` | why |
std::vector<ExpectedFinding> ReadExpectedFindings() {
  std::ifstream in(std::string(FAULTLINE_SOURCE_DIR) + "/examples/README.md");
  std::vector<ExpectedFinding> expected;
  static const std::regex kRow(
      R"(^\| `([^`:]+):([0-9]+)` \| (FL-[A-Z]+-[0-9]{4}) \| `([^`]+)` \|.*\|\s*$)");
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Expected findings";
    std::smatch match;
    if (in_section && std::regex_match(line, match, kRow)) {
      expected.push_back({match[1], std::stoi(match[2]), match[3], match[4]});
    }
  }
  std::sort(expected.begin(), expected.end());
  return expected;
}

std::vector<ExpectedFinding> FindingsOf(const nlohmann::json& document) {
  std::vector<ExpectedFinding> found;
  for (const nlohmann::json& finding : document.at("findings")) {
    ExpectedFinding f;
    f.file = finding.at("file").is_string() ? finding.at("file").get<std::string>() : "";
    f.line =
        finding.at("range").is_object() ? finding.at("range").at("start").at("line").get<int>() : 0;
    f.rule_id = finding.at("rule_id").get<std::string>();
    f.resource =
        finding.at("resource").is_string() ? finding.at("resource").get<std::string>() : "";
    found.push_back(f);
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST(ExamplesTest, ReadmeListsTheExpectedFindings) {
  // Guards the table parser itself: the README lists six findings of four rules.
  std::vector<ExpectedFinding> expected = ReadExpectedFindings();
  ASSERT_EQ(expected.size(), 6u);
  for (const char* rule : {"FL-AWS-0001", "FL-IAM-0001", "FL-NET-0001", "FL-NET-0002"}) {
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const ExpectedFinding& f) {
      return f.rule_id == rule;
    })) << rule;
  }
}

TEST(ExamplesTest, JsonScanReportsExactlyTheReadmeFindings) {
  CommandResult result = RunFaultline("scan examples --format json");
  ASSERT_EQ(result.exit_code, 1) << "findings must make faultline exit 1\n" << result.output;
  nlohmann::json document = nlohmann::json::parse(result.output, nullptr, false);
  ASSERT_FALSE(document.is_discarded()) << result.output;
  EXPECT_EQ(document.at("errors"), nlohmann::json::array()) << result.output;
  EXPECT_EQ(FindingsOf(document), ReadExpectedFindings()) << result.output;
}

TEST(ExamplesTest, OutputIsTheSameForAnyJobs) {
  CommandResult one = RunFaultline("scan examples --format json --jobs 1");
  CommandResult two = RunFaultline("scan examples --format json --jobs 2");
  CommandResult four = RunFaultline("scan examples --format json --jobs 4");
  ASSERT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.output, two.output);
  EXPECT_EQ(one.output, four.output);
}

TEST(ExamplesTest, TextOutputNamesEveryFindingCompilerStyle) {
  CommandResult result = RunFaultline("scan examples/ --format text");
  ASSERT_EQ(result.exit_code, 1) << result.output;
  for (const ExpectedFinding& f : ReadExpectedFindings()) {
    // file:line:col: severity: message [ID]
    std::regex line_pattern("(^|\n)" + std::regex_replace(f.file, std::regex(R"([.])"), R"(\.)") +
                            ":" + std::to_string(f.line) + R"(:[0-9]+: [a-z]+: [^\n]*\[)" +
                            f.rule_id + R"(\])");
    EXPECT_TRUE(std::regex_search(result.output, line_pattern)) << f << "\n" << result.output;
  }
}

TEST(ExamplesTest, FailOnFollowsTheMostSevereFinding) {
  // --fail-on at the most severe level reported exits 1, one level above it exits 0, and
  // `none` always exits 0. The levels come from the JSON report itself.
  const std::vector<std::string> levels = {"info", "low", "medium", "high", "critical"};
  CommandResult json = RunFaultline("scan examples --format json");
  nlohmann::json document = nlohmann::json::parse(json.output, nullptr, false);
  ASSERT_FALSE(document.is_discarded()) << json.output;
  int most_severe = -1;
  for (const nlohmann::json& finding : document.at("findings")) {
    auto it = std::find(levels.begin(), levels.end(), finding.at("severity").get<std::string>());
    ASSERT_NE(it, levels.end()) << finding;
    most_severe = std::max(most_severe, static_cast<int>(it - levels.begin()));
  }
  ASSERT_GE(most_severe, 0);
  EXPECT_EQ(RunFaultline("scan examples --fail-on " + levels[most_severe]).exit_code, 1);
  if (most_severe + 1 < static_cast<int>(levels.size())) {
    EXPECT_EQ(RunFaultline("scan examples --fail-on " + levels[most_severe + 1]).exit_code, 0);
  }
  EXPECT_EQ(RunFaultline("scan examples --fail-on none").exit_code, 0);
}

}  // namespace
