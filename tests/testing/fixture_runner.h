// Runs a rule fixture (fixtures.h) through engine::Scan and compares the findings with its
// inline expectations: a missing finding and an unexpected one are both problems.
#ifndef FAULTLINE_TESTS_TESTING_FIXTURE_RUNNER_H_
#define FAULTLINE_TESTS_TESTING_FIXTURE_RUNNER_H_

#include <string>
#include <vector>

#include "engine/rule.h"
#include "tests/testing/fixtures.h"

namespace faultline::testing {

struct FixtureOutcome {
  std::vector<std::string> problems;  // empty when the fixture passes
  size_t expected = 0;
  size_t found = 0;
};

// Scans the fixture with only `rule_id` enabled (from `rules`) and compares the findings of that
// rule, of any rule an expectation names, and engine diagnostics above info (a fixture must
// parse and evaluate cleanly) with the expectations. Also a problem: a bad_ fixture without
// expectations, a good_/unknown_ fixture with some, malformed annotations, scan input errors.
FixtureOutcome RunFixture(const Fixture& fixture, const engine::RuleList& rules,
                          const std::string& rule_id);

}  // namespace faultline::testing

#endif  // FAULTLINE_TESTS_TESTING_FIXTURE_RUNNER_H_
