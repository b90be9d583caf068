// The fixture-driven rule test: every file or directory under rules/*/*/testdata/ is scanned
// through engine::Scan with only its rule enabled, and the findings must equal the fixture's
// inline `expect:` annotations (see tests/testing/annotations.h). Fixtures are discovered when
// the test runs, so a new fixture needs no code.
#include <gtest/gtest.h>

#include "rules/registry.h"
#include "tests/testing/fixture_runner.h"

namespace faultline::rules {
namespace {

using testing::Fixture;

const engine::RuleList& AllRules() {
  static const engine::RuleList* rules = new engine::RuleList(CreateAllRules());
  return *rules;
}

class RuleFixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(RuleFixtureTest, FindsExactlyTheExpectedFindings) {
  const Fixture& fixture = GetParam();
  const engine::Rule* rule = nullptr;
  for (const auto& candidate : AllRules()) {
    if (candidate->metadata().name == fixture.rule_name) rule = candidate.get();
  }
  ASSERT_NE(rule, nullptr) << "no registered rule named " << fixture.rule_name << " for "
                           << fixture.path;
  testing::FixtureOutcome outcome = testing::RunFixture(fixture, AllRules(), rule->metadata().id);
  std::string problems;
  for (const std::string& problem : outcome.problems) problems += "\n  " + problem;
  EXPECT_TRUE(outcome.problems.empty())
      << fixture.path << " (" << rule->metadata().id << "): expected " << outcome.expected
      << ", compared " << outcome.found << " finding(s)" << problems;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixtureTest,
                         ::testing::ValuesIn(testing::DiscoverFixtures(FAULTLINE_RULES_DIR)),
                         [](const ::testing::TestParamInfo<Fixture>& info) {
                           return testing::FixtureTestName(info.param);
                         });

}  // namespace
}  // namespace faultline::rules
