// Rule fixtures: discovery of rules/<category>/<rule>/testdata/* and their inline expectations
// (see annotations.h). Running them through the engine is fixture_runner.h.
//
// A fixture is either a file directly under testdata/ (scanned alone) or a direct subdirectory
// of testdata/ (scanned as a directory, so it can hold a module layout, tfvars and local
// modules). Its kind comes from its name prefix: bad_ (must produce the expected findings),
// good_ (must produce none) and unknown_ (Unknown values, must produce none).
#ifndef FAULTLINE_TESTS_TESTING_FIXTURES_H_
#define FAULTLINE_TESTS_TESTING_FIXTURES_H_

#include <ostream>
#include <string>
#include <vector>

#include "tests/testing/annotations.h"

namespace faultline::testing {

enum class FixtureKind { kBad, kGood, kUnknown, kInvalid };

struct Fixture {
  std::string category;   // "aws"
  std::string directory;  // "rds_single_az"
  std::string rule_name;  // "aws-rds-single-az", derived from category and directory
  std::string name;       // the file or directory name under testdata/
  std::string path;       // full path of the file or directory
  bool is_directory = false;
  FixtureKind kind = FixtureKind::kInvalid;
};

// GoogleTest prints a fixture parameter as its path.
void PrintTo(const Fixture& fixture, std::ostream* out);

// "aws", "rds_single_az" -> "aws-rds-single-az".
std::string RuleNameFor(const std::string& category, const std::string& directory);

// Every rules/<category>/<directory>/ (sorted), as {category, directory} pairs.
std::vector<std::pair<std::string, std::string>> DiscoverRuleDirectories(
    const std::string& rules_root);

// Every fixture of every rule directory under `rules_root`, sorted by path. Hidden entries
// (".name") are ignored.
std::vector<Fixture> DiscoverFixtures(const std::string& rules_root);

// A GoogleTest-safe parameter name: "aws_rds_single_az_bad_multi_az_false_tf".
std::string FixtureTestName(const Fixture& fixture);

// The expectations written in a fixture (every annotatable file in it), with parse errors.
ParsedExpectations FixtureExpectations(const Fixture& fixture);

}  // namespace faultline::testing

#endif  // FAULTLINE_TESTS_TESTING_FIXTURES_H_
