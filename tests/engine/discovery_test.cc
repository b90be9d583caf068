#include "engine/config/discovery.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/config/gitignore.h"

namespace faultline::engine::config {
namespace {

TEST(GlobTest, MatchesSegmentsAndDoubleStars) {
  EXPECT_TRUE(GlobMatch("*.tf", "main.tf"));
  EXPECT_FALSE(GlobMatch("*.tf", "a/main.tf"));
  EXPECT_TRUE(GlobMatch("**/*.tf", "a/b/main.tf"));
  EXPECT_TRUE(GlobMatch("**/*.tf", "main.tf"));
  EXPECT_TRUE(GlobMatch("a/**", "a/b/c"));
  EXPECT_TRUE(GlobMatch("m?in.[st]f", "main.tf"));
  EXPECT_FALSE(GlobMatch("[!m]ain.tf", "main.tf"));
  EXPECT_TRUE(IsExcluded({"examples"}, "x/examples/main.tf") ||
              IsExcluded({"examples"}, "x/examples"));
  EXPECT_TRUE(IsExcluded({"examples/**"}, "examples/a/main.tf"));
  EXPECT_TRUE(IsExcluded({"*.auto.tfvars"}, "dir/x.auto.tfvars"));
  EXPECT_FALSE(IsExcluded({"*.json"}, "dir/main.tf"));
  // Pathological patterns end (bounded backtracking).
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
}

TEST(ClassifyTest, KnowsTerraformFileKinds) {
  EXPECT_EQ(ClassifyFile("a/main.tf"), FileKind::kTerraform);
  EXPECT_EQ(ClassifyFile("main.tf.json"), FileKind::kTerraformJson);
  EXPECT_EQ(ClassifyFile("terraform.tfvars"), FileKind::kTfvars);
  EXPECT_EQ(ClassifyFile("x.auto.tfvars"), FileKind::kTfvars);
  EXPECT_EQ(ClassifyFile("x.auto.tfvars.json"), FileKind::kTfvarsJson);
  EXPECT_EQ(ClassifyFile("prod.tfvars"), FileKind::kOther);  // only with --var-file
  EXPECT_EQ(ClassifyFile("README.md"), FileKind::kOther);
}

class DiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/faultline-disc-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    namespace fs = std::filesystem;
    fs::create_directories(dir_ + "/mod/.terraform/modules/x");
    fs::create_directories(dir_ + "/.git");
    fs::create_directories(dir_ + "/skipme");
    std::ofstream(dir_ + "/main.tf") << "";
    std::ofstream(dir_ + "/terraform.tfvars") << "";
    std::ofstream(dir_ + "/notes.txt") << "";
    std::ofstream(dir_ + "/mod/a.tf.json") << "{}";
    std::ofstream(dir_ + "/mod/.terraform/modules/x/m.tf") << "";
    std::ofstream(dir_ + "/.git/x.tf") << "";
    std::ofstream(dir_ + "/skipme/s.tf") << "";
    fs::create_directory_symlink(dir_, dir_ + "/mod/loop");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(DiscoveryTest, WalksSortedSkipsHiddenExcludedAndLoops) {
  DiskFileProvider disk;
  DiscoveryResult result = DiscoverFiles({dir_, dir_ + "/missing"}, {"skipme"}, disk);
  std::vector<std::string> paths;
  for (const auto& f : result.files) paths.push_back(f.path.substr(dir_.size()));
  EXPECT_EQ(paths, (std::vector<std::string>{"/main.tf", "/mod/a.tf.json", "/terraform.tfvars"}));
  EXPECT_EQ(result.files[1].kind, FileKind::kTerraformJson);
  ASSERT_EQ(result.input_errors.size(), 1u);
  EXPECT_NE(result.input_errors[0].find("missing"), std::string::npos);
  bool loop_reported = false;
  for (const auto& p : result.problems) {
    if (p.message.find("symlink loop") != std::string::npos) loop_reported = true;
  }
  EXPECT_TRUE(loop_reported);
}

TEST_F(DiscoveryTest, ExplicitFileIsTakenWhateverItsName) {
  DiskFileProvider disk;
  DiscoveryResult result = DiscoverFiles({dir_ + "/notes.txt"}, {}, disk);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].kind, FileKind::kTerraform);
}

// A tree with .gitignore files: the IaC discovery honours them inside a git work tree only.
class GitignoreDiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/faultline-gitignore-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    namespace fs = std::filesystem;
    fs::create_directories(dir_ + "/build-debug/sub");
    fs::create_directories(dir_ + "/state");
    fs::create_directories(dir_ + "/env/build-x");
    Write("/.gitignore", "# generated\n/build*/\n*.tfstate\n!keep.tfstate\n");
    Write("/main.tf", "");
    Write("/build-debug/gen.tf", "");
    Write("/build-debug/sub/k.yaml", "");
    Write("/state/a.tfstate", "{}");
    Write("/state/keep.tfstate", "{}");
    Write("/env/.gitignore", "local.tf\nbuild-x/\n");
    Write("/env/local.tf", "");
    Write("/env/prod.tf", "");
    Write("/env/build-x/x.tf", "");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& relative, const std::string& text) {
    std::ofstream(dir_ + relative) << text;
  }
  void MakeWorkTree() { std::filesystem::create_directories(dir_ + "/.git"); }
  // Discovered paths relative to the temporary directory.
  std::vector<std::string> Discover(const std::vector<std::string>& relative_paths) {
    std::vector<std::string> paths;
    for (const std::string& p : relative_paths) paths.push_back(dir_ + p);
    DiskFileProvider disk;
    DiscoveryResult result = DiscoverFiles(paths, {}, disk);
    EXPECT_TRUE(result.input_errors.empty());
    std::vector<std::string> found;
    for (const auto& f : result.files) found.push_back(f.path.substr(dir_.size()));
    return found;
  }
  std::string dir_;
};

TEST_F(GitignoreDiscoveryTest, SkipsIgnoredDirectoriesAndFilesInsideWorkTree) {
  MakeWorkTree();
  EXPECT_EQ(Discover({""}),
            (std::vector<std::string>{"/env/prod.tf", "/main.tf", "/state/keep.tfstate"}));
}

TEST_F(GitignoreDiscoveryTest, NegationReincludesAndLastMatchDecides) {
  MakeWorkTree();
  // keep.tfstate is re-included by "!keep.tfstate"; a deeper .gitignore ignoring it again wins.
  EXPECT_EQ(Discover({"/state"}), (std::vector<std::string>{"/state/keep.tfstate"}));
  Write("/state/.gitignore", "keep.tfstate\n");
  EXPECT_TRUE(Discover({"/state"}).empty());
}

TEST_F(GitignoreDiscoveryTest, ScanPathBelowRootHonoursAncestorIgnoreFiles) {
  MakeWorkTree();
  std::filesystem::create_directories(dir_ + "/env/nested");
  Write("/env/nested/n.tf", "");
  Write("/env/nested/local.tf", "");
  // The root's and env/'s .gitignore apply although the walk starts in env/nested.
  EXPECT_EQ(Discover({"/env/nested"}), (std::vector<std::string>{"/env/nested/n.tf"}));
}

TEST_F(GitignoreDiscoveryTest, ExplicitScanPathsAreScannedEvenWhenIgnored) {
  MakeWorkTree();
  EXPECT_EQ(Discover({"/build-debug"}),
            (std::vector<std::string>{"/build-debug/gen.tf", "/build-debug/sub/k.yaml"}));
  EXPECT_EQ(Discover({"/state/a.tfstate", "/env/local.tf"}),
            (std::vector<std::string>{"/env/local.tf", "/state/a.tfstate"}));
}

TEST_F(GitignoreDiscoveryTest, WorktreeGitFileMarksWorkTree) {
  Write("/.git", "gitdir: /elsewhere/.git/worktrees/x\n");
  EXPECT_EQ(Discover({""}),
            (std::vector<std::string>{"/env/prod.tf", "/main.tf", "/state/keep.tfstate"}));
}

TEST_F(GitignoreDiscoveryTest, OutsideWorkTreeNothingIsIgnored) {
  DiskFileProvider disk;
  if (!FindWorkTreeRoot(disk.CanonicalPath(dir_), [&disk](const std::string& d) {
         return disk.Stat(JoinPath(d, ".git")) != EntryType::kMissing;
       }).empty()) {
    GTEST_SKIP() << "the temporary directory is inside a git work tree";
  }
  EXPECT_EQ(Discover({""}),
            (std::vector<std::string>{"/build-debug/gen.tf", "/build-debug/sub/k.yaml",
                                      "/env/build-x/x.tf", "/env/local.tf", "/env/prod.tf",
                                      "/main.tf", "/state/a.tfstate", "/state/keep.tfstate"}));
}

}  // namespace
}  // namespace faultline::engine::config
