// Scan with every kind of input in one graph: Terraform configuration, Kubernetes manifests
// (files and standard input), Terraform state linked to its configuration, and live exports.
#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "engine/scan.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine {
namespace {

using testing::kRoot;
using testing::ScanFiles;

const Resource* FindByAddress(const ScanResult& result, Origin origin, const std::string& address) {
  for (const Resource& r : result.graph.resources()) {
    if (r.origin == origin && r.address == address) return &r;
  }
  return nullptr;
}

constexpr char kDeployment[] =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: web\n"
    "spec:\n"
    "  replicas: 3\n"
    "  selector:\n"
    "    matchLabels: {app: web}\n"
    "  template:\n"
    "    metadata:\n"
    "      labels: {app: web}\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: web\n"
    "        image: nginx:1.27\n";

TEST(ScanInputsTest, ManifestsAreObjectsWithSelectorEdgesAndTheDefaultNamespace) {
  ScanOptions options;
  options.default_namespace = "shop";
  ScanResult result =
      ScanFiles({{"k8s/deploy.yaml", kDeployment},
                 {"k8s/pdb.yaml",
                  "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n"
                  "spec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n"},
                 {"k8s/notes.yaml", "just: a value\n"}},
                options);
  const Resource* deployment = FindByAddress(result, Origin::kConfig, "Deployment/shop/web");
  const Resource* pdb = FindByAddress(result, Origin::kConfig, "PodDisruptionBudget/shop/web");
  ASSERT_NE(deployment, nullptr);
  ASSERT_NE(pdb, nullptr);
  EXPECT_EQ(deployment->type, "apps/v1/Deployment");
  EXPECT_EQ(deployment->module_dir, kRoot);
  auto selected = result.graph.Targets(pdb->id, EdgeKind::kSelects);
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0], deployment);
  EXPECT_TRUE(result.findings.empty());
}

TEST(ScanInputsTest, StandardInputIsAManifestStream) {
  ScanOptions options;
  options.stdin_manifests = std::string(kDeployment) + "---\nkind: [broken\n---\n" +
                            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                            "spec:\n  selector: {app: web}\n";
  OverlayFileProvider provider;
  ScanResult result = Scan(options, provider, RuleList{});
  EXPECT_TRUE(result.input_errors.empty());
  const Resource* service = FindByAddress(result, Origin::kConfig, "Service/default/web");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->module_dir, "-");
  EXPECT_EQ(service->range.file->path(), "<stdin>");
  EXPECT_NE(FindByAddress(result, Origin::kConfig, "Deployment/default/web"), nullptr);
  ASSERT_FALSE(result.findings.empty());  // the broken middle document
  EXPECT_EQ(result.findings[0].rule_id, kSyntaxErrorId);
  // Nothing else was scanned: `scan -` alone does not scan the current directory.
  EXPECT_EQ(result.files.size(), 1u);
}

TEST(ScanInputsTest, StateInstancesAreLinkedToTheirConfiguration) {
  ScanResult result = ScanFiles({
      {"tf/main.tf", "resource \"aws_db_instance\" \"db\" {\n  multi_az = false\n}\n"},
      {"tf/terraform.tfstate",
       R"({"version": 4, "terraform_version": "1.9.0", "serial": 1, "lineage": "x",
           "outputs": {}, "resources": [{"mode": "managed", "type": "aws_db_instance",
           "name": "db", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
           "instances": [{"schema_version": 2, "attributes": {"id": "db-1", "multi_az": true}}]}]})"},
  });
  const Resource* state = FindByAddress(result, Origin::kState, "aws_db_instance.db");
  const Resource* config = FindByAddress(result, Origin::kConfig, "aws_db_instance.db");
  ASSERT_NE(state, nullptr);
  ASSERT_NE(config, nullptr);
  EXPECT_TRUE(state->Get("multi_az")->as_bool());
  auto linked = result.graph.Targets(state->id, EdgeKind::kInstanceOf);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0], config);
}

TEST(ScanInputsTest, LiveExportsAreLiveResources) {
  OverlayFileProvider provider;
  provider.Set(kRoot + "/live/rds.json",
               R"({"DBInstances": [{"DBInstanceIdentifier": "orders", "Engine": "postgres",
                   "MultiAZ": false, "AvailabilityZone": "eu-west-1a"}]})");
  provider.Set(kRoot + "/live/unknown.json", R"({"Something": []})");
  ScanOptions options;
  options.live_paths = {kRoot + "/live"};
  ScanResult result = Scan(options, provider, RuleList{});
  const Resource* db = FindByAddress(result, Origin::kLive, "live:aws_db_instance/orders");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(db->Get("multi_az")->as_bool());
  bool notice = false;
  for (const Finding& f : result.findings) {
    if (f.rule_id == kFileSkippedId && f.message.find("unrecognised") != std::string::npos) {
      notice = true;
    }
  }
  EXPECT_TRUE(notice);
}

TEST(ScanInputsTest, KustomizationWithoutRenderingIsANoticeAndTheFilesAreScanned) {
  ScanOptions options;
  options.render_kustomize = false;
  ScanResult result = ScanFiles({{"app/kustomization.yaml",
                                  "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                  "kind: Kustomization\nresources: [deploy.yaml]\n"},
                                 {"app/deploy.yaml", kDeployment}},
                                options);
  EXPECT_NE(FindByAddress(result, Origin::kConfig, "Deployment/default/web"), nullptr);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule_id, kNotRenderedId);
  // The Kustomization itself is tool configuration, not an object.
  EXPECT_EQ(result.graph.OfType("kustomize.config.k8s.io/v1beta1/Kustomization").size(), 0u);
}

}  // namespace
}  // namespace faultline::engine
