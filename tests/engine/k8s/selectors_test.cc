// Label selectors: parsing of both selector forms, the absent/null/empty semantics of each
// field, every operator, three-valued matching on Unknown, and the inverted index against a
// brute-force scan on random inputs.
#include "engine/k8s/selectors.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace faultline::engine::k8s {
namespace {

using Operator = LabelRequirement::Operator;

Value Str(std::string text) { return Value::String(std::move(text)); }

Value MapOf(std::vector<std::pair<std::string, Value>> entries) {
  ValueMap map;
  for (auto& [k, v] : entries) map.emplace(k, std::move(v));
  return Value::Map(std::move(map));
}

Value ListOf(std::vector<Value> items) { return Value::List(std::move(items)); }

Value Strings(std::vector<std::string> items) {
  ValueList list;
  for (auto& item : items) list.push_back(Str(std::move(item)));
  return Value::List(std::move(list));
}

Value Expression(std::string key, std::string op, std::optional<Value> values = std::nullopt) {
  std::vector<std::pair<std::string, Value>> entries = {{"key", Str(std::move(key))},
                                                        {"operator", Str(std::move(op))}};
  if (values.has_value()) entries.emplace_back("values", *values);
  return MapOf(std::move(entries));
}

Value Selector(std::vector<std::pair<std::string, Value>> match_labels,
               std::vector<Value> expressions = {}) {
  std::vector<std::pair<std::string, Value>> entries;
  if (!match_labels.empty()) entries.emplace_back("matchLabels", MapOf(std::move(match_labels)));
  if (!expressions.empty())
    entries.emplace_back("matchExpressions", ListOf(std::move(expressions)));
  return MapOf(std::move(entries));
}

constexpr SelectorAbsence kPdbV1 = SelectorAbsence::kNullNothingEmptyEverything;

const Labels kWeb = Labels::Of({{"app", "web"}, {"tier", "frontend"}});
const Labels kDb = Labels::Of({{"app", "db"}, {"tier", "backend"}, {"canary", "true"}});
const Labels kNone = Labels::Of({});

TEST(MatchAndTest, NoWinsThenUnknown) {
  EXPECT_EQ(MatchAnd(Match::kYes, Match::kYes), Match::kYes);
  EXPECT_EQ(MatchAnd(Match::kYes, Match::kUnknown), Match::kUnknown);
  EXPECT_EQ(MatchAnd(Match::kUnknown, Match::kNo), Match::kNo);
  EXPECT_EQ(MatchAnd(Match::kNo, Match::kYes), Match::kNo);
}

TEST(LabelsTest, FromValueKeepsKeysAndMarksNonStringValuesUnknown) {
  Value value = MapOf(
      {{"app", Str("web")}, {"version", Value::Number(2)}, {"zone", Value::Unknown("computed")}});
  Labels labels = Labels::FromValue(&value);
  ASSERT_FALSE(labels.unknown());
  ASSERT_NE(labels.Find("app"), nullptr);
  EXPECT_EQ(**labels.Find("app"), "web");
  ASSERT_NE(labels.Find("version"), nullptr);
  EXPECT_FALSE(labels.Find("version")->has_value());
  EXPECT_FALSE(labels.Find("zone")->has_value());
  EXPECT_EQ(labels.Find("missing"), nullptr);

  EXPECT_FALSE(Labels::FromValue(nullptr).unknown());
  Value null_value = Value::Null();
  EXPECT_TRUE(Labels::FromValue(&null_value).entries().empty());
  Value unknown = Value::Unknown("labels from a template");
  EXPECT_TRUE(Labels::FromValue(&unknown).unknown());
  Value list = Strings({"app"});
  EXPECT_TRUE(Labels::FromValue(&list).unknown());
}

TEST(LabelsTest, OfSortsAndKeepsTheLastDuplicate) {
  Labels labels = Labels::Of({{"b", "1"}, {"a", "2"}, {"b", "3"}});
  ASSERT_EQ(labels.entries().size(), 2u);
  EXPECT_EQ(labels.entries()[0].first, "a");
  EXPECT_EQ(**labels.Find("b"), "3");
}

// --- absent, null and empty selectors ------------------------------------------------------

TEST(LabelSelectorTest, PdbV1NullSelectsNothingAndEmptySelectsEverything) {
  Value null_value = Value::Null();
  Value empty = MapOf({});
  Value empty_parts = MapOf({{"matchLabels", MapOf({})}, {"matchExpressions", ListOf({})}});
  EXPECT_EQ(LabelSelector::FromLabelSelector(nullptr, kPdbV1).scope(),
            LabelSelector::Scope::kNothing);
  EXPECT_EQ(LabelSelector::FromLabelSelector(&null_value, kPdbV1).scope(),
            LabelSelector::Scope::kNothing);
  LabelSelector all = LabelSelector::FromLabelSelector(&empty, kPdbV1);
  EXPECT_EQ(all.scope(), LabelSelector::Scope::kEverything);
  EXPECT_EQ(all.Matches(kWeb), Match::kYes);
  EXPECT_EQ(all.Matches(kNone), Match::kYes);
  EXPECT_EQ(all.Matches(Labels::Unknown()), Match::kYes);
  EXPECT_EQ(LabelSelector::FromLabelSelector(&empty_parts, kPdbV1).scope(),
            LabelSelector::Scope::kEverything);
  EXPECT_EQ(LabelSelector::FromLabelSelector(nullptr, kPdbV1).Matches(kWeb), Match::kNo);
}

TEST(LabelSelectorTest, PdbV1beta1EmptySelectsNothing) {
  Value empty = MapOf({});
  LabelSelector s = LabelSelector::FromLabelSelector(&empty, SelectorAbsence::kNothing);
  EXPECT_EQ(s.scope(), LabelSelector::Scope::kNothing);
  EXPECT_EQ(s.Matches(kWeb), Match::kNo);
}

TEST(LabelSelectorTest, NetworkPolicyAbsentOrEmptyPodSelectorSelectsEverything) {
  Value empty = MapOf({});
  EXPECT_EQ(LabelSelector::FromLabelSelector(nullptr, SelectorAbsence::kEverything).scope(),
            LabelSelector::Scope::kEverything);
  EXPECT_EQ(LabelSelector::FromLabelSelector(&empty, SelectorAbsence::kEverything).scope(),
            LabelSelector::Scope::kEverything);
}

TEST(LabelSelectorTest, ServiceWithoutSelectorSelectsNothing) {
  Value empty = MapOf({});
  EXPECT_EQ(LabelSelector::FromMap(nullptr, SelectorAbsence::kNothing).scope(),
            LabelSelector::Scope::kNothing);
  EXPECT_EQ(LabelSelector::FromMap(&empty, SelectorAbsence::kNothing).scope(),
            LabelSelector::Scope::kNothing);
}

TEST(LabelSelectorTest, UnknownFieldsAreIgnoredAsTheApiServerDoes) {
  // A misspelt matchLabels leaves an empty selector: in policy/v1 it selects every pod.
  Value typo = MapOf({{"matchlabels", MapOf({{"app", Str("web")}})}});
  EXPECT_EQ(LabelSelector::FromLabelSelector(&typo, kPdbV1).scope(),
            LabelSelector::Scope::kEverything);
}

// --- operators ------------------------------------------------------------------------------

TEST(LabelSelectorTest, ServiceMapSelectorRequiresEveryPair) {
  Value map = MapOf({{"app", Str("web")}, {"tier", Str("frontend")}});
  LabelSelector s = LabelSelector::FromMap(&map, SelectorAbsence::kNothing);
  EXPECT_EQ(s.Matches(kWeb), Match::kYes);
  EXPECT_EQ(s.Matches(Labels::Of({{"app", "web"}})), Match::kNo);
  EXPECT_EQ(s.Matches(kDb), Match::kNo);
  EXPECT_EQ(s.ToString(), "app=web,tier=frontend");
}

TEST(LabelSelectorTest, MatchLabelsAndExpressionsAreAnded) {
  Value v = Selector({{"app", Str("web")}}, {Expression("tier", "In", Strings({"frontend"}))});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  EXPECT_EQ(s.Matches(kWeb), Match::kYes);
  EXPECT_EQ(s.Matches(Labels::Of({{"app", "web"}, {"tier", "backend"}})), Match::kNo);
}

TEST(LabelSelectorTest, InOperator) {
  Value v = Selector({}, {Expression("tier", "In", Strings({"frontend", "edge"}))});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  EXPECT_EQ(s.Matches(kWeb), Match::kYes);
  EXPECT_EQ(s.Matches(Labels::Of({{"tier", "edge"}})), Match::kYes);
  EXPECT_EQ(s.Matches(kDb), Match::kNo);
  EXPECT_EQ(s.Matches(kNone), Match::kNo);
  EXPECT_EQ(s.ToString(), "tier in (edge,frontend)");
}

TEST(LabelSelectorTest, NotInOperatorMatchesAnAbsentKey) {
  Value v = Selector({}, {Expression("tier", "NotIn", Strings({"backend"}))});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  EXPECT_EQ(s.Matches(kWeb), Match::kYes);
  EXPECT_EQ(s.Matches(kDb), Match::kNo);
  EXPECT_EQ(s.Matches(kNone), Match::kYes);
  EXPECT_EQ(s.ToString(), "tier notin (backend)");
}

TEST(LabelSelectorTest, ExistsAndDoesNotExist) {
  Value exists = Selector({}, {Expression("canary", "Exists")});
  Value absent = Selector({}, {Expression("canary", "DoesNotExist", ListOf({}))});
  LabelSelector e = LabelSelector::FromLabelSelector(&exists, kPdbV1);
  LabelSelector d = LabelSelector::FromLabelSelector(&absent, kPdbV1);
  EXPECT_EQ(e.Matches(kDb), Match::kYes);
  EXPECT_EQ(e.Matches(kWeb), Match::kNo);
  EXPECT_EQ(d.Matches(kDb), Match::kNo);
  EXPECT_EQ(d.Matches(kWeb), Match::kYes);
  EXPECT_EQ(e.ToString(), "canary");
  EXPECT_EQ(d.ToString(), "!canary");
}

// --- invalid selectors are unknown ---------------------------------------------------------

TEST(LabelSelectorTest, SelectorsTheApiServerRejectsAreUnknown) {
  struct Case {
    const char* name;
    Value selector;
  };
  std::vector<Case> cases = {
      {"unknown operator", Selector({}, {Expression("a", "Gt", Strings({"1"}))})},
      {"In without values", Selector({}, {Expression("a", "In")})},
      {"NotIn with empty values", Selector({}, {Expression("a", "NotIn", ListOf({}))})},
      {"Exists with values", Selector({}, {Expression("a", "Exists", Strings({"x"}))})},
      {"number in matchLabels", Selector({{"version", Value::Number(1)}})},
      {"number in values", Selector({}, {Expression("a", "In", ListOf({Value::Number(1)}))})},
      {"expression without key", Selector({}, {MapOf({{"operator", Str("Exists")}})})},
      {"matchLabels a list", MapOf({{"matchLabels", Strings({"app"})}})},
      {"matchExpressions a map", MapOf({{"matchExpressions", MapOf({})}})},
      {"selector a string", Str("app=web")},
  };
  for (const Case& c : cases) {
    LabelSelector s = LabelSelector::FromLabelSelector(&c.selector, kPdbV1);
    EXPECT_EQ(s.scope(), LabelSelector::Scope::kUnknown) << c.name;
    EXPECT_FALSE(s.unknown_reason().empty()) << c.name;
    EXPECT_EQ(s.Matches(kWeb), Match::kUnknown) << c.name;
    EXPECT_EQ(s.Matches(kNone), Match::kUnknown) << c.name;
  }
  Value bad_service = MapOf({{"app", Value::Bool(true)}});
  EXPECT_EQ(LabelSelector::FromMap(&bad_service, SelectorAbsence::kNothing).scope(),
            LabelSelector::Scope::kUnknown);
}

// --- Unknown values: three-valued matching ---------------------------------------------------

TEST(LabelSelectorTest, UnknownSelectorNeverMatchesNorFails) {
  Value unknown = Value::Unknown("computed");
  LabelSelector s = LabelSelector::FromLabelSelector(&unknown, kPdbV1);
  EXPECT_EQ(s.scope(), LabelSelector::Scope::kUnknown);
  EXPECT_EQ(s.Matches(kWeb), Match::kUnknown);
  EXPECT_EQ(s.ToString(), "<unknown>");
}

TEST(LabelSelectorTest, UnknownMatchLabelValueLeavesPresentKeysUndecided) {
  Value v = Selector({{"app", Value::Unknown("from a variable")}, {"tier", Str("frontend")}});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  ASSERT_EQ(s.scope(), LabelSelector::Scope::kRequirements);
  EXPECT_EQ(s.Matches(kWeb), Match::kUnknown);
  // A known requirement that fails decides: no match whatever the unknown value is.
  EXPECT_EQ(s.Matches(kDb), Match::kNo);
  // The key is absent: no value can match it.
  EXPECT_EQ(s.Matches(Labels::Of({{"tier", "frontend"}})), Match::kNo);
  EXPECT_EQ(s.ToString(), "app in (<unknown>),tier=frontend");
}

TEST(LabelSelectorTest, UnknownValueInListKeepsKnownMembers) {
  Value v = Selector(
      {}, {Expression("tier", "In", ListOf({Str("frontend"), Value::Unknown("computed")}))});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  EXPECT_EQ(s.Matches(kWeb), Match::kYes);
  EXPECT_EQ(s.Matches(kDb), Match::kUnknown);
  Value n = Selector(
      {}, {Expression("tier", "NotIn", ListOf({Str("backend"), Value::Unknown("computed")}))});
  LabelSelector not_in = LabelSelector::FromLabelSelector(&n, kPdbV1);
  EXPECT_EQ(not_in.Matches(kDb), Match::kNo);
  EXPECT_EQ(not_in.Matches(kWeb), Match::kUnknown);
  EXPECT_EQ(not_in.Matches(kNone), Match::kYes);
}

TEST(LabelSelectorTest, UnknownExpressionIsOpaqueButKnownPartsStillDecide) {
  Value v = Selector({{"app", Str("web")}}, {Value::Unknown("computed expression")});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  ASSERT_EQ(s.scope(), LabelSelector::Scope::kRequirements);
  EXPECT_EQ(s.Matches(kWeb), Match::kUnknown);
  EXPECT_EQ(s.Matches(kDb), Match::kNo);
}

TEST(LabelSelectorTest, UnknownLabelsLeaveEverySetBasedRequirementUndecided) {
  Value v = Selector({{"app", Str("web")}});
  LabelSelector s = LabelSelector::FromLabelSelector(&v, kPdbV1);
  EXPECT_EQ(s.Matches(Labels::Unknown()), Match::kUnknown);
  // A label whose value is unknown: Exists is decided, equality is not.
  Value labels_value = MapOf({{"app", Value::Unknown("computed")}});
  Labels partly = Labels::FromValue(&labels_value);
  EXPECT_EQ(s.Matches(partly), Match::kUnknown);
  Value exists = Selector({}, {Expression("app", "Exists")});
  EXPECT_EQ(LabelSelector::FromLabelSelector(&exists, kPdbV1).Matches(partly), Match::kYes);
  Value gone = Selector({}, {Expression("app", "DoesNotExist")});
  EXPECT_EQ(LabelSelector::FromLabelSelector(&gone, kPdbV1).Matches(partly), Match::kNo);
}

// --- LabelIndex ------------------------------------------------------------------------------

TEST(LabelIndexTest, SelectsByEveryOperator) {
  LabelIndex index;
  index.Add(10, kWeb);
  index.Add(11, kDb);
  index.Add(12, kNone);
  index.Add(13, Labels::Unknown());
  using Result = std::vector<std::pair<uint32_t, Match>>;

  Value web = Selector({{"app", Str("web")}});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&web, kPdbV1)),
            (Result{{10, Match::kYes}, {13, Match::kUnknown}}));
  Value not_backend = Selector({}, {Expression("tier", "NotIn", Strings({"backend"}))});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&not_backend, kPdbV1)),
            (Result{{10, Match::kYes}, {12, Match::kYes}, {13, Match::kUnknown}}));
  Value no_canary = Selector({}, {Expression("canary", "DoesNotExist")});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&no_canary, kPdbV1)),
            (Result{{10, Match::kYes}, {12, Match::kYes}, {13, Match::kUnknown}}));
  Value canary = Selector({}, {Expression("canary", "Exists")});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&canary, kPdbV1)),
            (Result{{11, Match::kYes}, {13, Match::kUnknown}}));
  EXPECT_EQ(index.Select(LabelSelector::Everything()),
            (Result{{10, Match::kYes}, {11, Match::kYes}, {12, Match::kYes}, {13, Match::kYes}}));
  EXPECT_TRUE(index.Select(LabelSelector::Nothing()).empty());
  EXPECT_EQ(index.Select(LabelSelector::MakeUnknown("x")).size(), 4u);
  Value none = Selector({{"app", Str("cache")}});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&none, kPdbV1)),
            (Result{{13, Match::kUnknown}}));
}

TEST(LabelIndexTest, LabelWithUnknownValueIsACandidateForEquality) {
  LabelIndex index;
  Value labels_value = MapOf({{"app", Value::Unknown("computed")}});
  index.Add(1, Labels::FromValue(&labels_value));
  index.Add(2, Labels::Of({{"app", "web"}}));
  Value web = Selector({{"app", Str("web")}});
  EXPECT_EQ(index.Select(LabelSelector::FromLabelSelector(&web, kPdbV1)),
            (std::vector<std::pair<uint32_t, Match>>{{1, Match::kUnknown}, {2, Match::kYes}}));
}

TEST(LabelIndexTest, VisitorSeesItemsInOrder) {
  LabelIndex index;
  index.Add(7, kWeb);
  index.Add(3, kWeb);
  std::vector<uint32_t> seen;
  index.Select(LabelSelector::Everything(), [&](uint32_t item, Match) { seen.push_back(item); });
  EXPECT_EQ(seen, (std::vector<uint32_t>{3, 7}));
}

// Random labels and selectors over a small alphabet (so that matches are frequent), compared
// with a brute-force scan: the index must return exactly the items whose match is not kNo.
TEST(LabelIndexTest, EqualsBruteForceOnRandomInputs) {
  std::mt19937 random(20240611);
  const std::vector<std::string> keys = {"app", "tier", "zone", "canary", "team"};
  const std::vector<std::string> values = {"a", "b", "c", "d"};
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random)];
  };
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(random) < percent;
  };
  auto random_value = [&]() -> Value {
    return chance(5) ? Value::Unknown("random") : Str(pick(values));
  };

  for (int round = 0; round < 40; ++round) {
    LabelIndex index;
    std::vector<std::pair<uint32_t, Labels>> items;
    const int count = std::uniform_int_distribution<int>(0, 60)(random);
    for (int i = 0; i < count; ++i) {
      Labels labels;
      if (chance(3)) {
        labels = Labels::Unknown();
      } else {
        ValueMap map;
        for (const std::string& key : keys) {
          if (chance(50)) map.emplace(key, random_value());
        }
        Value value = Value::Map(std::move(map));
        labels = Labels::FromValue(&value);
      }
      const uint32_t item = static_cast<uint32_t>(i * 3 + 1);
      items.emplace_back(item, labels);
      index.Add(item, labels);
    }
    for (int query = 0; query < 60; ++query) {
      std::vector<std::pair<std::string, Value>> match_labels;
      std::vector<Value> expressions;
      const int requirements = std::uniform_int_distribution<int>(0, 3)(random);
      for (int r = 0; r < requirements; ++r) {
        const std::string key = pick(keys);
        switch (std::uniform_int_distribution<int>(0, 4)(random)) {
          case 0:
            match_labels.emplace_back(key, random_value());
            break;
          case 1:
          case 2: {
            ValueList list;
            const int n = std::uniform_int_distribution<int>(1, 3)(random);
            for (int k = 0; k < n; ++k) list.push_back(random_value());
            expressions.push_back(
                Expression(key, chance(50) ? "In" : "NotIn", Value::List(std::move(list))));
            break;
          }
          case 3:
            expressions.push_back(Expression(key, chance(50) ? "Exists" : "DoesNotExist"));
            break;
          default:
            if (chance(20)) expressions.push_back(Value::Unknown("random expression"));
            break;
        }
      }
      Value selector_value = Selector(match_labels, expressions);
      LabelSelector selector = LabelSelector::FromLabelSelector(
          &selector_value, chance(50) ? kPdbV1 : SelectorAbsence::kNothing);
      std::vector<std::pair<uint32_t, Match>> expected;
      for (const auto& [item, labels] : items) {
        Match match = selector.Matches(labels);
        if (match != Match::kNo) expected.emplace_back(item, match);
      }
      ASSERT_EQ(index.Select(selector), expected)
          << "round " << round << " query " << query << " selector " << selector.ToString();
    }
  }
}

}  // namespace
}  // namespace faultline::engine::k8s
