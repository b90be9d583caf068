// The secret pass of engine::Scan (engine/secrets/secret_pass.h): every text file is searched,
// the results do not depend on --jobs, regex and structural findings on one secret are merged,
// the allowlist applies, rule selection and aliases work, and files git ignores are left out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "engine/engine_rules.h"
#include "engine/file_provider.h"
#include "engine/scan.h"
#include "rules/registry.h"

namespace faultline::engine::secrets {
namespace {

namespace fs = std::filesystem;

const RuleList& AllRules() {
  static const RuleList* rules = new RuleList(rules::CreateAllRules());
  return *rules;
}

class SecretPassTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("faultline-secretpass-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");
    Write(".gitignore", "ignored/\n*.local\n");
    Write("main.tf",
          "resource \"aws_elasticache_replication_group\" \"cache\" {\n"
          "  replication_group_id = \"cache\"\n"
          "  auth_token           = \"eWPFlRX0c0KAdJ1L46zh\"\n"
          "}\n");
    Write("scripts/deploy.sh",
          "#!/bin/sh\nexport GITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n");
    Write("docs/readme.txt", "nothing to see\n");
    Write("ignored/leak.sh", "export GITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n");
    Write("settings.local", "export GITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n");
    Write("ignored/main.tf", "variable \"db_password\" {\n  default = \"Vv8-ignored-Secret\"\n}\n");
    std::string binary("PNG\0\0\0", 6);
    binary += "ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p";
    Write("logo.png", binary);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  ScanResult Run(ScanOptions options) {
    options.paths = {root_.string()};
    return Scan(options, DiskFileProvider(), AllRules());
  }

  // "relative/path:line rule" for each FL-SEC / FL-ENG-0020 finding.
  std::vector<std::string> Summary(const ScanResult& result) {
    std::vector<std::string> out;
    for (const Finding& f : result.findings) {
      if (!f.rule_id.starts_with("FL-SEC-") && f.rule_id != kSecretScanSkippedId) continue;
      out.push_back(fs::path(f.range.file->path()).lexically_relative(root_).string() + ":" +
                    std::to_string(f.range.start().line + 1) + " " + f.rule_id);
    }
    return out;
  }

  fs::path root_;
};

TEST_F(SecretPassTest, SearchesEveryTextFileOnceAndPrefersTheStructuralFinding) {
  ScanResult result = Run({});
  EXPECT_TRUE(result.input_errors.empty());
  // main.tf:3 is reported once, by the structural rule (the regex match on the same value is
  // merged into it); the binary, the git-ignored files and the clean file draw nothing.
  EXPECT_EQ(Summary(result),
            (std::vector<std::string>{"main.tf:3 FL-SEC-0069", "scripts/deploy.sh:2 FL-SEC-0004"}));
}

TEST_F(SecretPassTest, ResultsDoNotDependOnJobs) {
  for (int i = 0; i < 30; ++i)
    Write("many/f" + std::to_string(i) + ".env",
          "API_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7" +
              std::string(1, static_cast<char>('a' + i % 26)) + "\n");
  ScanOptions one;
  one.jobs = 1;
  ScanOptions four;
  four.jobs = 4;
  ScanResult a = Run(one);
  ScanResult b = Run(four);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  EXPECT_GE(a.findings.size(), 32u);
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].rule_id, b.findings[i].rule_id);
    EXPECT_EQ(a.findings[i].message, b.findings[i].message);
    EXPECT_EQ(a.findings[i].fingerprint, b.findings[i].fingerprint);
    EXPECT_EQ(a.findings[i].range.file->path(), b.findings[i].range.file->path());
    EXPECT_EQ(a.findings[i].range.begin, b.findings[i].range.begin);
  }
}

TEST_F(SecretPassTest, AllowlistByPathGlobRegexAndFingerprint) {
  ScanResult all = Run({});
  ASSERT_EQ(all.findings.size() >= 2, true);
  std::string deploy_fingerprint;
  for (const Finding& f : all.findings) {
    if (f.rule_id == "FL-SEC-0004") deploy_fingerprint = f.fingerprint;
  }
  ASSERT_FALSE(deploy_fingerprint.empty());

  ScanOptions by_glob;
  by_glob.secret_allowlist.path_globs = {"scripts/**"};
  EXPECT_EQ(Summary(Run(by_glob)), (std::vector<std::string>{"main.tf:3 FL-SEC-0069"}));

  ScanOptions by_base_name;
  by_base_name.secret_allowlist.path_globs = {"*.tf"};
  EXPECT_EQ(Summary(Run(by_base_name)),
            (std::vector<std::string>{"scripts/deploy.sh:2 FL-SEC-0004"}));

  ScanOptions by_regex;
  by_regex.secret_allowlist.regexes = {"^ghp_Q7sL", "eWPF"};
  EXPECT_TRUE(Summary(Run(by_regex)).empty());

  ScanOptions by_fingerprint;
  by_fingerprint.secret_allowlist.fingerprints = {deploy_fingerprint};
  EXPECT_EQ(Summary(Run(by_fingerprint)), (std::vector<std::string>{"main.tf:3 FL-SEC-0069"}));
}

TEST_F(SecretPassTest, RuleSelectionAliasesAndTheOffSwitch) {
  ScanOptions only_github;
  only_github.enabled_rules = {"secret-github-personal-access-token"};
  EXPECT_EQ(Summary(Run(only_github)),
            (std::vector<std::string>{"scripts/deploy.sh:2 FL-SEC-0004"}));

  // Without the structural rule, the generic regex finding on main.tf stands on its own (and
  // the generic rule alone also catches the token the GitHub rule would have reported).
  ScanOptions only_regex;
  only_regex.enabled_rules = {"FL-SEC-0068"};
  EXPECT_EQ(Summary(Run(only_regex)),
            (std::vector<std::string>{"main.tf:3 FL-SEC-0068", "scripts/deploy.sh:2 FL-SEC-0068"}));

  // The retired id of the variable-default regex rule selects its structural successor.
  Write("vars.tf", "variable \"api_token\" {\n  default = \"Qm7-literal-Token\"\n}\n");
  ScanOptions retired;
  retired.enabled_rules = {"FL-SEC-0067"};
  EXPECT_EQ(Summary(Run(retired)), (std::vector<std::string>{"vars.tf:2 FL-SEC-0070"}));

  ScanOptions off;
  off.scan_secrets = false;
  EXPECT_TRUE(Summary(Run(off)).empty());

  ScanOptions other_rules;
  other_rules.enabled_rules = {"FL-AWS-0001"};
  EXPECT_TRUE(Summary(Run(other_rules)).empty());
}

TEST_F(SecretPassTest, OversizedFilesGetANoticeNotAScan) {
  Write("dump.sql",
        std::string(4096, 'x') + "\nGITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n");
  ScanOptions options;
  options.limits.max_file_bytes = 1024;
  std::vector<std::string> summary = Summary(Run(options));
  EXPECT_NE(std::find(summary.begin(), summary.end(), "dump.sql:1 FL-ENG-0020"), summary.end());
  for (const std::string& entry : summary) {
    EXPECT_FALSE(entry.starts_with("dump.sql") && entry.find("FL-SEC") != std::string::npos);
  }
}

TEST_F(SecretPassTest, StandardInputIsSearchedToo) {
  ScanOptions options;
  options.stdin_manifests =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n"
      // A key that is not secret-ish: FL-SEC-0073 (ConfigMap entries with secret-named keys)
      // stays silent and the regex rule alone reports the token.
      "  deploy_notes: ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n";
  ScanResult result = Scan(options, DiskFileProvider(), AllRules());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule_id, "FL-SEC-0004");
  EXPECT_EQ(result.findings[0].range.file->path(), "<stdin>");
}

}  // namespace
}  // namespace faultline::engine::secrets
