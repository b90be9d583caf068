// GitignoreRules (gitignore(5) matching) and DiscoverTextFiles (every text file under the scan
// paths, .git / vendored directories skipped, ignore rules honoured inside a work tree).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/config/gitignore.h"
#include "engine/config/text_discovery.h"
#include "engine/file_provider.h"

namespace faultline::engine::config {
namespace {

namespace fs = std::filesystem;

TEST(GitignoreRulesTest, NamesMatchAtAnyDepthAndTheLastPatternWins) {
  GitignoreRules rules;
  rules.AddFile("", "# comment\n\n*.log\n!keep.log\nbuild/\n/root-only.txt\n");
  EXPECT_TRUE(rules.Ignored("a.log", false));
  EXPECT_TRUE(rules.Ignored("deep/dir/a.log", false));
  EXPECT_FALSE(rules.Ignored("deep/keep.log", false));
  EXPECT_TRUE(rules.Ignored("build", true));
  EXPECT_TRUE(rules.Ignored("src/build", true));
  EXPECT_FALSE(rules.Ignored("build", false)) << "directory-only pattern on a file";
  EXPECT_TRUE(rules.Ignored("root-only.txt", false));
  EXPECT_FALSE(rules.Ignored("sub/root-only.txt", false)) << "a leading slash anchors";
  EXPECT_FALSE(rules.Ignored("notes.txt", false));
}

TEST(GitignoreRulesTest, SlashesAnchorAndDoubleStarsCrossDirectories) {
  GitignoreRules rules;
  rules.AddFile("", "docs/*.md\n**/generated/**\na/**/z.txt\n");
  EXPECT_TRUE(rules.Ignored("docs/x.md", false));
  EXPECT_FALSE(rules.Ignored("docs/sub/x.md", false)) << "* stays within a segment";
  EXPECT_FALSE(rules.Ignored("other/docs/x.md", false)) << "a middle slash anchors";
  EXPECT_TRUE(rules.Ignored("generated/x", false));
  EXPECT_TRUE(rules.Ignored("src/generated/deep/x", false));
  EXPECT_TRUE(rules.Ignored("a/z.txt", false));
  EXPECT_TRUE(rules.Ignored("a/b/c/z.txt", false));
}

TEST(GitignoreRulesTest, NestedFilesApplyBelowTheirDirectoryAndOverrideShallowerOnes) {
  GitignoreRules rules;
  rules.AddFile("", "*.secret\n");
  rules.AddFile("sub", "!allowed.secret\n/local.txt\n");
  EXPECT_TRUE(rules.Ignored("x.secret", false));
  EXPECT_TRUE(rules.Ignored("other/allowed.secret", false));
  EXPECT_FALSE(rules.Ignored("sub/allowed.secret", false));
  EXPECT_TRUE(rules.Ignored("sub/local.txt", false));
  EXPECT_FALSE(rules.Ignored("local.txt", false));
  EXPECT_FALSE(rules.Ignored("sub/deeper/local.txt", false));
}

TEST(GitignoreRulesTest, EscapesAndTrailingSpaces) {
  GitignoreRules rules;
  rules.AddFile("", "\\#hash\n\\!bang\nspaced   \nwin.txt\r\n");
  EXPECT_TRUE(rules.Ignored("#hash", false));
  EXPECT_TRUE(rules.Ignored("!bang", false));
  EXPECT_TRUE(rules.Ignored("spaced", false));
  EXPECT_TRUE(rules.Ignored("win.txt", false));
}

TEST(GitignoreRulesTest, FindWorkTreeRootWalksUp) {
  auto has_git = [](const std::string& dir) { return dir == "/repo"; };
  EXPECT_EQ(FindWorkTreeRoot("/repo/a/b", has_git), "/repo");
  EXPECT_EQ(FindWorkTreeRoot("/repo", has_git), "/repo");
  EXPECT_EQ(FindWorkTreeRoot("/elsewhere/x", has_git), "");
}

class TextDiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        ("faultline-textdisc-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  std::vector<std::string> Discovered(const std::string& scan_path) {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : DiscoverTextFiles({scan_path}, {}, DiskFileProvider()).files) {
      out.push_back(fs::path(f.path).lexically_relative(root_).string());
    }
    return out;
  }

  fs::path root_;
};

TEST_F(TextDiscoveryTest, HonoursGitignoreInsideAWorkTree) {
  fs::create_directories(root_ / ".git" / "info");
  Write(".git/config", "[core]\n");
  Write(".git/info/exclude", "excluded.txt\n");
  Write(".gitignore", "*.log\n!keep.log\nbuild/\n");
  Write("a.log", "x");
  Write("keep.log", "x");
  Write("build/out.txt", "x");
  Write("excluded.txt", "x");
  Write("main.tf", "x");
  Write("notes.md", "x");
  Write("sub/.gitignore", "local.env\n");
  Write("sub/local.env", "x");
  Write("sub/app.py", "x");
  Write("node_modules/pkg/index.js", "x");
  Write(".terraform/modules/m/main.tf", "x");
  EXPECT_EQ(Discovered(root_.string()),
            (std::vector<std::string>{".gitignore", "keep.log", "main.tf", "notes.md",
                                      "sub/.gitignore", "sub/app.py"}));
  // Scanning a subdirectory still applies the .gitignore files above it.
  Write("sub/deep.log", "x");
  EXPECT_EQ(Discovered((root_ / "sub").string()),
            (std::vector<std::string>{"sub/.gitignore", "sub/app.py"}));
}

TEST_F(TextDiscoveryTest, OutsideAWorkTreeGitignoreIsNotApplied) {
  Write(".gitignore", "*.log\n");
  Write("a.log", "x");
  EXPECT_EQ(Discovered(root_.string()), (std::vector<std::string>{".gitignore", "a.log"}));
}

TEST_F(TextDiscoveryTest, AGitFileMarksAWorkTreeToo) {
  Write(".git", "gitdir: /somewhere/else/.git/worktrees/x\n");
  Write(".gitignore", "secret.txt\n");
  Write("secret.txt", "x");
  Write("kept.txt", "x");
  EXPECT_EQ(Discovered(root_.string()), (std::vector<std::string>{".gitignore", "kept.txt"}));
}

}  // namespace
}  // namespace faultline::engine::config
