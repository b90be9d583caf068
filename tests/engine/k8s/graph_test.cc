// Kubernetes graph edges: selections (PDB, Service, NetworkPolicy), scale targets, role bindings
// and pod template references, across kinds, namespaces and module directories; uncertain
// selections; the bound on selection edges. Objects are read from YAML through the real loader
// (parsers/yaml + engine/k8s/objects.h), as a scan reads them.
#include "engine/k8s/graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/k8s/objects.h"
#include "engine/resource_graph.h"
#include "engine/source_file.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::engine::k8s {
namespace {

// The objects of several YAML streams, each under its module_dir, in one resource vector.
class Manifests {
 public:
  Manifests& Add(std::string yaml, std::string module_dir = "k8s") {
    auto file = std::make_unique<SourceFile>(
        module_dir + "/m" + std::to_string(files_.size()) + ".yaml", std::move(yaml));
    parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(*file);
    EXPECT_TRUE(stream.diagnostics.empty()) << stream.diagnostics.front().message;
    KubernetesOptions options;
    options.module_dir = module_dir;
    options.default_namespace = "default";
    std::vector<Finding> diagnostics;
    for (Resource& r : KubernetesObjects(stream, options, &diagnostics)) {
      r.id = static_cast<ResourceId>(resources_.size());
      resources_.push_back(std::move(r));
    }
    EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().message;
    files_.push_back(std::move(file));
    return *this;
  }

  const std::vector<Resource>& resources() const { return resources_; }

  // Index of the resource with this address (and module_dir).
  ResourceId Id(std::string_view address, std::string_view module_dir = "k8s") const {
    for (const Resource& r : resources_) {
      if (r.address == address && r.module_dir == module_dir) return r.id;
    }
    ADD_FAILURE() << "no resource " << address << " in " << module_dir;
    return 0;
  }

  // Edges as "from -> to kind path" strings, sorted.
  std::vector<std::string> Edges(KubernetesEdgeResult* result = nullptr,
                                 KubernetesEdgeOptions options = {}) const {
    std::vector<Edge> edges;
    KubernetesEdgeResult r = AddKubernetesEdges(resources_, &edges, options);
    if (result != nullptr) *result = r;
    std::vector<std::string> out;
    for (const Edge& e : edges) out.push_back(Describe(e));
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string Describe(const Edge& e) const {
    auto name = [&](ResourceId id) {
      const Resource& r = resources_[id];
      return (r.module_dir == "k8s" ? "" : r.module_dir + ":") + r.address;
    };
    return name(e.from) + " -> " + name(e.to) + " " + std::string(EdgeKindName(e.kind)) + " " +
           e.attribute_path;
  }

 private:
  std::deque<std::unique_ptr<SourceFile>> files_;
  std::vector<Resource> resources_;
};

std::vector<std::string> From(const std::vector<std::string>& edges, const std::string& prefix) {
  std::vector<std::string> out;
  for (const std::string& e : edges) {
    if (e.starts_with(prefix + " -> ")) out.push_back(e);
  }
  return out;
}

constexpr char kWebDeployment[] = R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      containers:
        - name: web
          image: nginx:1.27
)";

// --- selections ------------------------------------------------------------------------------

TEST(KubernetesGraphTest, PdbSelectsWorkloadsOfItsNamespaceAndModuleDirOnly) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: other}
spec:
  template:
    metadata: {labels: {app: web}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
)");
  m.Add(kWebDeployment, "other-dir");
  std::vector<std::string> edges = m.Edges();
  EXPECT_EQ(From(edges, "PodDisruptionBudget/shop/web"),
            (std::vector<std::string>{
                "PodDisruptionBudget/shop/web -> Deployment/shop/web selects spec.selector"}));
}

TEST(KubernetesGraphTest, PdbSelectorSemanticsFollowTheApiVersion) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: v1-empty, namespace: shop}
spec: {maxUnavailable: 1, selector: {}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: v1-null, namespace: shop}
spec: {maxUnavailable: 1, selector: null}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: beta-empty, namespace: shop}
spec: {maxUnavailable: 1, selector: {}}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: beta-labels, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
      - {key: tier, operator: In, values: [frontend, edge]}
      - {key: canary, operator: DoesNotExist}
)");
  std::vector<std::string> edges = m.Edges();
  EXPECT_EQ(edges, (std::vector<std::string>{
                       "PodDisruptionBudget/shop/beta-labels -> Deployment/shop/web selects "
                       "spec.selector",
                       "PodDisruptionBudget/shop/v1-empty -> Deployment/shop/web selects "
                       "spec.selector",
                   }));
}

TEST(KubernetesGraphTest, ServiceSelectsEveryWorkloadKindByPodTemplateLabels) {
  Manifests m;
  m.Add(R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: job, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cron, namespace: shop}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template: {metadata: {labels: {app: web}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: pod
  namespace: shop
  labels: {app: web}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: rollout, namespace: shop}
spec:
  template: {metadata: {labels: {app: web}}}
---
# Not workloads: the labels of a ConfigMap and of a Deployment's own metadata do not count.
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  namespace: shop
  labels: {app: web}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: meta-only
  namespace: shop
  labels: {app: web}
spec:
  template: {metadata: {labels: {app: other}}}
---
apiVersion: example.com/v1
kind: Pod
metadata:
  name: not-core
  namespace: shop
  labels: {app: web}
)");
  std::vector<std::string> edges = From(m.Edges(), "Service/shop/web");
  EXPECT_EQ(edges, (std::vector<std::string>{
                       "Service/shop/web -> CronJob/shop/cron selects spec.selector",
                       "Service/shop/web -> DaemonSet/shop/ds selects spec.selector",
                       "Service/shop/web -> Job/shop/job selects spec.selector",
                       // A custom resource may create pods through its operator.
                       "Service/shop/web -> Pod/shop/not-core selects spec.selector (uncertain)",
                       "Service/shop/web -> Pod/shop/pod selects spec.selector",
                       "Service/shop/web -> ReplicaSet/shop/rs selects spec.selector",
                       "Service/shop/web -> ReplicationController/shop/rc selects spec.selector",
                       "Service/shop/web -> Rollout/shop/rollout selects spec.selector",
                       "Service/shop/web -> StatefulSet/shop/sts selects spec.selector",
                   }));
}

TEST(KubernetesGraphTest, ServicesWithoutSelectorOrExternalNameSelectNothing) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: shop}
spec: {selector: {}}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: shop}
spec: {type: ExternalName, externalName: example.com, selector: {app: web}}
)");
  EXPECT_TRUE(m.Edges().empty());
}

TEST(KubernetesGraphTest, NetworkPolicyPodSelectorEmptyOrAbsentSelectsTheWholeNamespace) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: absent, namespace: shop}
spec: {policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-only, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: elsewhere, namespace: other}
spec: {podSelector: {}}
)");
  EXPECT_EQ(m.Edges(), (std::vector<std::string>{
                           "NetworkPolicy/shop/absent -> Deployment/shop/web selects "
                           "spec.podSelector",
                           "NetworkPolicy/shop/deny-all -> Deployment/shop/web selects "
                           "spec.podSelector",
                       }));
}

// --- uncertain selections --------------------------------------------------------------------

TEST(KubernetesGraphTest, InvalidSelectorGivesUncertainEdges) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: bad-op, namespace: shop}
spec:
  minAvailable: 1
  selector:
    matchExpressions: [{key: app, operator: Equals, values: [web]}]
)");
  std::vector<Edge> edges;
  AddKubernetesEdges(m.resources(), &edges);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_TRUE(IsUncertain(edges[0]));
  EXPECT_EQ(edges[0].attribute_path, "spec.selector (uncertain)");
  EXPECT_EQ(edges[0].to, m.Id("Deployment/shop/web"));
}

TEST(KubernetesGraphTest, CustomResourcesThatMayCreatePodsAreUncertainlySelected) {
  Manifests m;
  m.Add(R"(
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: main, namespace: monitoring}
spec: {replicas: 2}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: main, namespace: monitoring}
spec: {selector: {matchLabels: {app: x}}}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: tls, namespace: monitoring}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: prometheus, namespace: monitoring}
spec:
  minAvailable: 1
  selector: {matchLabels: {app.kubernetes.io/name: prometheus}}
)");
  std::vector<Edge> edges;
  AddKubernetesEdges(m.resources(), &edges);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(m.Describe(edges[0]),
            "PodDisruptionBudget/monitoring/prometheus -> Prometheus/monitoring/main selects "
            "spec.selector (uncertain)");
  EXPECT_TRUE(IsUncertain(edges[0]));
}

TEST(KubernetesGraphTest, CertainEdgesAreNotUncertain) {
  Edge certain{0, 1, EdgeKind::kSelects, "spec.selector"};
  Edge reference{0, 1, EdgeKind::kReferences, "spec.selector (uncertain)"};
  EXPECT_FALSE(IsUncertain(certain));
  EXPECT_FALSE(IsUncertain(reference));
}

// --- HPA, RBAC, references ---------------------------------------------------------------------

TEST(KubernetesGraphTest, HpaTargetsItsScaleTargetRef) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web, namespace: shop}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: rollout, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
  maxReplicas: 4
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: wrong-group, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: example.com/v1, kind: Deployment, name: web}
  maxReplicas: 4
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: no-version, namespace: shop}
spec:
  scaleTargetRef: {kind: Deployment, name: web}
  maxReplicas: 4
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: other-namespace, namespace: other}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 4
)");
  std::vector<std::string> edges;
  for (const std::string& e : m.Edges()) {
    if (e.find(" targets ") != std::string::npos) edges.push_back(e);
  }
  EXPECT_EQ(edges, (std::vector<std::string>{
                       "HorizontalPodAutoscaler/shop/no-version -> Deployment/shop/web targets "
                       "spec.scaleTargetRef",
                       "HorizontalPodAutoscaler/shop/rollout -> Rollout/shop/web targets "
                       "spec.scaleTargetRef",
                       "HorizontalPodAutoscaler/shop/web -> Deployment/shop/web targets "
                       "spec.scaleTargetRef",
                   }));
}

TEST(KubernetesGraphTest, RoleBindingsBindRolesAndServiceAccounts) {
  Manifests m;
  m.Add(R"(
apiVersion: v1
kind: ServiceAccount
metadata: {name: app, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci, namespace: tools}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: tools}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-reader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
  - {kind: User, name: alice}
  - {kind: ServiceAccount, name: app}
  - {kind: ServiceAccount, name: ci, namespace: tools}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-view, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: app}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ci-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: ServiceAccount, name: ci, namespace: tools}
  - {kind: ServiceAccount, name: app}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: bad-role-kind}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
)");
  EXPECT_EQ(m.Edges(),
            (std::vector<std::string>{
                "ClusterRoleBinding/ci-view -> ClusterRole/view binds roleRef",
                "ClusterRoleBinding/ci-view -> ServiceAccount/tools/ci binds subjects[0]",
                "RoleBinding/shop/app-reader -> Role/shop/reader binds roleRef",
                "RoleBinding/shop/app-reader -> ServiceAccount/shop/app binds subjects[1]",
                "RoleBinding/shop/app-reader -> ServiceAccount/tools/ci binds subjects[2]",
                "RoleBinding/shop/app-view -> ClusterRole/view binds roleRef",
                "RoleBinding/shop/app-view -> ServiceAccount/shop/app binds subjects[0]",
            }));
}

TEST(KubernetesGraphTest, WorkloadsReferenceAccountsConfigMapsSecretsAndClaims) {
  Manifests m;
  m.Add(R"(
apiVersion: v1
kind: ServiceAccount
metadata: {name: app, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: registry, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: other}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      serviceAccountName: app
      imagePullSecrets: [{name: registry}, {name: missing}]
      initContainers:
        - name: migrate
          envFrom: [{secretRef: {name: db}}]
      containers:
        - name: web
          envFrom:
            - configMapRef: {name: settings}
          env:
            - {name: PLAIN, value: x}
            - name: PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password}}
            - name: MODE
              valueFrom: {configMapKeyRef: {name: settings, key: mode}}
      volumes:
        - {name: config, configMap: {name: settings}}
        - {name: creds, secret: {secretName: db}}
        - {name: data, persistentVolumeClaim: {claimName: data}}
        - name: bundle
          projected:
            sources:
              - configMap: {name: ca}
              - secret: {name: db}
)");
  std::vector<std::string> edges = m.Edges();
  const std::string p = "Deployment/shop/web -> ";
  const std::string s = " references spec.template.spec.";
  EXPECT_EQ(
      edges,
      (std::vector<std::string>{
          p + "ConfigMap/shop/ca" + s + "volumes[3].projected.sources[0].configMap",
          p + "ConfigMap/shop/settings" + s + "containers[0].envFrom[0].configMapRef",
          p + "ConfigMap/shop/settings" + s + "containers[0].env[2].valueFrom." + "configMapKeyRef",
          p + "ConfigMap/shop/settings" + s + "volumes[0].configMap",
          p + "PersistentVolumeClaim/shop/data" + s + "volumes[2]." + "persistentVolumeClaim",
          p + "Secret/shop/db" + s + "containers[0].env[1].valueFrom.secretKeyRef",
          p + "Secret/shop/db" + s + "initContainers[0].envFrom[0].secretRef",
          p + "Secret/shop/db" + s + "volumes[1].secret",
          p + "Secret/shop/db" + s + "volumes[3].projected.sources[1].secret",
          p + "Secret/shop/registry" + s + "imagePullSecrets[0]",
          p + "ServiceAccount/shop/app" + s + "serviceAccountName",
      }));
}

TEST(KubernetesGraphTest, CronJobAndPodReferencePathsAndNoClaimTemplateEdges) {
  Manifests m;
  m.Add(R"(
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: default}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data-db-0, namespace: default}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: legacy, namespace: default}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          volumes: [{name: c, configMap: {name: settings}}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  serviceAccount: legacy
  containers: [{name: c, envFrom: [{configMapRef: {name: settings}}]}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce]}
  template:
    spec:
      containers: [{name: db, volumeMounts: [{name: data, mountPath: /data}]}]
)");
  EXPECT_EQ(m.Edges(), (std::vector<std::string>{
                           "CronJob/default/report -> ConfigMap/default/settings references "
                           "spec.jobTemplate.spec.template.spec.volumes[0].configMap",
                           "Pod/default/debug -> ConfigMap/default/settings references "
                           "spec.containers[0].envFrom[0].configMapRef",
                           "Pod/default/debug -> ServiceAccount/default/legacy references "
                           "spec.serviceAccount",
                       }));
}

// --- graph integration, bound, determinism ------------------------------------------------------

TEST(KubernetesGraphTest, EdgesLoadIntoTheResourceGraph) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
)");
  ResourceGraph graph;
  for (const Resource& r : m.resources()) graph.Add(r);
  std::vector<Edge> edges;
  AddKubernetesEdges(m.resources(), &edges);
  for (Edge& e : edges) graph.AddEdge(std::move(e));
  graph.Finalize();
  const Resource* deployment = graph.Find("k8s", "Deployment/shop/web");
  ASSERT_NE(deployment, nullptr);
  IndexedEdges in = graph.InEdges(deployment->id);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(graph.resource(in[0].from).type, "policy/v1/PodDisruptionBudget");
  EXPECT_EQ(in[0].kind, EdgeKind::kSelects);
}

TEST(KubernetesGraphTest, SelectionEdgesAreBoundedButKeepEveryAnswer) {
  Manifests m;
  std::string yaml;
  for (int i = 0; i < 40; ++i) {
    yaml += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d" + std::to_string(i) +
            ", namespace: ns}\nspec: {template: {metadata: {labels: {app: a" + std::to_string(i) +
            "}}}}\n";
  }
  for (int i = 0; i < 30; ++i) {
    yaml += "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p" +
            std::to_string(i) + ", namespace: ns}\nspec: {maxUnavailable: 1, selector: {}}\n";
  }
  m.Add(yaml);
  KubernetesEdgeResult unbounded;
  EXPECT_EQ(m.Edges(&unbounded).size(), 40u * 30u);
  EXPECT_FALSE(unbounded.selection_edges_limited);

  KubernetesEdgeResult bounded;
  KubernetesEdgeOptions options;
  options.max_selection_edges = 50;
  std::vector<Edge> edges;
  bounded = AddKubernetesEdges(m.resources(), &edges, options);
  EXPECT_TRUE(bounded.selection_edges_limited);
  EXPECT_EQ(bounded.selection_edges, edges.size());
  EXPECT_LE(edges.size(), 50u + 30u + 40u);
  std::set<ResourceId> sources, targets;
  for (const Edge& e : edges) {
    sources.insert(e.from);
    targets.insert(e.to);
  }
  EXPECT_EQ(sources.size(), 30u) << "every PDB keeps an edge";
  EXPECT_EQ(targets.size(), 40u) << "every Deployment keeps an edge";
}

TEST(KubernetesGraphTest, OutputIsDeterministicAndIgnoresNonObjects) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
      "spec: {selector: {app: web}}\n");
  std::vector<Resource> resources = m.resources();
  Resource terraform;
  terraform.kind = ResourceKind::kManaged;
  terraform.type = "aws_instance";
  terraform.address = "aws_instance.web";
  resources.push_back(terraform);
  std::vector<Edge> first, second;
  AddKubernetesEdges(resources, &first);
  AddKubernetesEdges(resources, &second);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(std::tie(first[0].from, first[0].to, first[0].attribute_path),
            std::tie(second[0].from, second[0].to, second[0].attribute_path));
}

// --- helpers -------------------------------------------------------------------------------------

TEST(KubernetesGraphHelpersTest, GroupsVersionsWorkloadsAndTemplatePaths) {
  Manifests m;
  m.Add(kWebDeployment);
  m.Add(R"(
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate: {spec: {template: {metadata: {labels: {app: c}}}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {app: p}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
---
apiVersion: example.com/v1
kind: Rollout
metadata: {name: r}
)");
  const auto& r = m.resources();
  const Resource& deployment = r[m.Id("Deployment/shop/web")];
  const Resource& cron = r[m.Id("CronJob/default/c")];
  const Resource& pod = r[m.Id("Pod/default/p")];
  EXPECT_EQ(GroupOf(deployment), "apps");
  EXPECT_EQ(VersionOf(deployment), "v1");
  EXPECT_EQ(GroupOf(pod), "");
  EXPECT_TRUE(IsWorkload(deployment));
  EXPECT_TRUE(IsWorkload(cron));
  EXPECT_TRUE(IsWorkload(pod));
  int rollouts = 0;
  for (const Resource& x : r) {
    if (x.type == "argoproj.io/v1alpha1/Rollout") {
      EXPECT_TRUE(IsWorkload(x));
    }
    if (x.type == "example.com/v1/Rollout") {
      EXPECT_FALSE(IsWorkload(x));
    }
    rollouts += x.name == "r";
  }
  EXPECT_EQ(rollouts, 2);
  EXPECT_EQ(PodSpecPath(deployment), "spec.template.spec");
  EXPECT_EQ(PodSpecPath(cron), "spec.jobTemplate.spec.template.spec");
  EXPECT_EQ(PodSpecPath(pod), "spec");
  EXPECT_EQ(**PodTemplateLabels(cron).Find("app"), "c");
  EXPECT_EQ(**PodTemplateLabels(pod).Find("app"), "p");
  EXPECT_EQ(**PodTemplateLabels(deployment).Find("tier"), "frontend");
}

TEST(KubernetesGraphHelpersTest, LookupReturnsUnknownStepsAndNullForAbsentOnes) {
  ValueMap spec;
  spec.emplace("template", Value::Unknown("computed"));
  ValueMap root;
  root.emplace("spec", Value::Map(std::move(spec)));
  Value value = Value::Map(std::move(root));
  const Value* found = Lookup(value, {"spec", "template", "metadata", "labels"});
  ASSERT_NE(found, nullptr);
  EXPECT_TRUE(found->is_unknown());
  EXPECT_EQ(Lookup(value, {"spec", "selector"}), nullptr);
  Resource r;
  r.kind = ResourceKind::kObject;
  r.type = "apps/v1/Deployment";
  r.attributes = value;
  EXPECT_TRUE(PodTemplateLabels(r).unknown());
}

// Edges in emission order, as "from -> to kind path".
std::vector<std::string> OrderedEdges(const Manifests& m, KubernetesEdgeOptions options,
                                      KubernetesEdgeResult* result) {
  std::vector<Edge> edges;
  *result = AddKubernetesEdges(m.resources(), &edges, options);
  std::vector<std::string> out;
  for (const Edge& e : edges) out.push_back(m.Describe(e));
  return out;
}

// Enough objects for several batches of the edge builder's parallel work, and a selector with
// more candidates than it prepares ahead (selected in order instead).
Manifests ManyObjects() {
  std::string big;
  for (int i = 0; i < 4200; ++i) {
    big += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d" + std::to_string(i) +
           ", namespace: big}\nspec:\n  template:\n    metadata: {labels: {app: a, shard: s" +
           std::to_string(i % 50) + "}}\n    spec:\n      serviceAccountName: sa" +
           std::to_string(i % 3) +
           "\n      containers:\n      - name: c\n        envFrom: [{configMapRef: {name: cm" +
           std::to_string(i % 5) + "}}]\n---\n";
  }
  big +=
      "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: all, namespace: big}\n"
      "spec: {selector: {matchLabels: {app: a}}}\n---\n";
  for (int i = 0; i < 50; ++i) {
    big += "apiVersion: v1\nkind: Service\nmetadata: {name: svc" + std::to_string(i) +
           ", namespace: big}\nspec: {selector: {shard: s" + std::to_string(i) + "}}\n---\n";
  }
  for (int i = 0; i < 5; ++i) {
    big += "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm" + std::to_string(i) +
           ", namespace: big}\n---\n";
  }
  for (int i = 0; i < 3; ++i) {
    big += "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa" + std::to_string(i) +
           ", namespace: big}\n---\n";
  }
  big +=
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: "
      "big}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d7}}\n---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, "
      "namespace: big}\nroleRef: {kind: ClusterRole, name: view}\n"
      "subjects: [{kind: ServiceAccount, name: sa1}]\n---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: view}\n";
  Manifests m;
  m.Add(big);
  return m;
}

TEST(KubernetesGraphTest, ParallelEdgeBuildingGivesTheSameEdgesInTheSameOrderForAnyJobs) {
  Manifests m = ManyObjects();
  KubernetesEdgeResult one_result;
  std::vector<std::string> one = OrderedEdges(m, {}, &one_result);
  // 4200 selected by the PDB, 4200 by the 50 Services, 4200 x 2 references, 1 target, 2 binds.
  EXPECT_EQ(one_result.selection_edges, 8400u);
  EXPECT_EQ(one_result.other_edges, 8403u);
  EXPECT_FALSE(one_result.selection_edges_limited);
  EXPECT_EQ(std::count(one.begin(), one.end(),
                       "Deployment/big/d4199 -> ConfigMap/big/cm4 references "
                       "spec.template.spec.containers[0].envFrom[0].configMapRef"),
            1);
  for (int jobs : {2, 3}) {
    KubernetesEdgeOptions options;
    options.jobs = jobs;
    KubernetesEdgeResult result;
    EXPECT_EQ(OrderedEdges(m, options, &result), one) << "jobs " << jobs;
    EXPECT_EQ(result.selection_edges, one_result.selection_edges);
    EXPECT_EQ(result.other_edges, one_result.other_edges);
  }
  // Past the bound, the kept edges depend on the edges emitted before: still the same.
  m.Add(
      "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: again, namespace: big}\n"
      "spec: {selector: {matchLabels: {app: a}}}\n");
  KubernetesEdgeOptions bounded;
  bounded.max_selection_edges = 100;
  KubernetesEdgeResult bounded_one;
  std::vector<std::string> limited = OrderedEdges(m, bounded, &bounded_one);
  EXPECT_TRUE(bounded_one.selection_edges_limited);
  bounded.jobs = 2;
  KubernetesEdgeResult bounded_two;
  EXPECT_EQ(OrderedEdges(m, bounded, &bounded_two), limited);
  EXPECT_EQ(bounded_two.selection_edges, bounded_one.selection_edges);
  EXPECT_TRUE(bounded_two.selection_edges_limited);
}

}  // namespace
}  // namespace faultline::engine::k8s
