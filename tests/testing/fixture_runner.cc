#include "tests/testing/fixture_runner.h"

#include <fstream>
#include <set>
#include <string>

#include "engine/engine_rules.h"
#include "engine/file_provider.h"
#include "engine/scan.h"

namespace faultline::testing {

namespace {

// Which findings a fixture is checked against: those of the rule under test, those of any rule
// an expectation names, and engine diagnostics above info (a fixture that does not parse or
// evaluate cleanly proves nothing). Informational engine notices (such as a remote module that
// is not available) are ignored unless expected.
bool Compared(const engine::Finding& finding, const std::string& rule_id,
              const std::set<std::string>& expected_ids) {
  if (finding.rule_id == rule_id || expected_ids.count(finding.rule_id) > 0) return true;
  return engine::FindEngineRule(finding.rule_id) != nullptr &&
         finding.severity > engine::Severity::kInfo;
}

}  // namespace

FixtureOutcome RunFixture(const Fixture& fixture, const engine::RuleList& rules,
                          const std::string& rule_id) {
  FixtureOutcome outcome;
  ParsedExpectations expected = FixtureExpectations(fixture);
  outcome.expected = expected.expectations.size();
  for (const std::string& error : expected.errors) {
    outcome.problems.push_back("malformed annotation: " + error);
  }
  switch (fixture.kind) {
    case FixtureKind::kBad:
      if (expected.expectations.empty()) {
        outcome.problems.push_back(fixture.path +
                                   ": a bad_ fixture needs at least one "
                                   "`# expect:` annotation");
      }
      break;
    case FixtureKind::kGood:
    case FixtureKind::kUnknown:
      if (!expected.expectations.empty()) {
        outcome.problems.push_back(fixture.path +
                                   ": good_ and unknown_ fixtures must expect no findings");
      }
      break;
    case FixtureKind::kInvalid:
      outcome.problems.push_back(fixture.path +
                                 ": fixture names start with bad_, good_ or unknown_");
      break;
  }

  engine::ScanOptions options;
  options.paths = {fixture.path};
  options.enabled_rules = {rule_id};
  options.jobs = 2;
  // A directory fixture may configure the rule's options in a `rule_options` file, one
  // `name=value` per line (as .faultline.yaml would), for rules that are off by default.
  if (fixture.is_directory) {
    std::ifstream in(fixture.path + "/rule_options");
    for (std::string line; std::getline(in, line);) {
      size_t equals = line.find('=');
      if (line.empty() || line[0] == '#' || equals == std::string::npos) continue;
      options.rule_options[rule_id][line.substr(0, equals)] = line.substr(equals + 1);
    }
  }
  engine::DiskFileProvider provider;
  engine::ScanResult result = engine::Scan(options, provider, rules);
  for (const std::string& error : result.input_errors) {
    outcome.problems.push_back("scan input error: " + error);
  }

  std::set<std::string> expected_ids;
  for (const Expectation& e : expected.expectations) expected_ids.insert(e.rule_id);
  std::vector<ActualFinding> actual;
  for (const engine::Finding& finding : result.findings) {
    if (!Compared(finding, rule_id, expected_ids)) continue;
    ActualFinding a;
    if (finding.range.valid()) {
      a.file = engine::NormalizePath(finding.range.file->path());
      engine::Position start = finding.range.start();
      a.line = start.line + 1;
      a.column = start.column + 1;
    }
    a.rule_id = finding.rule_id;
    a.message = finding.message;
    actual.push_back(std::move(a));
  }
  outcome.found = actual.size();
  MatchResult match = MatchFindings(expected.expectations, actual);
  for (const Expectation& e : match.missing) {
    outcome.problems.push_back("missing finding: " + Describe(e));
  }
  for (const ActualFinding& f : match.unexpected) {
    outcome.problems.push_back("unexpected finding: " + Describe(f));
  }
  return outcome;
}

}  // namespace faultline::testing
