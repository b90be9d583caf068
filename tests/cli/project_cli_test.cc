// The project features through the command line, in process: .faultline.yaml errors (exit 2),
// suppression counts, `baseline create` / `scan --baseline` round trips, custom rules in
// `rules list/show`, declared options in the catalog, and the documented custom-rule examples
// of docs/custom-rules.md run exactly as written.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "cli/rules_catalog.h"
#include "tests/testing/annotations.h"

namespace faultline::cli {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

CliRun Faultline(std::vector<std::string> args) {
  std::ostringstream out, err;
  Environment env{out, err, false, {}, nullptr};
  std::vector<const char*> argv = {"faultline"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  CliRun run;
  run.status = RunFaultline(static_cast<int>(argv.size()), argv.data(), env);
  run.out = out.str();
  run.err = err.str();
  return run;
}

class Project {
 public:
  Project() {
    std::string pattern = (fs::temp_directory_path() / "faultline-project-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
    fs::create_directories(root_ / ".git");  // config discovery stops here
  }
  ~Project() { fs::remove_all(root_); }
  std::string Write(const std::string& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  std::string Path(const std::string& relative = "") const {
    return relative.empty() ? root_.string() : (root_ / relative).string();
  }

 private:
  fs::path root_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char kRule[] = R"(custom_rules:
  - id: ACME-1
    name: acme-flagged
    severity: high
    message: "{name} is flagged"
    match: {resource_types: [aws_s3_bucket]}
    condition: {attribute: flagged, equals: true}
)";

std::string Bucket(const std::string& name) {
  return "resource \"aws_s3_bucket\" \"" + name + "\" {\n  flagged = true\n}\n";
}

TEST(ProjectCliTest, ConfigurationErrorsExitWithStatusTwo) {
  Project p;
  p.Write(".faultline.yaml", "disable: []\nexlude: [x]\n");
  p.Write("main.tf", Bucket("a"));
  CliRun run = Faultline({"scan", p.Path()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(p.Path(".faultline.yaml") + ":2:1: unknown key \"exlude\""),
            std::string::npos)
      << run.err;
  // --no-config ignores it; --config picks another file.
  EXPECT_NE(Faultline({"scan", p.Path(), "--no-config", "--fail-on", "none"}).status, 2);
  p.Write("other.yaml", "disable: [no-such-rule]\n");
  CliRun other = Faultline({"scan", p.Path(), "--config", p.Path("other.yaml")});
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("other.yaml:1:11: unknown rule \"no-such-rule\""), std::string::npos)
      << other.err;
}

TEST(ProjectCliTest, CustomRulesAppearInRulesListAndShow) {
  Project p;
  std::string config = p.Write("cfg.yaml", kRule);
  CliRun list = Faultline({"rules", "list", "--config", config});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_NE(list.out.find("ACME-1"), std::string::npos);
  CliRun show = Faultline({"rules", "show", "acme-flagged", "--config", config});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_TRUE(show.out.starts_with("ACME-1  acme-flagged  (high)")) << show.out;
  p.Write("rules/r.yaml",
          "id: ACME-2\nseverity: low\nmessage: m\nmatch: {kinds: [Pod]}\n"
          "condition: {attribute: spec, exists: true}\n");
  CliRun from_dir = Faultline({"rules", "show", "ACME-2", "--rules", p.Path("rules")});
  EXPECT_EQ(from_dir.status, 0) << from_dir.err;
}

TEST(ProjectCliTest, SuppressedFindingsAreCountedInTheSummary) {
  Project p;
  p.Write(".faultline.yaml", kRule);
  p.Write("main.tf", "# faultline:ignore ACME-1 -- test bucket\n" + Bucket("a") + Bucket("b"));
  CliRun run = Faultline({"scan", p.Path(), "-f", "json", "--rule", "ACME-1"});
  EXPECT_EQ(run.status, 1) << run.err;
  nlohmann::json report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["resource"], "aws_s3_bucket.b");
  EXPECT_EQ(report["summary"]["suppressed"], 1);
  EXPECT_EQ(report["summary"]["baselined"], 0);
  CliRun text = Faultline({"scan", p.Path(), "--rule", "ACME-1"});
  EXPECT_NE(text.out.find("; 1 suppressed inline"), std::string::npos) << text.out;
}

TEST(ProjectCliTest, BaselineRoundTripSurvivesMovesButNotRenames) {
  Project p;
  p.Write(".faultline.yaml", kRule);
  p.Write("main.tf", Bucket("a") + Bucket("b"));
  std::string baseline = p.Path("baseline.json");
  CliRun create = Faultline({"baseline", "create", p.Path(), "-o", baseline, "--rule", "ACME-1"});
  ASSERT_EQ(create.status, 0) << create.err;
  EXPECT_EQ(create.out, "wrote 2 findings to " + baseline + "\n");
  nlohmann::json document = nlohmann::json::parse(ReadFile(baseline));
  EXPECT_EQ(document["schema_version"], 1);
  ASSERT_EQ(document["findings"].size(), 2u);
  EXPECT_EQ(document["findings"][0]["rule_id"], "ACME-1");
  EXPECT_EQ(document["findings"][0]["resource"], "aws_s3_bucket.a");
  EXPECT_EQ(document["findings"][0]["message"], "a is flagged");

  CliRun hidden =
      Faultline({"scan", p.Path(), "--rule", "ACME-1", "--baseline", baseline, "-f", "json"});
  EXPECT_EQ(hidden.status, 0) << hidden.err;
  nlohmann::json report = nlohmann::json::parse(hidden.out);
  EXPECT_TRUE(report["findings"].empty());
  EXPECT_EQ(report["summary"]["baselined"], 2);

  // Move bucket b down 20 lines: still hidden.
  p.Write("main.tf", Bucket("a") + std::string(20, '\n') + Bucket("b"));
  CliRun moved = Faultline({"scan", p.Path(), "--rule", "ACME-1", "--baseline", baseline});
  EXPECT_EQ(moved.status, 0) << moved.out;
  EXPECT_NE(moved.out.find("2 hidden by the baseline"), std::string::npos) << moved.out;

  // Rename bucket b: a new finding.
  p.Write("main.tf", Bucket("a") + Bucket("c"));
  CliRun renamed =
      Faultline({"scan", p.Path(), "--rule", "ACME-1", "--baseline", baseline, "-f", "json"});
  EXPECT_EQ(renamed.status, 1);
  nlohmann::json after = nlohmann::json::parse(renamed.out);
  ASSERT_EQ(after["findings"].size(), 1u);
  EXPECT_EQ(after["findings"][0]["resource"], "aws_s3_bucket.c");
  EXPECT_EQ(after["summary"]["baselined"], 1);
}

// Fingerprints hash paths relative to the git work tree (cli/scan_command.cc), so a baseline
// written by a scan of the repository from outside it hides the same findings in a scan of a
// subdirectory run from inside it: Terraform findings (module directory) and secrets (file path).
TEST(ProjectCliTest, BaselineMatchesWhereverTheScanRunsFrom) {
  Project p;
  p.Write(".faultline.yaml", kRule);
  p.Write("infra/main.tf", Bucket("a"));
  p.Write("infra/deploy.env", "GITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n");
  const std::string baseline = p.Path("baseline.json");
  const fs::path before = fs::current_path();
  fs::current_path(fs::temp_directory_path());
  CliRun create = Faultline({"baseline", "create", p.Path("infra"), "-o", baseline, "--rule",
                             "ACME-1", "--rule", "FL-SEC-0004"});
  ASSERT_EQ(create.status, 0) << create.err;
  EXPECT_EQ(create.out, "wrote 2 findings to " + baseline + "\n");
  std::vector<std::pair<fs::path, std::string>> runs = {
      {p.Path("infra"), "."}, {p.Path(), "infra"}, {p.Path("infra"), "../infra/"}};
  for (const auto& [cwd, path] : runs) {
    fs::current_path(cwd);
    CliRun scan = Faultline({"scan", path, "--rule", "ACME-1", "--rule", "FL-SEC-0004",
                             "--baseline", baseline, "-f", "json"});
    EXPECT_EQ(scan.status, 0) << cwd << " " << path << "\n" << scan.out << scan.err;
    nlohmann::json report = nlohmann::json::parse(scan.out);
    EXPECT_TRUE(report["findings"].empty()) << cwd << " " << path << "\n" << scan.out;
    EXPECT_EQ(report["summary"]["baselined"], 2) << cwd << " " << path;
  }
  fs::current_path(before);
}

TEST(ProjectCliTest, BadBaselineIsAnError) {
  Project p;
  p.Write("main.tf", Bucket("a"));
  std::string baseline = p.Write("b.json", "{\"findings\": []}");
  CliRun run = Faultline({"scan", p.Path(), "--baseline", baseline});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("unsupported baseline schema_version"), std::string::npos) << run.err;
  EXPECT_EQ(Faultline({"scan", p.Path(), "--baseline", p.Path("missing.json")}).status, 2);
}

TEST(ProjectCliTest, CatalogListsDeclaredOptions) {
  engine::RuleMetadata rule;
  rule.id = "FL-TST-0001";
  rule.name = "tst-options";
  rule.title = "t";
  rule.options = {{"min_azs", engine::RuleOptionType::kInt, "2", "Minimum zones."},
                  {"tags", engine::RuleOptionType::kStringList, "owner,team", "Tags."}};
  std::string details = RenderRuleDetails(rule);
  EXPECT_NE(details.find("  min_azs (int, default 2): Minimum zones.\n"), std::string::npos)
      << details;
  EXPECT_NE(details.find("  tags (string list, default [owner, team]): Tags.\n"), std::string::npos)
      << details;
  std::string markdown = RenderRulesMarkdown({&rule});
  EXPECT_NE(markdown.find("| `min_azs` | int | `2` | Minimum zones. |"), std::string::npos)
      << markdown;
  nlohmann::json json = nlohmann::json::parse(RenderRulesJson({&rule}));
  EXPECT_EQ(json[0]["options"][1]["default"], "[owner, team]");
}

// docs/custom-rules.md: `<!-- example: NAME -->`, then a YAML block (the rule file) and a block
// to scan (hcl: main.tf, yaml: manifests.yaml) whose `# expect:` comments are the findings.
struct DocExample {
  std::string name, rule, input_language, input;
};

std::vector<DocExample> DocExamples(const std::string& markdown) {
  std::vector<DocExample> out;
  const std::string marker = "<!-- example: ";
  size_t at = markdown.find(marker);
  while (at != std::string::npos) {
    DocExample example;
    size_t end = markdown.find(" -->", at);
    example.name = markdown.substr(at + marker.size(), end - at - marker.size());
    auto block = [&](size_t from, std::string* language, std::string* body) {
      size_t open = markdown.find("```", from);
      size_t eol = markdown.find('\n', open);
      *language = markdown.substr(open + 3, eol - open - 3);
      size_t close = markdown.find("\n```", eol);
      *body = markdown.substr(eol + 1, close - eol);
      return close + 4;
    };
    std::string rule_language;
    size_t next = block(end, &rule_language, &example.rule);
    EXPECT_EQ(rule_language, "yaml") << example.name;
    block(next, &example.input_language, &example.input);
    out.push_back(example);
    at = markdown.find(marker, end);
  }
  return out;
}

TEST(ProjectCliTest, DocumentedCustomRuleExamplesWork) {
  std::vector<DocExample> examples =
      DocExamples(ReadFile(std::string(FAULTLINE_SOURCE_DIR) + "/docs/custom-rules.md"));
  ASSERT_EQ(examples.size(), 3u);
  for (const DocExample& example : examples) {
    SCOPED_TRACE(example.name);
    Project p;
    p.Write("rules/" + example.name + ".yaml", example.rule);
    std::string input_name = example.input_language == "hcl" ? "main.tf" : "manifests.yaml";
    std::string input = p.Write("src/" + input_name, example.input);
    // The rule's id: the first `id:` of the rule file.
    size_t id_at = example.rule.find("id: ");
    std::string id = example.rule.substr(id_at + 4, example.rule.find('\n', id_at) - id_at - 4);
    CliRun run = Faultline({"scan", p.Path("src"), "--rules", p.Path("rules"), "--rule", id, "-f",
                            "json", "--fail-on", "none"});
    ASSERT_EQ(run.status, 0) << run.err;
    nlohmann::json report = nlohmann::json::parse(run.out);
    testing::ParsedExpectations expected = testing::ParseExpectations(input, example.input);
    ASSERT_TRUE(expected.errors.empty()) << expected.errors[0];
    ASSERT_FALSE(expected.expectations.empty());
    std::vector<std::string> want, got;
    for (const testing::Expectation& e : expected.expectations) {
      want.push_back(std::to_string(e.line) + " " + e.rule_id);
    }
    for (const auto& f : report["findings"]) {
      std::string rule_id = f["rule_id"];
      got.push_back(std::to_string(f["range"]["start"]["line"].get<int>()) + " " + rule_id);
      for (const testing::Expectation& e : expected.expectations) {
        if (e.line == f["range"]["start"]["line"].get<uint32_t>() && !e.message_substring.empty()) {
          EXPECT_NE(f["message"].get<std::string>().find(e.message_substring), std::string::npos)
              << f["message"];
        }
      }
    }
    EXPECT_EQ(got, want);
  }
}

}  // namespace
}  // namespace faultline::cli
