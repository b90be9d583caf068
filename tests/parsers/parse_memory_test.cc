// parsers/tree_sitter and parsers/hcl: the per-parse memory budget, the counting allocator and
// the one-at-a-time parsing of large inputs.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "parsers/hcl/parser.h"
#include "parsers/hcl/syntax.h"
#include "parsers/tree_sitter/handles.h"
#include "parsers/tree_sitter/language.h"
#include "tests/parsers/parse_helpers.h"

namespace faultline::parsers {
namespace {

using tree_sitter::HclLanguage;
using tree_sitter::LargeInputSlot;
using tree_sitter::Parse;
using tree_sitter::ParseResult;
using tree_sitter::ParseStatus;
using tree_sitter::ThreadAllocatedBytes;

constexpr uint64_t kSmallBudget = 4ull << 20;

// About 1 MB of ordinary HCL: one locals block of `count` string attributes.
std::string LocalsText(int count) {
  std::string text = "locals {\n";
  for (int i = 0; i < count; ++i) {
    text.append("  v").append(std::to_string(i)).append(" = \"xxxxxxxxxxxxxxxxxxxx\"\n");
  }
  text.append("}\n");
  return text;
}

const std::string& MegabyteText() {
  static const std::string* text = new std::string(LocalsText(30000));
  return *text;
}

TEST(ParseMemoryTest, SmallBudgetCancelsTheParseWithoutATimeout) {
  ASSERT_GT(MegabyteText().size(), 1'000'000u);
  ParseResult limited = Parse(HclLanguage(), MegabyteText(), 0, kSmallBudget);
  EXPECT_EQ(limited.status, ParseStatus::kMemoryLimit);
  EXPECT_EQ(limited.tree, nullptr);
  // The thread's parser was reset: the next parse starts from scratch.
  ParseResult next = Parse(HclLanguage(), "x = 1\n", 0, kSmallBudget);
  ASSERT_EQ(next.status, ParseStatus::kOk);
  EXPECT_EQ(ts_node_end_byte(ts_tree_root_node(next.tree.get())), 6u);
}

TEST(ParseMemoryTest, BudgetIsCheckedAlongsideTheTimeout) {
  ParseResult limited = Parse(HclLanguage(), MegabyteText(), 60'000'000, kSmallBudget);
  EXPECT_EQ(limited.status, ParseStatus::kMemoryLimit);
  ParseResult timed = Parse(HclLanguage(), MegabyteText(), 1, 0);
  EXPECT_EQ(timed.status, ParseStatus::kTimedOut);
}

TEST(ParseMemoryTest, HclParserReportsTheLimitAtTheStartOfTheFile) {
  hcl::ParseLimits limits;
  limits.max_parse_memory_bytes = kSmallBudget;
  hcl::testing::Parsed parsed = hcl::testing::Hcl(MegabyteText(), limits);
  ASSERT_EQ(parsed.config.diagnostics.size(), 1u);
  const hcl::ParseDiagnostic& diagnostic = parsed.config.diagnostics[0];
  EXPECT_TRUE(diagnostic.file_skipped);
  EXPECT_EQ(diagnostic.range.file, parsed.file.get());
  EXPECT_EQ(diagnostic.range.begin, 0u);
  EXPECT_EQ(diagnostic.message,
            "skipped: parsing needs more than the limit of 4 MB of parser memory per file "
            "(raise it with --max-parse-memory MB)");
  EXPECT_TRUE(parsed.config.body.attributes.empty());
  EXPECT_TRUE(parsed.config.body.blocks.empty());
}

TEST(ParseMemoryTest, DefaultBudgetParsesTheSameText) {
  hcl::testing::Parsed parsed = hcl::testing::Hcl(MegabyteText());
  EXPECT_TRUE(parsed.config.diagnostics.empty());
  ASSERT_EQ(parsed.config.body.blocks.size(), 1u);
  EXPECT_EQ(parsed.config.body.blocks[0].body.attributes.size(), 30000u);
}

TEST(ParseMemoryTest, AccountingReturnsToItsStartWhenTheTreeIsFreed) {
  const std::string text = LocalsText(2000);
  // A first parse lets the thread's parser grow its reusable buffers.
  ASSERT_EQ(Parse(HclLanguage(), text, 0).status, ParseStatus::kOk);
  const int64_t start = ThreadAllocatedBytes();
  {
    ParseResult parsed = Parse(HclLanguage(), text, 0);
    ASSERT_EQ(parsed.status, ParseStatus::kOk);
    EXPECT_GT(ThreadAllocatedBytes() - start, static_cast<int64_t>(text.size()))
        << "the live tree is counted";
  }
  EXPECT_EQ(ThreadAllocatedBytes(), start);
  // A cancelled parse gives its memory back too, but for what the parser keeps for reuse (a
  // few pooled subtrees).
  EXPECT_EQ(Parse(HclLanguage(), text, 0, 256 << 10).status, ParseStatus::kMemoryLimit);
  EXPECT_LT(ThreadAllocatedBytes() - start, 16 << 10);
}

TEST(ParseMemoryTest, FreeingOnAnotherThreadOnlyMovesTheCounts) {
  const std::string text = LocalsText(500);
  ParseResult parsed = Parse(HclLanguage(), text, 0);
  ASSERT_EQ(parsed.status, ParseStatus::kOk);
  const int64_t here = ThreadAllocatedBytes();
  int64_t there_before = 0;
  int64_t there_after = 0;
  std::thread other([&] {
    there_before = ThreadAllocatedBytes();
    parsed.tree.reset();
    there_after = ThreadAllocatedBytes();
  });
  other.join();
  EXPECT_LT(there_after, there_before);
  EXPECT_EQ(ThreadAllocatedBytes(), here);
  // This thread's next parse measures its own growth and is not confused by the skew.
  EXPECT_EQ(Parse(HclLanguage(), text, 0, 64ull << 20).status, ParseStatus::kOk);
}

TEST(ParseMemoryTest, LargeInputSlotIsExclusiveAndReentrant) {
  LargeInputSlot outer = LargeInputSlot::Acquire();
  {
    LargeInputSlot inner = LargeInputSlot::Acquire();  // same thread: does not block
    EXPECT_TRUE(inner.held());
  }
  std::atomic<bool> acquired{false};
  std::thread other([&] {
    LargeInputSlot slot = LargeInputSlot::Acquire();
    acquired = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(acquired) << "the inner release must not free the slot";
  outer = LargeInputSlot();
  other.join();
  EXPECT_TRUE(acquired);
}

TEST(ParseMemoryTest, LargeTreesExistOneAtATime) {
  // One comment token: a large input that is cheap to parse.
  std::string large = "# " + std::string(tree_sitter::kLargeInputBytes, 'x') + "\n";
  ParseResult first = Parse(HclLanguage(), large, 0);
  ASSERT_EQ(first.status, ParseStatus::kOk);
  EXPECT_TRUE(first.slot.held());
  EXPECT_FALSE(Parse(HclLanguage(), "x = 1\n", 0).slot.held()) << "small inputs do not wait";
  std::atomic<bool> parsed{false};
  std::thread other([&] {
    ParseResult second = Parse(HclLanguage(), large, 0);
    parsed = second.status == ParseStatus::kOk;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(parsed) << "a second large parse waits for the first tree to be freed";
  first = ParseResult();
  other.join();
  EXPECT_TRUE(parsed);
}

}  // namespace
}  // namespace faultline::parsers
