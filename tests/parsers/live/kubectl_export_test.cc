// kubectl `get -o json` exports: objects recognised as for manifests, with origin kLive and the
// server-populated fields kept apart in server_fields.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "parsers/live/live_loader.h"
#include "tests/parsers/live/live_test_util.h"

namespace faultline::parsers::live {
namespace {

using engine::Resource;
using engine::Value;
using ::testing::ElementsAre;
using testing::Loaded;
using testing::LoadFixture;
using testing::LoadText;

std::vector<std::string> Addresses(const Loaded& loaded) {
  std::vector<std::string> out;
  for (const Resource& r : loaded.result.resources) out.push_back(r.address);
  return out;
}

TEST(KubectlExportTest, ListItemsBecomeLiveObjects) {
  Loaded l = LoadFixture("k8s/kubectl_get_deploy_pdb_svc.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kKubernetesList);
  EXPECT_TRUE(l.result.diagnostics.empty());
  EXPECT_THAT(Addresses(l),
              ElementsAre("Deployment/shop/checkout", "PodDisruptionBudget/shop/checkout",
                          "Service/shop/checkout", "Namespace/shop"));
  const Resource& deploy = l.result.resources[0];
  EXPECT_EQ(deploy.origin, engine::Origin::kLive);
  EXPECT_EQ(deploy.kind, engine::ResourceKind::kObject);
  EXPECT_EQ(deploy.type, "apps/v1/Deployment");
  EXPECT_EQ(deploy.name, "checkout");
  EXPECT_EQ(deploy.module_dir, "snapshot");
  EXPECT_EQ(l.Text(deploy.header), "\"kind\": \"Deployment\"");
  EXPECT_EQ(deploy.Find({"spec", "replicas"})->as_number(), 3);
  EXPECT_EQ(l.Text(deploy.Find({"spec", "replicas"})->range()), "\"replicas\": 3");
  EXPECT_EQ(deploy.Find({"metadata", "labels", "app"})->as_string(), "checkout");
  EXPECT_EQ(deploy
                .Find({"spec", "template", "spec", "containers", "0", "readinessProbe", "httpGet",
                       "path"})
                ->as_string(),
            "/healthz");

  EXPECT_EQ(l.result.resources[1].type, "policy/v1/PodDisruptionBudget");
  EXPECT_EQ(l.result.resources[1].Find({"spec", "minAvailable"})->as_number(), 2);
  EXPECT_EQ(l.result.resources[2].type, "v1/Service");
  EXPECT_EQ(l.result.resources[3].type, "v1/Namespace");
}

TEST(KubectlExportTest, ServerPopulatedFieldsAreSplitOut) {
  Loaded l = LoadFixture("k8s/kubectl_get_deploy_pdb_svc.json");
  ASSERT_FALSE(l.result.resources.empty());
  const Resource& deploy = l.result.resources[0];
  for (const char* field :
       {"managedFields", "uid", "resourceVersion", "creationTimestamp", "generation"}) {
    EXPECT_EQ(deploy.Find({"metadata", field}), nullptr) << field;
    EXPECT_NE(deploy.server_fields.Find({"metadata", field}), nullptr) << field;
  }
  EXPECT_EQ(deploy.Get("status"), nullptr);
  EXPECT_EQ(deploy.server_fields.Find({"status", "readyReplicas"})->as_number(), 3);
  EXPECT_EQ(deploy.server_fields.Find({"metadata", "uid"})->as_string(),
            "7b0f3c2e-4a1d-4e8b-9f6a-2c3d4e5f6a7b");
  EXPECT_EQ(deploy.server_fields.Find({"metadata", "generation"})->as_number(), 9);
  // What the user declared stays in attributes.
  EXPECT_EQ(
      deploy.Find({"metadata", "annotations", "deployment.kubernetes.io/revision"})->as_string(),
      "7");
  EXPECT_EQ(deploy.Find({"metadata", "namespace"})->as_string(), "shop");
  // A PodDisruptionBudget's status is split out too.
  EXPECT_EQ(l.result.resources[1].server_fields.Find({"status", "disruptionsAllowed"})->as_number(),
            1);
  EXPECT_EQ(l.result.resources[1].Get("status"), nullptr);
}

TEST(KubectlExportTest, SingleObjectGetsTheDefaultNamespace) {
  LiveOptions options;
  options.default_namespace = "batch";
  Loaded l = LoadFixture("k8s/kubectl_get_deployment.json", options);
  EXPECT_EQ(l.result.kind, LiveExportKind::kKubernetesList);
  EXPECT_TRUE(l.result.diagnostics.empty());
  ASSERT_EQ(l.result.resources.size(), 1u);
  const Resource& worker = l.result.resources[0];
  EXPECT_EQ(worker.address, "Deployment/batch/worker");
  EXPECT_EQ(worker.Find({"metadata", "namespace"})->provenance(), Value::Provenance::kDefaulted);
  EXPECT_EQ(worker.server_fields.Find({"status", "replicas"})->as_number(), 1);
}

TEST(KubectlExportTest, EmptyListGivesNothing) {
  Loaded l = LoadFixture("k8s/kubectl_empty_list.json");
  EXPECT_EQ(l.result.kind, LiveExportKind::kKubernetesList);
  EXPECT_TRUE(l.result.resources.empty());
  EXPECT_TRUE(l.result.diagnostics.empty());
}

TEST(KubectlExportTest, ItemWithoutANameIsReportedAndTheRestLoaded) {
  Loaded l = LoadText("k.json", R"({"apiVersion": "v1", "kind": "List", "items": [
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"namespace": "a"}},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b", "namespace": "a",
     "uid": "u-1"}}
  ]})");
  EXPECT_EQ(l.result.kind, LiveExportKind::kKubernetesList);
  EXPECT_THAT(Addresses(l), ElementsAre("ConfigMap/a/b"));
  ASSERT_EQ(l.result.diagnostics.size(), 1u);
  EXPECT_EQ(l.result.diagnostics[0].rule_id, engine::kInvalidObjectId);
  EXPECT_EQ(l.result.diagnostics[0].range.start().line, 1u);
}

TEST(KubectlExportTest, CustomResourceDefinitionsInTheExportSetScopes) {
  Loaded l = LoadText("crd.json", R"({"apiVersion": "v1", "kind": "List", "items": [
    {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
     "metadata": {"name": "widgets.example.com"},
     "spec": {"group": "example.com", "names": {"kind": "Widget", "plural": "widgets"},
              "scope": "Cluster"}},
    {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
  ]})");
  EXPECT_THAT(Addresses(l),
              ElementsAre("CustomResourceDefinition/widgets.example.com", "Widget/w"));
}

}  // namespace
}  // namespace faultline::parsers::live
