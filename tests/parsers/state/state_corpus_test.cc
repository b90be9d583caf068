// Every `.json` and `.tfstate` file of the shared real-world state corpus
// (../shared/corpus/realworld/state: hashicorp/terraform-json, infracost and driftctl fixtures):
// each is recognised as the format the table below says (files that are not state or plan JSON
// are listed with the reason), loads without a crash, and state-like files load without
// diagnostics unless they are the corpus' deliberately broken ones. A few are checked by hand.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "engine/source_file.h"
#include "parsers/state/state_loader.h"

namespace faultline::parsers::state {
namespace {

namespace fs = std::filesystem;
using engine::Resource;
using engine::SourceFile;

const fs::path kCorpus = FAULTLINE_STATE_CORPUS;

struct Expectation {
  const char* pattern;  // ECMAScript regex on the path relative to the corpus
  StateFormat format;
  const char* reason;   // what the files are (required for kNotState and broken files)
  bool broken = false;  // a deliberately malformed file: an FL-ENG-0001 is expected
};

// First match wins.
const Expectation kExpectations[] = {
    {R"(^snyk__driftctl/pkg/iac/terraform/state/testdata/v4/invalid\.tfstate$)",
     StateFormat::kStateV4, "driftctl's broken state: a string split over several lines", true},
    {R"(^hashicorp__terraform-json/testdata/invalid/plan\.json$)", StateFormat::kPlanJson,
     "terraform-json's invalid plan: extra data after the document", true},
    {R"(^hashicorp__terraform-json/testdata/invalid/state\.json$)", StateFormat::kPlanJson,
     "terraform-json's invalid document: unbalanced braces; plan-shaped (variables, "
     "configuration)",
     true},
    {R"(^infracost__infracost/cmd/infracost/testdata/plan_with_terraform_wrapper\.json$)",
     StateFormat::kNotState,
     "plan JSON inside GitHub Actions setup-terraform wrapper output ([command] and "
     "::set-output lines): not JSON"},
    {R"(^snyk__driftctl/pkg/iac/terraform/state/enumerator/testdata/.*\.tfstate$)",
     StateFormat::kNotState, "empty files of driftctl's state-globbing tests"},
    {R"(\.tfstate$)", StateFormat::kStateV4, "state v4"},
    {R"(^hashicorp__terraform-json/testdata/[^/]+/plan(-0\.15)?\.json$)", StateFormat::kPlanJson,
     "plan JSON, format_version 0.1 to 1.2"},
    {R"(^hashicorp__terraform-json/testdata/[^/]+/(state|show)\.json$)", StateFormat::kShowJson,
     "terraform show -json of a state"},
    {R"(^hashicorp__terraform-json/testdata/[^/]+/(schemas|functions|single_store)\.json$)",
     StateFormat::kNotState,
     "provider schemas and function signatures (format_version without values)"},
    {R"(^infracost__infracost/.*plan.*\.json$)", StateFormat::kPlanJson, "plan JSON"},
    {R"(^snyk__driftctl/pkg/cmd/scan/output/testdata/output_plan(_empty)?\.json$)",
     StateFormat::kPlanJson, "driftctl's plan-shaped output (resources without a mode)"},
    {R"(^snyk__driftctl/.*results\.golden\.json$)", StateFormat::kNotState,
     "driftctl recordings: flat lists of resources read"},
    {R"(^snyk__driftctl/.*\.res\.golden\.json$)", StateFormat::kNotState,
     "driftctl recordings: one cty-encoded provider read"},
    {R"(^snyk__driftctl/pkg/test/.*/(input|expected)\.json$)", StateFormat::kNotState,
     "driftctl normalisation fixtures: lists of resources"},
    {R"(^snyk__driftctl/test/(terraform/)?schemas/)", StateFormat::kNotState,
     "driftctl's provider schemas"},
    {R"(^snyk__driftctl/pkg/(cmd|analyser)/.*\.json$)", StateFormat::kNotState,
     "driftctl analysis results and stdin fixtures"},
    {R"(^snyk__driftctl/.*policy\.json$)", StateFormat::kNotState, "IAM policy documents"},
    {R"(^snyk__driftctl/pkg/middlewares/testdata/.*openapiv2\.json$)", StateFormat::kNotState,
     "OpenAPI documents"},
    {R"(^snyk__driftctl/pkg/iac/terraform/state/enumerator/testdata/no_state_here/dummy\.json$)",
     StateFormat::kNotState, "driftctl's dummy JSON"},
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext == ".json" || ext == ".tfstate") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Loaded {
  std::unique_ptr<SourceFile> file;
  StateLoadResult result;
};

Loaded LoadCorpusFile(const std::string& relative, const StateLimits& limits = {}) {
  Loaded loaded;
  loaded.file = std::make_unique<SourceFile>(relative, ReadFile(kCorpus / relative));
  loaded.result = LoadTerraformState(*loaded.file, limits);
  return loaded;
}

std::vector<std::string> Addresses(const std::vector<Resource>& resources) {
  std::vector<std::string> out;
  for (const Resource& r : resources) out.push_back(r.address);
  return out;
}

const Resource* Find(const std::vector<Resource>& resources, const std::string& address) {
  for (const Resource& r : resources) {
    if (r.address == address) return &r;
  }
  return nullptr;
}

class StateCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "no corpus at " << kCorpus;
  }
};

TEST_F(StateCorpusTest, EveryFileIsRecognisedAsExpected) {
  std::vector<std::regex> patterns;
  for (const Expectation& e : kExpectations) patterns.emplace_back(e.pattern);
  std::vector<int> matches(patterns.size(), 0);
  std::map<StateFormat, int> per_format;
  const std::vector<fs::path> files = CorpusFiles();
  for (const fs::path& path : files) {
    const std::string relative = fs::relative(path, kCorpus).generic_string();
    size_t which = 0;
    while (which < patterns.size() && !std::regex_search(relative, patterns[which])) ++which;
    if (which == patterns.size()) {
      ADD_FAILURE() << relative << " is not in the expectation table";
      continue;
    }
    ++matches[which];
    const Expectation& expected = kExpectations[which];
    const std::string text = ReadFile(path);
    EXPECT_EQ(SniffStateFormat(std::string_view(text).substr(0, 8192)), expected.format)
        << relative << " (" << expected.reason << ")";
    SourceFile file(relative, text);
    StateLoadResult result = LoadTerraformState(file);
    ++per_format[result.format];
    EXPECT_EQ(result.format, expected.format) << relative << " (" << expected.reason << ")";
    bool syntax_error = false;
    for (const engine::Finding& f : result.diagnostics) {
      EXPECT_TRUE(f.range.valid()) << relative;
      EXPECT_LE(f.range.end, file.size()) << relative;
      if (f.rule_id == engine::kSyntaxErrorId) syntax_error = true;
    }
    if (expected.broken) {
      EXPECT_TRUE(syntax_error) << relative << ": " << expected.reason;
    } else if (expected.format != StateFormat::kNotState) {
      EXPECT_TRUE(result.diagnostics.empty()) << relative << ": " << result.diagnostics[0].rule_id
                                              << " " << result.diagnostics[0].message;
    } else {
      EXPECT_TRUE(result.resources.empty() && result.planned.empty() && result.changes.empty())
          << relative;
      EXPECT_EQ(result.diagnostics.size(), 1u) << relative;
    }
    for (const Resource& r : result.resources) {
      EXPECT_EQ(r.origin, engine::Origin::kState) << relative;
      EXPECT_TRUE(r.attributes.is_map()) << relative << " " << r.address;
      EXPECT_TRUE(r.range.valid() && r.range.end <= file.size()) << relative << " " << r.address;
      EXPECT_EQ(file.text()[r.range.begin], '{') << relative << " " << r.address;
      EXPECT_EQ(file.text()[r.range.end - 1], '}') << relative << " " << r.address;
    }
  }
  for (size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_GT(matches[i], 0) << "expectation matches no file: " << kExpectations[i].pattern;
  }
  // The corpus as documented in its README (non-empty states: 185 v4 files counted by the
  // README over more paths than the .tfstate extension).
  EXPECT_GE(files.size(), 990u);
  EXPECT_GE(per_format[StateFormat::kStateV4], 155);
  EXPECT_GE(per_format[StateFormat::kPlanJson], 30);
  EXPECT_GE(per_format[StateFormat::kShowJson], 5);
}

TEST_F(StateCorpusTest, DeferredAttributesMatchEagerOnes) {
  StateLimits deferred;
  deferred.attributes = AttributeLoading::kDeferred;
  int compared = 0;
  for (const fs::path& path : CorpusFiles()) {
    const std::string text = ReadFile(path);
    if (SniffStateFormat(std::string_view(text).substr(0, 8192)) == StateFormat::kNotState) {
      continue;
    }
    SourceFile file(path.string(), text);
    StateLoadResult eager = LoadTerraformState(file);
    StateLoadResult lazy = LoadTerraformState(file, deferred);
    ASSERT_EQ(Addresses(lazy.resources), Addresses(eager.resources)) << path;
    EXPECT_EQ(lazy.sensitive_paths, eager.sensitive_paths) << path;
    EXPECT_EQ(Addresses(lazy.planned), Addresses(eager.planned)) << path;
    for (size_t i = 0; i < eager.resources.size(); ++i) {
      EXPECT_TRUE(lazy.resources[i].attributes.is_null());
      engine::Value attributes = LoadStateAttributes(file, lazy.format, lazy.resources[i]);
      EXPECT_TRUE(attributes.Equals(eager.resources[i].attributes))
          << path << " " << eager.resources[i].address;
      EXPECT_EQ(attributes.range(), eager.resources[i].attributes.range()) << path;
      ++compared;
    }
  }
  EXPECT_GT(compared, 300);
}

TEST_F(StateCorpusTest, HashicorpStateWithCountAndModules) {
  Loaded loaded =
      LoadCorpusFile("hashicorp__terraform-json/testdata/110_sensitive_values/terraform.tfstate");
  EXPECT_EQ(loaded.result.terraform_version, "1.1.0");
  EXPECT_EQ(Addresses(loaded.result.resources),
            (std::vector<std::string>{"null_resource.bar", "null_resource.baz[0]",
                                      "null_resource.baz[1]", "null_resource.baz[2]",
                                      "null_resource.foo", "module.foo.null_resource.aliased",
                                      "module.foo.null_resource.foo"}));
  const Resource* baz2 = Find(loaded.result.resources, "null_resource.baz[2]");
  EXPECT_EQ(baz2->Find({"triggers", "foo_id"})->as_string(), "7914344597979736746");
  EXPECT_EQ(baz2->range.start().line + 1, 158u);
  EXPECT_EQ(loaded.result.dependencies.at("null_resource.baz[2]"),
            std::vector<std::string>{"null_resource.foo"});
  const Resource* aliased = Find(loaded.result.resources, "module.foo.null_resource.aliased");
  EXPECT_EQ(aliased->module_address, "module.foo");
  EXPECT_TRUE(aliased->Get("triggers")->is_null());

  // The same state through `terraform show -json`: the same addresses.
  Loaded show =
      LoadCorpusFile("hashicorp__terraform-json/testdata/110_sensitive_values/state.json");
  std::vector<std::string> a = Addresses(show.result.resources);
  std::vector<std::string> b = Addresses(loaded.result.resources);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
}

TEST_F(StateCorpusTest, ShowJsonWithForEachKeysAndSensitiveValues) {
  Loaded loaded = LoadCorpusFile("hashicorp__terraform-json/testdata/has_checks/state.json");
  EXPECT_EQ(Addresses(loaded.result.resources),
            (std::vector<std::string>{"module.files.local_file.foo[\"file1.txt\"]",
                                      "module.files.local_file.foo[\"file2.txt\"]"}));
  const Resource& foo = loaded.result.resources[0];
  EXPECT_EQ(foo.module_address, "module.files");
  EXPECT_EQ(foo.index_key.as_string(), "file1.txt");
  EXPECT_EQ(foo.Get("filename")->as_string(), "file1.txt");
  EXPECT_EQ(loaded.result.sensitive_paths.at(foo.address),
            std::vector<std::vector<std::string>>{{"sensitive_content"}});
}

TEST_F(StateCorpusTest, PlanAfterUnknownBecomesUnknown) {
  Loaded loaded = LoadCorpusFile("hashicorp__terraform-json/testdata/has_checks/plan.json");
  ASSERT_EQ(loaded.result.changes.size(), 2u);
  const ResourceChange& change = loaded.result.changes[0];
  EXPECT_EQ(change.address, "module.files.local_file.foo[\"file1.txt\"]");
  EXPECT_EQ(change.module_address, "module.files");
  EXPECT_EQ(change.actions, std::vector<ChangeAction>{ChangeAction::kCreate});
  EXPECT_TRUE(change.before.is_null());
  EXPECT_EQ(change.after.Get("content")->as_string(), "Hello, World!");
  for (const char* computed : {"id", "content_md5", "content_sha256"}) {
    ASSERT_NE(change.after.Get(computed), nullptr) << computed;
    EXPECT_TRUE(change.after.Get(computed)->is_unknown()) << computed;
  }
  EXPECT_EQ(change.after_sensitive, std::vector<std::vector<std::string>>{{"sensitive_content"}});
  const Resource* planned = Find(loaded.result.planned, change.address);
  ASSERT_NE(planned, nullptr);
  EXPECT_TRUE(planned->Get("id")->is_unknown());
}

TEST_F(StateCorpusTest, InfracostPlanWithNestedModulesAndForEachKeys) {
  Loaded loaded =
      LoadCorpusFile("infracost__infracost/cmd/infracost/testdata/terraform_v0.14_plan.json");
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kPlanJson);
  EXPECT_EQ(r.terraform_version, "0.14.11");
  EXPECT_EQ(r.resources.size(), 20u);
  EXPECT_EQ(r.planned.size(), 26u);
  EXPECT_EQ(r.changes.size(), 26u);
  for (const char* address : {"aws_instance.instance_named[\"test.1\"]",
                              "module.instances.aws_instance.module_instance_named[\"test.1\"]",
                              "module.instances.aws_instance.module_instance_counted[0]",
                              "module.db.module.db_1.module.db_instance.aws_db_instance.this[0]"}) {
    EXPECT_NE(Find(r.resources, address), nullptr) << address;
  }
  const Resource* subnets = Find(r.resources, "module.db.data.aws_subnet_ids.default");
  ASSERT_NE(subnets, nullptr);
  EXPECT_EQ(subnets->kind, engine::ResourceKind::kData);
  EXPECT_EQ(subnets->module_address, "module.db");
  // db_2 is created by the plan: its computed attributes are unknown in planned_values.
  const Resource* db2 =
      Find(r.planned, "module.db.module.db_2.module.db_instance.aws_db_instance.this[0]");
  ASSERT_NE(db2, nullptr);
  EXPECT_TRUE(db2->Get("id")->is_unknown());
  EXPECT_TRUE(db2->Get("engine")->is_string());
}

TEST_F(StateCorpusTest, DriftctlDataSourcesAndModuleInstances) {
  Loaded data =
      LoadCorpusFile("snyk__driftctl/pkg/iac/terraform/state/test/data_source/terraform.tfstate");
  ASSERT_EQ(Addresses(data.result.resources), std::vector<std::string>{"data.aws_ami.ubuntu"});
  EXPECT_EQ(data.result.resources[0].kind, engine::ResourceKind::kData);
  EXPECT_TRUE(data.result.resources[0].Get("most_recent")->as_bool());

  Loaded module = LoadCorpusFile(
      "snyk__driftctl/pkg/iac/terraform/state/test/module.iam_iam-user/terraform.tfstate");
  EXPECT_EQ(Addresses(module.result.resources),
            (std::vector<std::string>{"module.iam_iam-user.aws_iam_access_key.this_no_pgp[0]",
                                      "module.iam_iam-user.aws_iam_user.this[0]"}));
  EXPECT_EQ(module.result.resources[1].Get("name")->as_string(), "MODULE-USER");
}

TEST_F(StateCorpusTest, BrokenStateKeepsWhatPrecedesTheError) {
  Loaded loaded =
      LoadCorpusFile("snyk__driftctl/pkg/iac/terraform/state/testdata/v4/invalid.tfstate");
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  const engine::Finding& f = loaded.result.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(f.range.start().line + 1, 16u);
  EXPECT_EQ(f.range.start().column + 1, 7u);
}

}  // namespace
}  // namespace faultline::parsers::state
