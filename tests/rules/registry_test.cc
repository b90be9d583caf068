// Meta-tests of the rule pack: registration, naming, metadata, fixtures and generated docs.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "cli/rules_catalog.h"
#include "engine/engine_rules.h"
#include "engine/secrets/secret_scanner.h"
#include "rules/registry.h"
#include "tests/testing/fixtures.h"

namespace faultline::rules {
namespace {

namespace fs = std::filesystem;
using testing::DiscoverFixtures;
using testing::DiscoverRuleDirectories;
using testing::Fixture;
using testing::FixtureKind;
using testing::RuleNameFor;

const std::string kRulesDir = FAULTLINE_RULES_DIR;
const std::string kSourceDir = FAULTLINE_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The directory a rule lives in: rules/<category>/<directory>, found by its name.
std::optional<std::pair<std::string, std::string>> DirectoryOf(const std::string& name) {
  for (const auto& [category, directory] : DiscoverRuleDirectories(kRulesDir)) {
    if (RuleNameFor(category, directory) == name) return std::make_pair(category, directory);
  }
  return std::nullopt;
}

// "FL-AWS-0001" -> "aws".
std::string IdBlock(const std::string& id) {
  std::string block = id.substr(3, id.rfind('-') - 3);
  std::transform(block.begin(), block.end(), block.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (block == "sec") return "secrets";  // FL-SEC-* rules live in rules/secrets/
  return block;
}

TEST(RegistryTest, IdsAndNamesAreUniqueAndWellFormed) {
  engine::RuleList rules = CreateAllRules();
  ASSERT_FALSE(rules.empty());
  const std::regex id_pattern("FL-(AWS|GCP|AZR|K8S|IAM|NET|SEC|DRIFT|ENG)-[0-9]{4}");
  const std::regex name_pattern("[a-z0-9]+(-[a-z0-9]+)+");
  std::set<std::string> ids, names;
  for (const engine::RuleMetadata* rule : cli::RuleCatalog(rules)) {
    EXPECT_TRUE(std::regex_match(rule->id, id_pattern)) << rule->id;
    EXPECT_TRUE(std::regex_match(rule->name, name_pattern)) << rule->name;
    EXPECT_TRUE(ids.insert(rule->id).second) << "duplicate id " << rule->id;
    EXPECT_TRUE(names.insert(rule->name).second) << "duplicate name " << rule->name;
  }
}

TEST(RegistryTest, NamesMatchDirectoriesAndIdBlocks) {
  engine::RuleList rules = CreateAllRules();
  for (const auto& rule : rules) {
    const engine::RuleMetadata& m = rule->metadata();
    auto directory = DirectoryOf(m.name);
    ASSERT_TRUE(directory.has_value())
        << m.id << " " << m.name << ": no directory rules/<category>/<dir> whose "
        << "category-dir (underscores as dashes) equals the name";
    const auto& [category, dir] = *directory;
    EXPECT_EQ(IdBlock(m.id), category) << m.id << " lives in rules/" << category;
    fs::path base = fs::path(kRulesDir) / category / dir;
    EXPECT_TRUE(fs::exists(base / (dir + ".h"))) << base / (dir + ".h");
    EXPECT_TRUE(fs::exists(base / (dir + ".cc"))) << base / (dir + ".cc");
  }
}

TEST(RegistryTest, EveryRuleDirectoryIsRegisteredInAlphabeticalOrder) {
  engine::RuleList rules = CreateAllRules();
  std::vector<std::string> registered;
  for (const auto& rule : rules) registered.push_back(rule->metadata().name);
  std::vector<std::string> directories;
  for (const auto& [category, directory] : DiscoverRuleDirectories(kRulesDir)) {
    directories.push_back(RuleNameFor(category, directory));
  }
  // DiscoverRuleDirectories is sorted by path, which is the registry's required order.
  EXPECT_EQ(registered, directories)
      << "rules/registry.cc must list one rule per rules/<category>/<dir>/, in path order";
}

TEST(RegistryTest, MetadataIsComplete) {
  engine::RuleList rules = CreateAllRules();
  for (const auto& rule : rules) {
    const engine::RuleMetadata& m = rule->metadata();
    SCOPED_TRACE(m.id);
    EXPECT_FALSE(m.title.empty());
    EXPECT_FALSE(m.summary.empty());
    EXPECT_FALSE(m.why.empty());
    EXPECT_FALSE(m.remediation.empty());
    EXPECT_FALSE(m.example_fix.empty());
    EXPECT_TRUE(m.summary.ends_with(".")) << m.summary;
    EXPECT_EQ(m.summary.find(". "), std::string::npos) << "summary is one sentence";
    EXPECT_TRUE(m.remediation.ends_with(".")) << "remediation is full sentences";
    EXPECT_FALSE(m.references.empty());
    for (const std::string& reference : m.references) {
      EXPECT_TRUE(reference.starts_with("https://")) << reference;
    }
    for (const engine::PeerCheck& peer : m.peers) {
      EXPECT_FALSE(peer.tool.empty());
      EXPECT_FALSE(peer.id.empty());
    }
    // Secret rules apply to every type: a credential can sit in any resource's attributes.
    if (!m.id.starts_with("FL-SEC-")) {
      EXPECT_FALSE(m.scope.types.empty()) << "a rule names the resource types it applies to";
    }
    EXPECT_FALSE(m.scope.kinds.empty());
    EXPECT_FALSE(m.scope.origins.empty());
  }
}

// The header opens with "ClassName (ID, name)." and then the summary sentence.
TEST(RegistryTest, SummaryOpensTheClassComment) {
  engine::RuleList rules = CreateAllRules();
  for (const auto& rule : rules) {
    const engine::RuleMetadata& m = rule->metadata();
    auto directory = DirectoryOf(m.name);
    ASSERT_TRUE(directory.has_value()) << m.name;
    fs::path header =
        fs::path(kRulesDir) / directory->first / directory->second / (directory->second + ".h");
    std::istringstream lines(ReadFile(header));
    std::string line, first, comment;
    while (std::getline(lines, line) && line.starts_with("//")) {
      std::string text = line.size() > 3 ? line.substr(3) : "";
      if (first.empty()) {
        first = text;
        continue;
      }
      if (!comment.empty() && !text.empty()) comment += ' ';
      comment += text;
    }
    EXPECT_NE(first.find("(" + m.id + ", " + m.name + ")"), std::string::npos) << first;
    EXPECT_TRUE(comment.starts_with(m.summary)) << header << " should open with the summary:\n  "
                                                << m.summary << "\nbut has:\n  " << comment;
  }
}

TEST(RegistryTest, EngineDiagnosticsAreInTheCatalog) {
  engine::RuleList rules = CreateAllRules();
  std::vector<const engine::RuleMetadata*> catalog = cli::RuleCatalog(rules);
  for (const engine::RuleMetadata& m : engine::EngineRuleMetadata()) {
    EXPECT_EQ(cli::FindRule(catalog, m.id), &m) << m.id;
  }
  EXPECT_EQ(catalog.size(), rules.size() + engine::EngineRuleMetadata().size() +
                                engine::secrets::SecretRuleMetadata().size());
}

TEST(FixturesTest, EveryRuleHasBadGoodAndUnknownFixtures) {
  engine::RuleList rules = CreateAllRules();
  std::vector<Fixture> fixtures = DiscoverFixtures(kRulesDir);
  for (const auto& rule : rules) {
    const std::string& name = rule->metadata().name;
    std::set<FixtureKind> kinds;
    for (const Fixture& f : fixtures) {
      if (f.rule_name == name) kinds.insert(f.kind);
    }
    EXPECT_TRUE(kinds.count(FixtureKind::kBad)) << name << " has no testdata/bad_* fixture";
    EXPECT_TRUE(kinds.count(FixtureKind::kGood)) << name << " has no testdata/good_* fixture";
    EXPECT_TRUE(kinds.count(FixtureKind::kUnknown)) << name << " has no testdata/unknown_* fixture";
  }
}

TEST(FixturesTest, AnnotationsAreWellFormedAndNameKnownRules) {
  engine::RuleList rules = CreateAllRules();
  std::vector<const engine::RuleMetadata*> catalog = cli::RuleCatalog(rules);
  for (const Fixture& fixture : DiscoverFixtures(kRulesDir)) {
    SCOPED_TRACE(fixture.path);
    EXPECT_NE(fixture.kind, FixtureKind::kInvalid)
        << "fixture names start with bad_, good_ or unknown_";
    testing::ParsedExpectations parsed = testing::FixtureExpectations(fixture);
    for (const std::string& error : parsed.errors) ADD_FAILURE() << error;
    if (fixture.kind == FixtureKind::kBad) {
      EXPECT_FALSE(parsed.expectations.empty()) << "a bad_ fixture expects findings";
    } else {
      EXPECT_TRUE(parsed.expectations.empty()) << "good_/unknown_ fixtures expect nothing";
    }
    for (const testing::Expectation& e : parsed.expectations) {
      EXPECT_NE(cli::FindRule(catalog, e.rule_id), nullptr) << Describe(e) << ": unknown rule";
    }
  }
}

TEST(DocsTest, RulesMarkdownIsCurrent) {
  engine::RuleList rules = CreateAllRules();
  std::string generated = cli::RenderRulesMarkdown(cli::RuleCatalog(rules));
  std::string committed = ReadFile(fs::path(kSourceDir) / "docs" / "rules.md");
  EXPECT_TRUE(committed == generated)
      << "docs/rules.md is stale. Regenerate it from the repository root with:\n"
      << "  ./build/faultline rules list --format markdown > docs/rules.md";
}

}  // namespace
}  // namespace faultline::rules
