#include "engine/file_provider.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace faultline::engine {
namespace {

TEST(PathTest, NormalizesLexically) {
  EXPECT_EQ(NormalizePath(""), ".");
  EXPECT_EQ(NormalizePath("./a//b/./c/"), "a/b/c");
  EXPECT_EQ(NormalizePath("a/../b"), "b");
  EXPECT_EQ(NormalizePath("../a/../../b"), "../../b");
  EXPECT_EQ(NormalizePath("/x/../../y"), "/y");
  EXPECT_EQ(JoinPath("examples", "./modules/db"), "examples/modules/db");
  EXPECT_EQ(JoinPath("examples/env/prod", "../../modules/db"), "examples/modules/db");
  EXPECT_EQ(JoinPath(".", "a.tf"), "a.tf");
  EXPECT_EQ(JoinPath("x", "/abs"), "/abs");
  EXPECT_EQ(DirectoryOf("a/b/c.tf"), "a/b");
  EXPECT_EQ(DirectoryOf("c.tf"), ".");
}

class DiskFileProviderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/faultline-fp-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    std::ofstream(dir_ + "/b.tf") << "b";
    std::ofstream(dir_ + "/a.tf") << "hello";
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  std::string dir_;
};

TEST_F(DiskFileProviderTest, ListsSortedAndReadsWithinLimit) {
  DiskFileProvider disk;
  std::string error;
  auto entries = disk.ListDirectory(dir_, &error);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].name, "a.tf");
  EXPECT_EQ(entries[0].type, EntryType::kFile);
  ReadResult ok = disk.ReadFile(dir_ + "/a.tf", 100);
  EXPECT_EQ(ok.status, ReadResult::Status::kOk);
  EXPECT_EQ(ok.text, "hello");
  ReadResult big = disk.ReadFile(dir_ + "/a.tf", 3);
  EXPECT_EQ(big.status, ReadResult::Status::kTooLarge);
  EXPECT_EQ(big.size, 5u);
  EXPECT_EQ(disk.ReadFile(dir_ + "/missing.tf", 100).status, ReadResult::Status::kMissing);
  EXPECT_EQ(disk.ReadFile(dir_, 100).status, ReadResult::Status::kError);
  EXPECT_EQ(disk.Stat(dir_), EntryType::kDirectory);
  EXPECT_EQ(disk.Stat(dir_ + "/nope"), EntryType::kMissing);
}

TEST_F(DiskFileProviderTest, OverlayReplacesAndAddsFiles) {
  OverlayFileProvider overlay;
  overlay.Set(dir_ + "/a.tf", "unsaved");
  overlay.Set(dir_ + "/new/c.tf", "c");
  EXPECT_EQ(overlay.ReadFile(dir_ + "/a.tf", 100).text, "unsaved");
  EXPECT_EQ(overlay.ReadFile(dir_ + "/b.tf", 100).text, "b");
  EXPECT_EQ(overlay.Stat(dir_ + "/new"), EntryType::kDirectory);
  std::string error;
  auto entries = overlay.ListDirectory(dir_, &error);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].name, "new");
  overlay.Remove(dir_ + "/a.tf");
  EXPECT_EQ(overlay.ReadFile(dir_ + "/a.tf", 100).text, "hello");
}

}  // namespace
}  // namespace faultline::engine
