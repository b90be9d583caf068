// Kubernetes object recognition: types, addresses, List flattening, namespace defaulting, scopes,
// invalid objects, the live server-field split, workload helpers, and the real-world corpus.
#include "engine/k8s/objects.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine_rules.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::engine::k8s {
namespace {

struct Recognized {
  std::unique_ptr<SourceFile> file;
  parsers::yaml::YamlStream stream;
  std::vector<Resource> objects;
  std::vector<Finding> diagnostics;

  const Resource* Find(std::string_view address) const {
    for (const Resource& r : objects) {
      if (r.address == address) return &r;
    }
    return nullptr;
  }
};

Recognized Recognize(std::string text, KubernetesOptions options = {},
                     std::string path = "k8s/app.yaml") {
  Recognized r;
  r.file = std::make_unique<SourceFile>(std::move(path), std::move(text));
  r.stream = parsers::yaml::LoadYaml(*r.file);
  r.objects = KubernetesObjects(r.stream, options, &r.diagnostics);
  return r;
}

std::string_view TextOf(SourceRange range) {
  return std::string_view(range.file->text()).substr(range.begin, range.end - range.begin);
}

std::string StartOf(SourceRange range) {
  Position p = range.start();
  return std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1);
}

constexpr char kDeployment[] =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: web\n"
    "  labels: {app: web}\n"
    "spec:\n"
    "  replicas: 3\n"
    "  template:\n"
    "    metadata: {labels: {app: web}}\n"
    "    spec:\n"
    "      containers:\n"
    "      - name: web\n"
    "        image: nginx:1.25\n";

TEST(KubernetesObjectsTest, RecognizesObjectsWithTypeAddressAndRanges) {
  KubernetesOptions options;
  options.module_dir = "k8s";
  Recognized r = Recognize(std::string("# leading\n") + kDeployment +
                               "---\n"
                               "apiVersion: v1\n"
                               "kind: Service\n"
                               "metadata:\n"
                               "  name: web\n"
                               "  namespace: shop\n"
                               "spec:\n"
                               "  selector: {app: web}\n",
                           options);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.objects.size(), 2u);
  const Resource& deployment = r.objects[0];
  EXPECT_EQ(deployment.origin, Origin::kConfig);
  EXPECT_EQ(deployment.kind, ResourceKind::kObject);
  EXPECT_EQ(deployment.type, "apps/v1/Deployment");
  EXPECT_EQ(deployment.name, "web");
  EXPECT_EQ(deployment.address, "Deployment/default/web");
  EXPECT_EQ(deployment.module_dir, "k8s");
  EXPECT_TRUE(deployment.server_fields.is_null());
  EXPECT_EQ(StartOf(deployment.range), "2:1");
  EXPECT_EQ(TextOf(deployment.header), "kind: Deployment");
  EXPECT_EQ(deployment.Find({"spec", "replicas"})->as_number(), 3);
  EXPECT_EQ(TextOf(deployment.Find({"spec", "replicas"})->range()), "replicas: 3");
  EXPECT_EQ(deployment.Get("apiVersion")->as_string(), "apps/v1");

  const Resource& service = r.objects[1];
  EXPECT_EQ(service.type, "v1/Service");
  EXPECT_EQ(service.address, "Service/shop/web");
  EXPECT_TRUE(TextOf(service.range).starts_with("---\napiVersion: v1"));
  EXPECT_TRUE(TextOf(service.range).ends_with("selector: {app: web}"));
  EXPECT_EQ(NamespaceOf(service), "shop");
  EXPECT_EQ(KindOf(service), "Service");
}

TEST(KubernetesObjectsTest, NamespaceDefaultingWritesADefaultedValue) {
  KubernetesOptions options;
  options.default_namespace = "team-a";
  Recognized r = Recognize(kDeployment, options);
  ASSERT_EQ(r.objects.size(), 1u);
  const Resource& deployment = r.objects[0];
  EXPECT_EQ(deployment.address, "Deployment/team-a/web");
  const Value* ns = deployment.Find({"metadata", "namespace"});
  ASSERT_NE(ns, nullptr);
  EXPECT_EQ(ns->as_string(), "team-a");
  EXPECT_EQ(ns->provenance(), Value::Provenance::kDefaulted);
  EXPECT_EQ(StartOf(ns->range()), "3:1");  // the metadata entry
  // The rest of metadata, and its range, are kept.
  const Value* metadata = deployment.Get("metadata");
  EXPECT_EQ(StartOf(metadata->range()), "3:1");
  EXPECT_EQ(StartOf(metadata->origin()), "4:3");
  EXPECT_EQ(TextOf(deployment.Find({"metadata", "name"})->range()), "name: web");
  EXPECT_EQ(deployment.Find({"metadata", "labels", "app"})->as_string(), "web");
  // An empty namespace is defaulted too.
  Recognized empty =
      Recognize("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: \"\"\n");
  EXPECT_EQ(empty.objects.at(0).address, "ConfigMap/default/c");
}

TEST(KubernetesObjectsTest, ClusterScopedKindsHaveNoNamespace) {
  Recognized r = Recognize(
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"
      "---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n"
      "---\n"
      "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt}\n"
      "---\n"
      "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast, namespace: x}\n"
      "---\n"
      "apiVersion: example.com/v1\nkind: ClusterWidget\nmetadata: {name: w}\n");
  ASSERT_EQ(r.objects.size(), 5u);
  EXPECT_EQ(r.objects[0].address, "Namespace/shop");
  EXPECT_EQ(r.objects[1].address, "ClusterRole/reader");
  EXPECT_EQ(r.objects[2].address, "ClusterIssuer/letsencrypt");
  EXPECT_EQ(r.objects[3].address, "StorageClass/fast");  // a stray namespace is ignored
  EXPECT_EQ(r.objects[4].address, "ClusterWidget/w");
  EXPECT_EQ(r.objects[0].Find({"metadata", "namespace"}), nullptr);  // nothing defaulted
  for (std::string_view kind :
       {"Node", "PersistentVolume", "CustomResourceDefinition", "PriorityClass", "IngressClass",
        "RuntimeClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "APIService", "CSIDriver", "CSINode", "VolumeAttachment", "CertificateSigningRequest",
        "ClusterRoleBinding"}) {
    EXPECT_TRUE(IsClusterScopedKind(kind)) << kind;
  }
  for (std::string_view kind : {"Pod", "Deployment", "Role", "RoleBinding", "Cluster", "Clusters",
                                "ClusterServiceVersion", "PersistentVolumeClaim"}) {
    EXPECT_FALSE(IsClusterScopedKind(kind)) << kind;
  }
}

TEST(KubernetesObjectsTest, CustomResourceDefinitionsDecideTheScopeOfTheirKinds) {
  std::string crds =
      "apiVersion: apiextensions.k8s.io/v1\n"
      "kind: CustomResourceDefinition\n"
      "metadata: {name: clusterthings.example.com}\n"
      "spec: {scope: Namespaced, names: {kind: ClusterThing, plural: clusterthings}}\n"
      "---\n"
      "apiVersion: apiextensions.k8s.io/v1\n"
      "kind: CustomResourceDefinition\n"
      "metadata: {name: globals.example.com}\n"
      "spec: {scope: Cluster, names: {kind: Global, plural: globals}}\n"
      "---\n"
      "apiVersion: example.com/v1\nkind: ClusterThing\nmetadata: {name: a}\n"
      "---\n"
      "apiVersion: example.com/v1\nkind: Global\nmetadata: {name: b}\n";
  Recognized r = Recognize(crds);
  ASSERT_EQ(r.objects.size(), 4u);
  EXPECT_EQ(r.objects[0].address, "CustomResourceDefinition/clusterthings.example.com");
  EXPECT_EQ(r.objects[2].address, "ClusterThing/default/a");
  EXPECT_EQ(r.objects[3].address, "Global/b");
  // Scopes collected from one stream apply to another.
  KindScopes scopes;
  CollectCrdScopes(r.stream, &scopes);
  EXPECT_EQ(scopes.size(), 2u);
  KubernetesOptions options;
  options.crd_scopes = scopes;
  Recognized other =
      Recognize("apiVersion: example.com/v1\nkind: Global\nmetadata: {name: c}\n", options);
  EXPECT_EQ(other.objects.at(0).address, "Global/c");
}

TEST(KubernetesObjectsTest, ListsAreFlattenedWithItemRanges) {
  Recognized r = Recognize(
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "- apiVersion: v1\n"
      "  kind: ConfigMap\n"
      "  metadata: {name: one}\n"
      "- apiVersion: v1\n"
      "  kind: Secret\n"
      "  metadata: {name: two, namespace: ns}\n"
      "- just a string\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: PodList\n"
      "items:\n"
      "- {apiVersion: v1, kind: Pod, metadata: {name: p}}\n"
      "---\n"
      "apiVersion: example.com/v1\n"
      "kind: AllowList\n"
      "metadata: {name: not-a-list}\n"
      "spec: {entries: [a]}\n"
      "---\n"
      "apiVersion: v1\nkind: List\nitems: []\n");
  ASSERT_EQ(r.objects.size(), 4u);
  EXPECT_EQ(r.objects[0].address, "ConfigMap/default/one");
  EXPECT_EQ(StartOf(r.objects[0].range), "4:3");
  EXPECT_EQ(TextOf(r.objects[0].range),
            "apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: one}");
  EXPECT_EQ(TextOf(r.objects[0].header), "kind: ConfigMap");
  EXPECT_EQ(r.objects[1].address, "Secret/ns/two");
  EXPECT_EQ(r.objects[2].address, "Pod/default/p");
  EXPECT_EQ(r.objects[2].type, "v1/Pod");
  EXPECT_EQ(r.objects[3].address, "AllowList/default/not-a-list");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule_id, kInvalidObjectId);
  EXPECT_EQ(StartOf(r.diagnostics[0].range), "10:3");
}

TEST(KubernetesObjectsTest, DocumentsThatAreNotObjectsAreIgnoredSilently) {
  Recognized r = Recognize(
      "# a values file\nreplicaCount: 2\nimage: {repository: nginx}\n"
      "---\n- a\n- b\n"
      "---\nplain string\n"
      "---\napiVersion: v1\n"
      "---\nkind: Pod\nmetadata: {name: x}\n"
      "---\napiVersion: 1\nkind: Pod\n"
      "---\napiVersion: v1\nkind: \"\"\n");
  EXPECT_TRUE(r.objects.empty());
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(KubernetesObjectsTest, ToolConfigurationIsNotAnObject) {
  Recognized r = Recognize(
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n"
      "---\n"
      "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
      "---\n"
      "apiVersion: v1\nkind: Config\nclusters: []\n"
      "---\n"
      "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n"
      "---\n"
      "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n"
      "---\n"
      "apiVersion: skaffold/v4beta6\nkind: Config\n"
      "---\n"
      "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n"
      "---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: real}\n");
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.objects.size(), 1u);
  EXPECT_EQ(r.objects[0].address, "ConfigMap/default/real");
}

TEST(KubernetesObjectsTest, MissingOrInvalidNamesAreReportedAtTheKind) {
  Recognized r = Recognize(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {a: b}\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 42\n"
      "---\n"
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n"
      "---\n"
      "apiVersion: v1\nkind: Pod\nmetadata: [x]\n"
      "---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {labels: {a: c}}\n");
  ASSERT_EQ(r.objects.size(), 1u);
  EXPECT_EQ(r.objects[0].name, "migrate-");
  EXPECT_EQ(r.objects[0].address, "Job/default/migrate-");
  ASSERT_EQ(r.diagnostics.size(), 5u);
  for (const Finding& f : r.diagnostics) {
    EXPECT_EQ(f.rule_id, kInvalidObjectId);
    EXPECT_EQ(f.range.file->path(), "k8s/app.yaml");
  }
  EXPECT_EQ(TextOf(r.diagnostics[0].range), "kind: Deployment");
  EXPECT_EQ(r.diagnostics[0].message,
            "kubernetes object apps/v1/Deployment has no metadata.name (nor "
            "metadata.generateName); it is not analysed");
  EXPECT_EQ(TextOf(r.diagnostics[1].range), "kind: Pod");
  EXPECT_EQ(TextOf(r.diagnostics[2].range), "name: 42");
  EXPECT_NE(r.diagnostics[2].message.find("not a string"), std::string::npos);
  EXPECT_EQ(StartOf(r.diagnostics[3].range), "20:1");  // metadata is not a map
  // Two nameless Deployments in one file get different fingerprints.
  EXPECT_NE(r.diagnostics[0].fingerprint, r.diagnostics[4].fingerprint);
  // Without a sink, diagnostics are dropped and valid objects still come back.
  std::vector<Resource> objects = KubernetesObjects(r.stream, {}, nullptr);
  EXPECT_EQ(objects.size(), 1u);
}

// A stream of many chunks (KubernetesObjects recognizes documents in chunks of 256 on
// options.jobs threads): objects, nameless objects reported in every chunk, a List, and a
// CustomResourceDefinition written after the objects of its kind.
std::string ManyDocumentStream() {
  std::string text;
  for (int i = 0; i < 1200; ++i) {
    if (i % 97 == 0) {
      text += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {n: \"" +
              std::to_string(i) + "\"}\n---\n";
    } else if (i % 101 == 0) {
      text +=
          "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
          "  metadata: {name: listed-" +
          std::to_string(i) + "}\n- not an object\n---\n";
    } else if (i % 2 == 0) {
      text += "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w-" +
              std::to_string(i) + "\n---\n";
    } else {
      text += "apiVersion: v1\nkind: Service\nmetadata:\n  name: s-" + std::to_string(i) +
              "\n  namespace: ns-" + std::to_string(i % 7) + "\n---\n";
    }
  }
  text +=
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
      "metadata: {name: widgets.example.com}\n"
      "spec:\n  scope: Cluster\n  names: {kind: Widget}\n";
  return text;
}

std::vector<std::string> Describe(const std::vector<Resource>& objects,
                                  const std::vector<Finding>& diagnostics) {
  std::vector<std::string> out;
  for (const Resource& o : objects) {
    out.push_back(o.type + " " + o.address + " " + o.name + " " + o.module_dir + " " +
                  StartOf(o.range) + "-" + std::to_string(o.range.end) + " " + StartOf(o.header) +
                  " " + std::string(NamespaceOf(o)));
  }
  for (const Finding& f : diagnostics) {
    out.push_back(f.rule_id + " " + StartOf(f.range) + " " + f.message + " " + f.fingerprint);
  }
  return out;
}

TEST(KubernetesObjectsTest, ParallelRecognitionGivesTheSameObjectsAndDiagnosticsForAnyJobs) {
  Recognized r = Recognize(ManyDocumentStream());
  ASSERT_GT(r.stream.documents.size(), 1000u);  // several chunks
  std::vector<std::string> one = Describe(r.objects, r.diagnostics);
  for (int jobs : {2, 3, 8}) {
    KubernetesOptions options;
    options.jobs = jobs;
    std::vector<Finding> diagnostics;
    std::vector<Resource> objects = KubernetesObjects(r.stream, options, &diagnostics);
    EXPECT_EQ(Describe(objects, diagnostics), one) << "jobs " << jobs;
  }
  // The CRD at the end of the stream makes every Widget cluster-scoped, in every chunk.
  const Resource* first = r.Find("Widget/w-2");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(NamespaceOf(*first), "");
  EXPECT_NE(r.Find("Widget/w-1198"), nullptr);
  EXPECT_NE(r.Find("Service/ns-2/s-1199"), nullptr);
  EXPECT_NE(r.Find("ConfigMap/default/listed-101"), nullptr);
  // Nameless Deployments (every 97th document, across chunks) are numbered in document order.
  std::vector<std::string> nameless;
  for (const Finding& f : r.diagnostics) {
    if (f.message.find("apps/v1/Deployment has no metadata.name") != std::string::npos) {
      nameless.push_back(StartOf(f.range));
    }
  }
  EXPECT_EQ(nameless.size(), 13u);  // i = 0, 97, ..., 1164
  EXPECT_TRUE(std::is_sorted(nameless.begin(), nameless.end(), [](const auto& a, const auto& b) {
    return std::stoi(a) < std::stoi(b);
  }));
  std::set<std::string> fingerprints;
  for (const Finding& f : r.diagnostics) fingerprints.insert(f.fingerprint);
  EXPECT_EQ(fingerprints.size(), r.diagnostics.size());
}

TEST(KubernetesObjectsTest, LiveObjectsKeepServerFieldsApart) {
  KubernetesOptions options;
  options.origin = Origin::kLive;
  options.module_dir = "live";
  Recognized r = Recognize(
      "{\n"
      "  \"apiVersion\": \"v1\",\n"
      "  \"kind\": \"List\",\n"
      "  \"items\": [\n"
      "    {\n"
      "      \"apiVersion\": \"apps/v1\",\n"
      "      \"kind\": \"Deployment\",\n"
      "      \"metadata\": {\n"
      "        \"name\": \"web\",\n"
      "        \"namespace\": \"shop\",\n"
      "        \"uid\": \"0b6e-11\",\n"
      "        \"resourceVersion\": \"123\",\n"
      "        \"generation\": 4,\n"
      "        \"creationTimestamp\": \"2024-01-01T00:00:00Z\",\n"
      "        \"managedFields\": [{\"manager\": \"kubectl\"}],\n"
      "        \"labels\": {\"app\": \"web\"}\n"
      "      },\n"
      "      \"spec\": {\"replicas\": 2},\n"
      "      \"status\": {\"readyReplicas\": 2}\n"
      "    },\n"
      "    {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\"}}\n"
      "  ]\n"
      "}\n",
      options, "snapshot/k8s.json");
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.objects.size(), 2u);
  const Resource& web = r.objects[0];
  EXPECT_EQ(web.origin, Origin::kLive);
  EXPECT_EQ(web.address, "Deployment/shop/web");
  EXPECT_EQ(web.module_dir, "live");
  EXPECT_EQ(web.Get("status"), nullptr);
  for (const char* field :
       {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"}) {
    EXPECT_EQ(web.Find({"metadata", field}), nullptr) << field;
    EXPECT_NE(web.server_fields.Find({"metadata", field}), nullptr) << field;
  }
  EXPECT_EQ(web.Find({"metadata", "labels", "app"})->as_string(), "web");
  EXPECT_EQ(web.Find({"spec", "replicas"})->as_number(), 2);
  EXPECT_EQ(web.server_fields.Find({"status", "readyReplicas"})->as_number(), 2);
  EXPECT_EQ(web.server_fields.Find({"metadata", "generation"})->as_number(), 4);
  EXPECT_EQ(TextOf(web.server_fields.Find({"metadata", "uid"})->range()), "\"uid\": \"0b6e-11\"");
  EXPECT_EQ(StartOf(web.range), "5:5");
  EXPECT_EQ(TextOf(web.header), "\"kind\": \"Deployment\"");
  // Nothing server-populated: server_fields stays null.
  EXPECT_TRUE(r.objects[1].server_fields.is_null());
  EXPECT_EQ(r.objects[1].address, "Namespace/shop");
}

TEST(KubernetesObjectsTest, WorkloadKindsAndPodTemplateSpecs) {
  for (std::string_view kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
                                "CronJob", "Pod", "ReplicationController", "Rollout"}) {
    EXPECT_TRUE(IsWorkloadKind(kind)) << kind;
  }
  for (std::string_view kind : {"Service", "PodTemplate", "HorizontalPodAutoscaler", ""}) {
    EXPECT_FALSE(IsWorkloadKind(kind)) << kind;
  }
  Recognized r =
      Recognize(std::string(kDeployment) +
                "---\n"
                "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\n"
                "spec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n"
                "      template:\n        spec:\n          containers: [{name: c}]\n"
                "---\n"
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                "spec: {containers: [{name: p}]}\n"
                "---\n"
                "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\n"
                "spec: {template: {spec: {containers: [{name: r}]}}}\n"
                "---\n"
                "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: ref}\n"
                "spec: {workloadRef: {kind: Deployment, name: web}}\n"
                "---\n"
                "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
                "spec: {template: {spec: {}}}\n");
  ASSERT_EQ(r.objects.size(), 6u);
  const char* expected[] = {"web", "c", "p", "r"};
  for (int i = 0; i < 4; ++i) {
    const Value* spec = PodTemplateSpec(r.objects[i]);
    ASSERT_NE(spec, nullptr) << r.objects[i].address;
    EXPECT_EQ(spec->Find({"containers", "0", "name"})->as_string(), expected[i]);
  }
  EXPECT_EQ(PodTemplateSpec(r.objects[4]), nullptr);  // workloadRef: no template here
  EXPECT_EQ(PodTemplateSpec(r.objects[5]), nullptr);  // not a workload
}

TEST(KubernetesObjectsTest, AnchorsAndMergeKeysInManifests) {
  Recognized r = Recognize(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: web\n"
      "  labels: &labels {app: web, tier: fe}\n"
      "spec:\n"
      "  selector:\n"
      "    matchLabels: *labels\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        <<: *labels\n"
      "        version: v2\n");
  ASSERT_EQ(r.objects.size(), 1u);
  const Resource& d = r.objects[0];
  EXPECT_EQ(d.Find({"spec", "selector", "matchLabels", "tier"})->as_string(), "fe");
  EXPECT_EQ(d.Find({"spec", "template", "metadata", "labels"})->size(), 3u);
}

// Every .yaml/.yml/.json file of the shared Kubernetes corpus loads without a syntax error.
TEST(KubernetesObjectsTest, RealWorldCorpusParsesAndYieldsObjects) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(FAULTLINE_SHARED_DIR) / "corpus" / "realworld";
  const char* projects[] = {"argoproj__argo-cd", "prometheus-operator__prometheus-operator",
                            "cert-manager__cert-manager",
                            "GoogleCloudPlatform__microservices-demo"};
  // Files with a syntax error, with the reason. (None: every file of the corpus parses.)
  const std::set<std::string> kExpectedErrors = {};
  // Files with an object that is not valid on its own, with the reason.
  const std::set<std::string> kExpectedInvalid = {
      // Documentation snippets: a Prometheus / PodMonitor spec fragment without metadata.
      "prometheus-operator__prometheus-operator/example/user-guides/scrapeclass/"
      "scrapeclass-example-definition.yaml",
      "prometheus-operator__prometheus-operator/example/user-guides/scrapeclass/"
      "scrapeclass-example-podmonitor.yaml",
  };
  std::map<std::string, size_t> objects_per_project;
  size_t files = 0;
  size_t bytes = 0;
  std::map<std::string, size_t> kinds;
  for (const char* project : projects) {
    fs::path dir = root / project;
    ASSERT_TRUE(fs::is_directory(dir)) << dir;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      std::string relative = fs::relative(path, root).string();
      SourceFile file(relative, text.str());
      ++files;
      bytes += file.size();
      parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(file);
      std::vector<Finding> diagnostics = stream.diagnostics;
      KubernetesOptions options;
      options.module_dir = project;
      std::vector<Resource> objects = KubernetesObjects(stream, options, &diagnostics);
      objects_per_project[project] += objects.size();
      for (const Resource& o : objects) ++kinds[std::string(KindOf(o))];
      for (const Finding& f : diagnostics) {
        if (f.rule_id == kSyntaxErrorId) {
          EXPECT_TRUE(kExpectedErrors.count(relative))
              << relative << ":" << f.range.start().line + 1 << ":" << f.range.start().column + 1
              << ": " << f.message;
        }
        EXPECT_NE(f.rule_id, kLimitExceededId) << relative << ": " << f.message;
        if (f.rule_id == kInvalidObjectId) {
          EXPECT_TRUE(kExpectedInvalid.count(relative)) << relative << ": " << f.message;
        }
      }
      for (const Resource& o : objects) {
        ASSERT_TRUE(o.range.valid()) << o.address;
        ASSERT_TRUE(o.header.valid()) << o.address;
        EXPECT_LE(o.range.begin, o.header.begin) << o.address;
        EXPECT_LE(o.header.end, o.range.end) << o.address;
      }
    }
  }
  size_t total = 0;
  for (const auto& [project, count] : objects_per_project) {
    std::printf("  %-45s %6zu objects\n", project.c_str(), count);
    total += count;
  }
  std::printf("  %zu files, %.1f MB, %zu objects, %zu kinds\n", files, bytes / 1e6, total,
              kinds.size());
  EXPECT_GT(files, 300u);
  EXPECT_GT(objects_per_project["argoproj__argo-cd"], 300u);
  EXPECT_GT(objects_per_project["prometheus-operator__prometheus-operator"], 50u);
  EXPECT_GT(objects_per_project["cert-manager__cert-manager"], 5u);
  EXPECT_GT(objects_per_project["GoogleCloudPlatform__microservices-demo"], 50u);
  EXPECT_GT(kinds["Deployment"], 20u);
  EXPECT_GT(kinds["CustomResourceDefinition"], 20u);
}

}  // namespace
}  // namespace faultline::engine::k8s
