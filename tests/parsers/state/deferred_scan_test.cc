// Deferred state attributes through the rule runner and the scan (issue 3): a state whose
// attributes are decoded on demand gives the same findings as an eager load, for any number of
// jobs, and rules that read state resources across the graph still see their attributes.
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/file_provider.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"
#include "engine/rule_runner.h"
#include "engine/scan.h"
#include "engine/source_file.h"
#include "parsers/state/state_loader.h"
#include "rules/registry.h"
#include "rules/secrets/state_file/state_file.h"

namespace faultline::parsers::state {
namespace {

using engine::Finding;
using engine::Origin;
using engine::Resource;
using engine::ResourceGraph;
using engine::ResourceKind;
using engine::SourceFile;
using engine::Value;

constexpr char kStateFileRuleId[] = "FL-SEC-0074";

std::string ReadFixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A state v4 of `instances` aws_db_instance instances; every seventh has a clear-text password
// the state-file rule reports, the others a placeholder it does not. `padding` bytes of
// description make the file as large as a test needs without many instances.
std::string StateText(size_t instances, size_t padding = 0) {
  std::string out =
      "{\n  \"version\": 4,\n  \"terraform_version\": \"1.7.5\",\n  \"serial\": 1,\n"
      "  \"lineage\": \"deferred-test\",\n  \"outputs\": {},\n  \"resources\": [\n"
      "    {\n      \"mode\": \"managed\",\n      \"type\": \"aws_db_instance\",\n"
      "      \"name\": \"db\",\n      \"provider\": \"provider[\\\"registry.terraform.io/"
      "hashicorp/aws\\\"]\",\n      \"instances\": [\n";
  const std::string description(padding, 'd');
  for (size_t i = 0; i < instances; ++i) {
    if (i > 0) out += ",\n";
    out += "        {\n          \"index_key\": " + std::to_string(i) +
           ",\n          \"schema_version\": 2,\n          \"attributes\": {\n"
           "            \"description\": \"" +
           description + "\",\n            \"identifier\": \"db-" + std::to_string(i) +
           "\",\n            \"password\": \"" +
           (i % 7 == 0 ? "Pq8-state-Secret-" + std::to_string(i) : std::string("changeme")) +
           "\",\n            \"tags\": {\"Team\": \"data\"},\n"
           "            \"username\": \"admin\"\n          },\n"
           "          \"sensitive_attributes\": []\n        }";
  }
  out += "\n      ]\n    }\n  ]\n}\n";
  return out;
}

struct LoadedState {
  std::unique_ptr<SourceFile> file;
  StateLoadResult result;
};

LoadedState Load(const std::string& path, std::string text, AttributeLoading loading) {
  LoadedState loaded;
  loaded.file = std::make_unique<SourceFile>(path, std::move(text));
  StateLimits limits;
  limits.attributes = loading;
  loaded.result = LoadTerraformState(*loaded.file, limits);
  return loaded;
}

// A finalized graph of the state's resources (module_dir `dir`) after `extra`.
ResourceGraph GraphOf(StateLoadResult* state, const std::string& dir,
                      std::vector<Resource> extra = {}) {
  ResourceGraph graph;
  for (Resource& r : extra) graph.Add(std::move(r));
  for (Resource& r : state->resources) {
    r.module_dir = dir;
    graph.Add(std::move(r));
  }
  graph.Finalize();
  return graph;
}

// Everything a report shows of the findings, in FindingLess order.
std::vector<std::string> Render(std::vector<Finding> findings) {
  std::sort(findings.begin(), findings.end(), engine::FindingLess);
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.rule_id + " " + f.range.file->path() + ":" + std::to_string(f.range.begin) +
                  "-" + std::to_string(f.range.end) + " " + f.resource_address + " " +
                  f.attribute_path + " " + f.module_dir + " " + f.fingerprint + " " + f.message);
  }
  return out;
}

// A value with every location, for comparisons that Value::Equals (locations ignored) misses.
std::string Dump(const Value& v) {
  std::string at = "@" + std::to_string(v.range().begin) + "-" + std::to_string(v.range().end) +
                   "/" + std::to_string(v.origin().begin) + " ";
  switch (v.kind()) {
    case Value::Kind::kMap: {
      std::string out = at + "{";
      for (const auto& [key, value] : v.as_map()) out += key + "=" + Dump(value) + ",";
      return out + "}";
    }
    case Value::Kind::kList: {
      std::string out = at + "[";
      for (const Value& value : v.as_list()) out += Dump(value) + ",";
      return out + "]";
    }
    case Value::Kind::kString:
      return at + "\"" + v.as_string() + "\"";
    default:
      return at + v.ToDisplayString();
  }
}

TEST(DeferredStateAttributes, LoaderSetsADecoderThatGivesTheEagerAttributes) {
  const std::string text = StateText(40);
  LoadedState eager = Load("s.tfstate", text, AttributeLoading::kEager);
  LoadedState deferred = Load("s.tfstate", text, AttributeLoading::kDeferred);
  ASSERT_TRUE(deferred.result.attributes_deferred);
  ASSERT_EQ(eager.result.resources.size(), 40u);
  ASSERT_EQ(deferred.result.resources.size(), 40u);
  for (size_t i = 0; i < 40; ++i) {
    const Resource& e = eager.result.resources[i];
    const Resource& d = deferred.result.resources[i];
    EXPECT_EQ(e.deferred_attributes, nullptr);
    EXPECT_FALSE(e.attributes_deferred());
    ASSERT_NE(d.deferred_attributes, nullptr);
    EXPECT_TRUE(d.attributes_deferred());
    EXPECT_TRUE(d.attributes.is_null());
    // Same tree, same locations (ranges are offsets in equal texts).
    EXPECT_EQ(Dump(d.DecodedAttributes()), Dump(e.attributes)) << e.address;
    EXPECT_EQ(Dump(e.DecodedAttributes()), Dump(e.attributes));
  }
  // One decoder serves the file.
  EXPECT_EQ(deferred.result.resources[0].deferred_attributes,
            deferred.result.resources[39].deferred_attributes);
}

TEST(DeferredStateAttributes, StateFileRuleReportsDeferredResourcesAsEager) {
  const std::string text = ReadFixture(FAULTLINE_STATE_FILE_FIXTURE);
  ASSERT_FALSE(text.empty());
  rules::StateFileRule rule;
  std::vector<std::string> seen[2];
  for (AttributeLoading loading : {AttributeLoading::kEager, AttributeLoading::kDeferred}) {
    LoadedState loaded = Load("repo/terraform.tfstate", text, loading);
    ASSERT_EQ(loaded.result.attributes_deferred, loading == AttributeLoading::kDeferred);
    ResourceGraph graph = GraphOf(&loaded.result, "repo");
    std::vector<Finding> findings = engine::RunRules(graph, {&rule}, 1);
    seen[loading == AttributeLoading::kDeferred] = Render(findings);
    if (loading == AttributeLoading::kDeferred) {
      // Decoded for the rule on a copy and released: the graph still holds none of them.
      for (const Resource& r : graph.resources()) EXPECT_TRUE(r.attributes_deferred());
    }
  }
  ASSERT_EQ(seen[0].size(), 2u);
  EXPECT_NE(seen[0][0].find("terraform state holds password of aws_db_instance.main"),
            std::string::npos)
      << seen[0][0];
  EXPECT_EQ(seen[1], seen[0]);
}

TEST(DeferredStateAttributes, FindingsAreTheSameForAnyNumberOfJobs) {
  // Several of the runner's 512-resource chunks.
  const std::string text = StateText(2000);
  rules::StateFileRule rule;
  LoadedState eager = Load("big/terraform.tfstate", text, AttributeLoading::kEager);
  ResourceGraph eager_graph = GraphOf(&eager.result, "big");
  const std::vector<std::string> expected = Render(engine::RunRules(eager_graph, {&rule}, 1));
  ASSERT_EQ(expected.size(), 286u);  // every seventh of 2000
  for (int jobs : {1, 2, 3, 8}) {
    LoadedState deferred = Load("big/terraform.tfstate", text, AttributeLoading::kDeferred);
    ResourceGraph graph = GraphOf(&deferred.result, "big");
    // Before sorting too: chunks are concatenated in order whatever the jobs.
    std::vector<Finding> findings = engine::RunRules(graph, {&rule}, jobs);
    std::vector<std::string> in_order;
    for (const Finding& f : findings) in_order.push_back(f.resource_address);
    EXPECT_TRUE(std::is_sorted(in_order.begin(), in_order.end(),
                               [](const std::string& a, const std::string& b) {
                                 auto index = [](const std::string& s) {
                                   return std::stoul(s.substr(s.find('[') + 1));
                                 };
                                 return index(a) < index(b);
                               }))
        << "jobs " << jobs;
    EXPECT_EQ(Render(std::move(findings)), expected) << "jobs " << jobs;
  }
}

// A configuration rule that reads the state's aws_db_instance resources of its module through
// the graph, as cross-resource rules do (aurora subnet groups, custom `connected` conditions).
class ReadsStateAcrossGraph : public engine::Rule {
 public:
  ReadsStateAcrossGraph() {
    metadata_.id = "FL-TST-0001";
    metadata_.name = "test-reads-state";
    metadata_.scope.origins = {Origin::kConfig};
    metadata_.scope.types = {"aws_rds_cluster"};
  }
  const engine::RuleMetadata& metadata() const override { return metadata_; }
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override {
    std::vector<const Resource*> state;
    for (engine::ResourceId id : context.graph.OfType("aws_db_instance")) {
      const Resource& r = context.graph.resource(id);
      if (r.origin == Origin::kState && r.module_dir == context.resource.module_dir) {
        state.push_back(&r);
      }
    }
    // And the state instances linked to this resource.
    for (const engine::Edge& edge : context.graph.InEdges(context.resource.id)) {
      if (edge.kind == engine::EdgeKind::kInstanceOf) {
        state.push_back(&context.graph.resource(edge.from));
      }
    }
    for (const Resource* r : state) {
      const Value* identifier = r->Get("identifier");
      sink.Report("", nullptr,
                  r->address + " identifier " +
                      (identifier != nullptr && identifier->is_string() ? identifier->as_string()
                                                                        : "<none>"));
    }
  }

 private:
  engine::RuleMetadata metadata_;
};

Resource ConfigResource(const std::string& dir, const std::string& address) {
  Resource r;
  r.origin = Origin::kConfig;
  r.kind = ResourceKind::kManaged;
  r.type = "aws_rds_cluster";
  r.name = "main";
  r.address = address;
  r.module_dir = dir;
  r.attributes = Value::Map({});
  return r;
}

TEST(DeferredStateAttributes, RulesReadingStateAcrossTheGraphSeeItsAttributes) {
  ReadsStateAcrossGraph rule;
  // A state next to its configuration: the configuration rule reads the state resources.
  LoadedState beside = Load("repo/terraform.tfstate", StateText(3), AttributeLoading::kDeferred);
  std::vector<Resource> config;
  config.push_back(ConfigResource("repo", "aws_rds_cluster.main"));
  ResourceGraph graph = GraphOf(&beside.result, "repo", std::move(config));
  std::vector<std::string> messages;
  for (const Finding& f : engine::RunRules(graph, {&rule}, 2)) messages.push_back(f.message);
  EXPECT_EQ(messages, (std::vector<std::string>{"aws_db_instance.db[0] identifier db-0",
                                                "aws_db_instance.db[1] identifier db-1",
                                                "aws_db_instance.db[2] identifier db-2"}));

  // A state elsewhere, linked by an instance_of edge.
  LoadedState linked = Load("state/terraform.tfstate", StateText(2), AttributeLoading::kDeferred);
  ResourceGraph linked_graph;
  linked_graph.Add(ConfigResource("config", "aws_rds_cluster.main"));
  for (Resource& r : linked.result.resources) {
    r.module_dir = "state";
    linked_graph.Add(std::move(r));
  }
  linked_graph.AddEdge(engine::Edge{2, 0, engine::EdgeKind::kInstanceOf, ""});
  linked_graph.Finalize();
  messages.clear();
  for (const Finding& f : engine::RunRules(linked_graph, {&rule}, 2)) {
    messages.push_back(f.message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{"aws_db_instance.db[1] identifier db-1"}));
  // The unlinked instance, alone in its directory, stays deferred.
  EXPECT_TRUE(linked_graph.resource(1).attributes_deferred());
  EXPECT_FALSE(linked_graph.resource(2).attributes_deferred());
}

// The scan path (`faultline scan DIR` with a terraform.tfstate in DIR): a state over the
// deferral threshold (32 MiB) is loaded with deferred attributes and gives the findings of an
// eager load. (The secret pass keeps structural FL-SEC findings only in files under the scan
// paths, so a --state file alone would report none either way.)
TEST(DeferredStateAttributes, ScanOfALargeStateFindsWhatAnEagerLoadFinds) {
  const std::string path = "/faultline-virtual/large/terraform.tfstate";
  const std::string text = StateText(700, 50'000);
  ASSERT_GT(text.size(), StateLimits{}.eager_max_bytes);

  engine::RuleList all = rules::CreateAllRules();
  rules::StateFileRule rule;
  LoadedState eager = Load(path, text, AttributeLoading::kEager);
  ResourceGraph eager_graph = GraphOf(&eager.result, "/faultline-virtual/large");
  const std::vector<std::string> expected = Render(engine::RunRules(eager_graph, {&rule}, 1));
  ASSERT_EQ(expected.size(), 100u);

  engine::OverlayFileProvider files;
  files.Set(path, text);
  std::vector<std::string> by_jobs[2];
  for (int jobs : {1, 2}) {
    engine::ScanOptions options;
    options.paths = {"/faultline-virtual/large"};  // a state found under a scan path
    options.jobs = jobs;
    options.limits.max_file_bytes = 64ull << 20;
    options.enabled_rules = {kStateFileRuleId};
    engine::ScanResult result = engine::Scan(options, files, all);
    size_t deferred = 0;
    for (const Resource& r : result.graph.resources()) deferred += r.attributes_deferred();
    EXPECT_EQ(deferred, 700u) << "the state's attributes are deferred in the scan's graph";
    std::vector<Finding> state_findings;
    for (Finding& f : result.findings) {
      if (f.rule_id == kStateFileRuleId) state_findings.push_back(std::move(f));
    }
    by_jobs[jobs - 1] = Render(std::move(state_findings));
  }
  EXPECT_EQ(by_jobs[0], expected);
  EXPECT_EQ(by_jobs[1], expected);
}

}  // namespace
}  // namespace faultline::parsers::state
