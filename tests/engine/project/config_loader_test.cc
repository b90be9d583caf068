// .faultline.yaml: the loader's view (shape, every error at its line:col) and discovery.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "engine/project/config_loader.h"

namespace faultline::engine::project {
namespace {

std::vector<std::string> Errors(const std::string& text) {
  std::vector<std::string> out;
  for (const ConfigError& e : ParseProjectConfig(".faultline.yaml", text).errors) {
    out.push_back(FormatConfigError(e));
  }
  return out;
}

TEST(ConfigLoaderTest, ReadsEveryKey) {
  ConfigLoadResult r = ParseProjectConfig(".faultline.yaml", R"(version: 1
enable: [FL-AWS-0001]
disable: [FL-K8S-0003, k8s-missing-pdb]
rules:
  FL-AWS-0010:
    severity: critical
    options: {min_azs_stateless: 2}
required_tags: [owner, team]
availability_zones: {stateful: 2, stateless: 3}
paths:
  "legacy/**": {disable: [FL-AWS-0001]}
exclude: ["vendor/**"]
secrets:
  allowlist:
    paths: ["testdata/**"]
    regexes: ["^AKIAEXAMPLE"]
    fingerprints: ["0123456789abcdef"]
)");
  ASSERT_TRUE(r.errors.empty()) << FormatConfigError(r.errors[0]);
  const ProjectConfig& c = r.config;
  ASSERT_TRUE(c.enable.has_value());
  EXPECT_EQ((*c.enable)[0].text, "FL-AWS-0001");
  ASSERT_EQ(c.disable.size(), 2u);
  EXPECT_EQ(c.disable[1].text, "k8s-missing-pdb");
  EXPECT_EQ(c.disable[1].where.line, 3u);
  EXPECT_EQ(c.disable[1].where.column, 24u);
  ASSERT_EQ(c.rules.size(), 1u);
  EXPECT_EQ(c.rules[0].rule.text, "FL-AWS-0010");
  EXPECT_EQ(c.rules[0].severity, Severity::kCritical);
  ASSERT_EQ(c.rules[0].options.size(), 1u);
  EXPECT_EQ(c.rules[0].options[0].name, "min_azs_stateless");
  EXPECT_EQ(c.rules[0].options[0].value.as_number(), 2);
  EXPECT_EQ(*c.required_tags, (std::vector<std::string>{"owner", "team"}));
  EXPECT_EQ(c.min_azs_stateful, 2);
  EXPECT_EQ(c.min_azs_stateless, 3);
  ASSERT_EQ(c.path_disables.size(), 1u);
  EXPECT_EQ(c.path_disables[0].glob, "legacy/**");
  EXPECT_EQ(c.exclude, std::vector<std::string>{"vendor/**"});
  EXPECT_EQ(c.secret_allowlist.path_globs, std::vector<std::string>{"testdata/**"});
  EXPECT_EQ(c.secret_allowlist.regexes, std::vector<std::string>{"^AKIAEXAMPLE"});
  EXPECT_EQ(c.secret_allowlist.fingerprints, std::vector<std::string>{"0123456789abcdef"});
}

TEST(ConfigLoaderTest, EmptyFileIsAnEmptyConfiguration) {
  ConfigLoadResult r = ParseProjectConfig(".faultline.yaml", "# nothing yet\n");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.config.disable.empty());
}

TEST(ConfigLoaderTest, UnknownKeysAtTheirLineAndColumn) {
  EXPECT_EQ(Errors("disable: []\nexlude: [a]\n"),
            std::vector<std::string>{
                ".faultline.yaml:2:1: unknown key \"exlude\" in the configuration (expected one "
                "of: version, enable, disable, rules, required_tags, availability_zones, paths, "
                "exclude, secrets, custom_rules)"});
  EXPECT_EQ(Errors("rules:\n  FL-AWS-0001:\n    severty: low\n"),
            std::vector<std::string>{".faultline.yaml:3:5: unknown key \"severty\" in "
                                     "rules.FL-AWS-0001 (expected one of: severity, options)"});
  EXPECT_EQ(Errors("secrets:\n  allowlist:\n    path: [a]\n"),
            std::vector<std::string>{".faultline.yaml:3:5: unknown key \"path\" in "
                                     "secrets.allowlist (expected one of: paths, regexes, "
                                     "fingerprints)"});
  EXPECT_EQ(Errors("availability_zones: {stateful: 2, zonal: 1}\n"),
            std::vector<std::string>{".faultline.yaml:1:35: unknown key \"zonal\" in "
                                     "availability_zones (expected one of: stateful, stateless)"});
}

TEST(ConfigLoaderTest, WrongTypesAtTheValue) {
  EXPECT_EQ(Errors("disable: 3\n"),
            std::vector<std::string>{
                ".faultline.yaml:1:10: disable must be a list of strings, not a number"});
  EXPECT_EQ(Errors("rules: [a]\n"),
            std::vector<std::string>{".faultline.yaml:1:8: rules must be a mapping, not a list"});
  EXPECT_EQ(Errors("availability_zones:\n  stateful: two\n"),
            std::vector<std::string>{".faultline.yaml:2:13: availability_zones.stateful must be "
                                     "a whole number, not a string"});
  EXPECT_EQ(Errors("availability_zones: {stateless: 0}\n"),
            std::vector<std::string>{".faultline.yaml:1:33: availability_zones.stateless must be "
                                     "between 1 and 16, not 0"});
  EXPECT_EQ(Errors("required_tags: [owner, 3]\n"),
            std::vector<std::string>{
                ".faultline.yaml:1:24: required_tags entry must be a string, not a number"});
  EXPECT_EQ(Errors("rules:\n  FL-AWS-0001: {severity: urgent}\n"),
            std::vector<std::string>{".faultline.yaml:2:27: unknown severity \"urgent\" "
                                     "(expected info, low, medium, high or critical)"});
  EXPECT_EQ(Errors("version: 2\n"),
            std::vector<std::string>{
                ".faultline.yaml:1:10: unsupported configuration version 2 (expected 1)"});
}

TEST(ConfigLoaderTest, BadRegexAndFingerprintAtTheirEntry) {
  EXPECT_EQ(Errors("secrets:\n  allowlist:\n    regexes:\n      - ok\n      - \"(unclosed\"\n"),
            std::vector<std::string>{".faultline.yaml:5:9: invalid regex \"(unclosed\": missing "
                                     "): (unclosed"});
  EXPECT_EQ(Errors("secrets: {allowlist: {fingerprints: [XYZ]}}\n"),
            std::vector<std::string>{".faultline.yaml:1:38: invalid fingerprint \"XYZ\" "
                                     "(expected 16 lowercase hex digits, as in JSON output)"});
}

TEST(ConfigLoaderTest, SyntaxErrorsAndRepeatedKeysAreErrors) {
  std::vector<std::string> syntax = Errors("rules:\n  a: [b\n");
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_TRUE(syntax[0].starts_with(".faultline.yaml:3:")) << syntax[0];
  std::vector<std::string> repeated = Errors("disable: [a]\ndisable: [b]\n");
  ASSERT_EQ(repeated.size(), 1u);
  EXPECT_TRUE(repeated[0].starts_with(".faultline.yaml:2:1: ")) << repeated[0];
  std::vector<std::string> documents = Errors("disable: [a]\n---\ndisable: [b]\n");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_TRUE(documents[0].find("one YAML document") != std::string::npos) << documents[0];
  EXPECT_EQ(Errors("- a\n"), std::vector<std::string>{
                                 ".faultline.yaml:1:1: the configuration must be a mapping, not "
                                 "a list"});
}

TEST(ConfigLoaderTest, ReportsEveryProblemInOneRun) {
  EXPECT_EQ(Errors("a: 1\nb: 2\ndisable: 3\n").size(), 3u);
}

class TempTree {
 public:
  TempTree() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "faultline-config-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
  }
  ~TempTree() { std::filesystem::remove_all(root_); }
  std::string Write(const std::string& relative, const std::string& text) {
    std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }
  std::string Dir(const std::string& relative) {
    std::filesystem::create_directories(root_ / relative);
    return (root_ / relative).string();
  }

 private:
  std::filesystem::path root_;
};

TEST(ConfigLoaderTest, FindsTheNearestConfigurationUpToTheRepositoryRoot) {
  TempTree tree;
  DiskFileProvider files;
  tree.Dir("repo/.git");
  std::string top = tree.Write("repo/.faultline.yaml", "disable: []\n");
  std::string main_tf = tree.Write("repo/infra/prod/main.tf", "");
  EXPECT_EQ(FindProjectConfig(files, tree.Dir("repo/infra/prod")), top);
  EXPECT_EQ(FindProjectConfig(files, main_tf), top);
  std::string nearer = tree.Write("repo/infra/.faultline.yaml", "");
  EXPECT_EQ(FindProjectConfig(files, tree.Dir("repo/infra/prod")), nearer);
  // Above the repository root nothing is looked at.
  tree.Write(".faultline.yaml", "");
  tree.Dir("other/.git");
  EXPECT_EQ(FindProjectConfig(files, tree.Dir("other/sub")), "");
}

TEST(ConfigLoaderTest, MissingFileIsAnError) {
  DiskFileProvider files;
  ConfigLoadResult r = LoadProjectConfig(files, "/nonexistent/faultline/.faultline.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where.file, "/nonexistent/faultline/.faultline.yaml");
}

}  // namespace
}  // namespace faultline::engine::project
