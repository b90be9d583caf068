#include "engine/secrets/keyword_matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace faultline::engine::secrets {
namespace {

using Hits = std::vector<std::pair<uint32_t, size_t>>;  // keyword index, end offset

Hits AllMatches(const KeywordMatcher& matcher, std::string_view text) {
  Hits hits;
  matcher.ForEachMatch(text, [&](uint32_t keyword, size_t end) {
    hits.emplace_back(keyword, end);
    return true;
  });
  return hits;
}

// The obvious quadratic reference: every keyword at every position, case-folded.
Hits NaiveMatches(const std::vector<std::string>& keywords, std::string_view text) {
  auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  Hits hits;
  for (size_t end = 1; end <= text.size(); ++end) {
    for (uint32_t k = 0; k < keywords.size(); ++k) {
      const std::string& keyword = keywords[k];
      if (keyword.empty() || keyword.size() > end) continue;
      bool equal = true;
      for (size_t i = 0; i < keyword.size() && equal; ++i) {
        equal = fold(keyword[i]) == fold(text[end - keyword.size() + i]);
      }
      if (equal) hits.emplace_back(k, end);
    }
  }
  return hits;
}

TEST(KeywordMatcherTest, FindsOverlappingAndNestedKeywordsCaseInsensitively) {
  const std::vector<std::string> keywords = {"he", "she", "his", "hers", "PASSWORD", "word"};
  KeywordMatcher matcher(keywords);
  EXPECT_EQ(AllMatches(matcher, "ushers"), NaiveMatches(keywords, "ushers"));
  const Hits hits = AllMatches(matcher, "DB_Password=x");
  EXPECT_EQ(hits, (Hits{{4, 11}, {5, 11}}));
}

TEST(KeywordMatcherTest, AgreesWithNaiveSearchOnRandomText) {
  const std::vector<std::string> keywords = {"ab", "abc", "bca", "c", "aaa", "ba", "xyz", "-"};
  KeywordMatcher matcher(keywords);
  std::mt19937 random(42);
  const std::string alphabet = "abcABCxyz-\n\x80\xff";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 300; ++i) text.push_back(alphabet[random() % alphabet.size()]);
    ASSERT_EQ(AllMatches(matcher, text), NaiveMatches(keywords, text)) << text;
  }
}

TEST(KeywordMatcherTest, InterleavedSlicesAndChunksMatchTheNaiveSearch) {
  // Long texts are split into 256 KiB chunks of four slices each; keywords straddling a slice
  // or chunk boundary must be found once, in order.
  const std::vector<std::string> keywords = {"abcab", "ba", "cabca", "aaaa", "x", "bcbcbcbc"};
  KeywordMatcher matcher(keywords);
  std::mt19937 random(7);
  const std::string alphabet = "abcABC\n";
  for (size_t size : {4095u, 4096u, 4099u, 70001u, 262144u, 262147u, 600003u}) {
    std::string text;
    for (size_t i = 0; i < size; ++i) text.push_back(alphabet[random() % alphabet.size()]);
    text[size / 4 - 2] = 'x';
    ASSERT_EQ(AllMatches(matcher, text), NaiveMatches(keywords, text)) << "size " << size;
  }
}

TEST(KeywordMatcherTest, StopsWhenTheCallbackReturnsFalse) {
  KeywordMatcher matcher({"a"});
  int calls = 0;
  matcher.ForEachMatch("aaaaaa", [&](uint32_t, size_t) { return ++calls < 3; });
  EXPECT_EQ(calls, 3);
  const std::string long_text(100000, 'a');
  calls = 0;
  matcher.ForEachMatch(long_text, [&](uint32_t, size_t) { return ++calls < 5; });
  EXPECT_EQ(calls, 5);
}

TEST(KeywordMatcherTest, EmptyKeywordSetAndEmptyKeywordsMatchNothing) {
  KeywordMatcher none({});
  EXPECT_TRUE(AllMatches(none, "anything at all").empty());
  KeywordMatcher empty_only({""});
  EXPECT_TRUE(AllMatches(empty_only, "anything").empty());
  KeywordMatcher some({"", "x"});
  EXPECT_EQ(AllMatches(some, "axa"), (Hits{{1, 2}}));
}

TEST(KeywordMatcherTest, BinaryBytesInTextAndKeywords) {
  const std::vector<std::string> keywords = {std::string("\0k", 2), "\xff\xfe"};
  KeywordMatcher matcher(keywords);
  const std::string text = std::string("a\0k\xff\xfe\xff\xfe", 7);
  EXPECT_EQ(AllMatches(matcher, text), NaiveMatches(keywords, text));
}

}  // namespace
}  // namespace faultline::engine::secrets
