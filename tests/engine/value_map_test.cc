#include "engine/value_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "engine/value.h"

namespace faultline::engine {
namespace {

std::vector<std::string> Keys(const ValueMap& map) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  return keys;
}

TEST(ValueMapTest, KeepsStdMapMeaningOfEachInsertion) {
  ValueMap map;
  EXPECT_TRUE(map.try_emplace("b", Value::Number(1)).second);
  EXPECT_FALSE(map.try_emplace("b", Value::Number(2)).second);  // the first value stays
  EXPECT_FALSE(map.emplace("b", Value::Number(3)).second);
  EXPECT_EQ(map.at("b").as_number(), 1);
  EXPECT_FALSE(map.insert_or_assign("b", Value::Number(4)).second);  // replaced
  EXPECT_EQ(map.at("b").as_number(), 4);
  map["a"] = Value::String("x");  // created
  map["b"] = Value::Number(5);    // replaced
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(map.at("b").as_number(), 5);
  EXPECT_THROW(map.at("c"), std::out_of_range);
  EXPECT_EQ(map.count("a"), 1u);
  EXPECT_FALSE(map.contains("c"));
  EXPECT_EQ(map.find("c"), map.end());
}

TEST(ValueMapTest, InitializerListKeepsTheFirstOfEqualKeys) {
  ValueMap map{{"z", Value::Number(1)}, {"a", Value::Number(2)}, {"z", Value::Number(3)}};
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"a", "z"}));
  EXPECT_EQ(map.at("z").as_number(), 1);
}

// Keys arriving out of order sit in the unsorted tail; every lookup must still see them, and
// iteration must be in key order.
TEST(ValueMapTest, FindsTailEntriesBeforeAndAfterMerging) {
  ValueMap map;
  for (const char* key : {"m", "c", "x", "a", "k"}) map.try_emplace(key, Value::String(key));
  for (const char* key : {"m", "c", "x", "a", "k"}) {
    auto it = map.find(key);
    ASSERT_NE(it, map.end()) << key;
    EXPECT_EQ(it->second.as_string(), key);
  }
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"a", "c", "k", "m", "x"}));
  EXPECT_EQ(map.lower_bound("d")->first, "k");
}

TEST(ValueMapTest, ErasesFromTheSortedPartAndTheTail) {
  ValueMap map;
  for (const char* key : {"a", "b", "c"}) map.try_emplace(key, Value::Number(0));  // in order
  map.try_emplace("0", Value::Number(0));                                          // tail
  EXPECT_EQ(map.erase("b"), 1u);
  EXPECT_EQ(map.erase("0"), 1u);
  EXPECT_EQ(map.erase("missing"), 0u);
  map.try_emplace("aa", Value::Number(0));
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"a", "aa", "c"}));
  map.erase(map.find("a"));
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"aa", "c"}));
}

// Many keys in random order: all present once, sorted, and a map Value built from them is found
// by Get; the build stays far from quadratic (100,000 keys).
TEST(ValueMapTest, LargeMapsBuiltInAnyOrder) {
  std::vector<std::string> keys;
  for (int i = 0; i < 100000; ++i) keys.push_back("key" + std::to_string(i));
  std::mt19937 random(7);
  std::shuffle(keys.begin(), keys.end(), random);
  ValueMap map;
  for (const std::string& key : keys) map.try_emplace(key, Value::String(key));
  for (const std::string& key : keys) EXPECT_FALSE(map.try_emplace(key, Value()).second);
  ASSERT_EQ(map.size(), keys.size());
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(Keys(map), sorted);
  Value value = Value::Map(std::move(map));
  for (size_t i = 0; i < keys.size(); i += 997) {
    ASSERT_NE(value.Get(keys[i]), nullptr);
    EXPECT_EQ(value.Get(keys[i])->as_string(), keys[i]);
  }
  EXPECT_EQ(value.Get("key"), nullptr);
}

// A map stored in a Value is merged first, so reading it never moves entries (safe from many
// threads): iterators taken before a read stay valid.
TEST(ValueMapTest, MapsInsideValuesAreSorted) {
  ValueMap map;
  for (const char* key : {"b", "a", "d", "c"}) map.try_emplace(key, Value::Number(1));
  Value value = Value::Map(std::move(map));
  const ValueMap& stored = value.as_map();
  auto first = stored.find("a");
  EXPECT_EQ(first, stored.begin());
  EXPECT_EQ(Keys(stored), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(first->first, "a");
}

TEST(ValueMapTest, FindsInSmallAndLargeMapsAlike) {
  // Maps of up to 8 sorted keys are scanned, larger ones binary-searched: same answers.
  for (size_t size : {0, 1, 7, 8, 9, 40}) {
    ValueMap map;
    for (size_t i = 0; i < size; ++i) {
      map.try_emplace("key" + std::string(i % 3, 'x') + std::to_string(i), Value::Number(i));
    }
    for (size_t i = 0; i < size; ++i) {
      auto it = map.find("key" + std::string(i % 3, 'x') + std::to_string(i));
      ASSERT_NE(it, map.end()) << size << " " << i;
      EXPECT_EQ(it->second.as_number(), static_cast<double>(i));
    }
    // Absent keys, including prefixes and extensions of present ones and equal lengths.
    for (const char* absent : {"", "k", "key", "key0x", "kez0", "keyx1x"}) {
      EXPECT_EQ(map.find(absent), map.end()) << size << " " << absent;
    }
  }
}

TEST(ValueMapTest, TakeCompactMovesSortedEntriesAndLeavesAReusableMap) {
  ValueMap builder;
  for (int round = 0; round < 3; ++round) {
    for (const char* key : {"spec", "kind", "apiVersion", "metadata"}) {
      builder.try_emplace(std::string(key) + std::to_string(round), Value::String(key));
    }
    ValueMap taken = builder.TakeCompact();
    EXPECT_TRUE(builder.empty());
    std::string suffix = std::to_string(round);
    EXPECT_EQ(Keys(taken), (std::vector<std::string>{"apiVersion" + suffix, "kind" + suffix,
                                                     "metadata" + suffix, "spec" + suffix}));
    EXPECT_EQ(taken.at("kind" + suffix).as_string(), "kind");
    EXPECT_EQ(taken.find("spec"), taken.end());
  }
}

TEST(ValueMapTest, CopiesAreIndependent) {
  ValueMap map;
  map.try_emplace("b", Value::Number(1));
  map.try_emplace("a", Value::Number(2));
  ValueMap copy = map;
  copy["c"] = Value::Number(3);
  copy.erase("b");
  EXPECT_EQ(Keys(map), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Keys(copy), (std::vector<std::string>{"a", "c"}));
}

}  // namespace
}  // namespace faultline::engine
