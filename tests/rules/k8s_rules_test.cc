// The Kubernetes rules' logic (FL-K8S-0001..0003) over a graph built as a scan builds it (YAML
// loader, KubernetesObjects, AddKubernetesEdges): where findings point, their messages and
// attribute paths, and silence on Unknown values, which YAML cannot express and are set here by
// hand. End-to-end behaviour is covered by the fixtures in rules/k8s/*/testdata.
#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/resource_graph.h"
#include "engine/rule.h"
#include "parsers/yaml/yaml_loader.h"
#include "rules/k8s/image_latest_tag/image_latest_tag.h"
#include "rules/k8s/missing_pdb/missing_pdb.h"
#include "rules/k8s/missing_readiness_probe/missing_readiness_probe.h"
#include "rules/k8s/no_anti_affinity/no_anti_affinity.h"
#include "rules/k8s/pdb_blocks_eviction/pdb_blocks_eviction.h"
#include "rules/k8s/pdb_selects_nothing/pdb_selects_nothing.h"
#include "rules/k8s/privileged_container/privileged_container.h"
#include "rules/k8s/run_as_root/run_as_root.h"
#include "rules/k8s/single_replica/single_replica.h"

namespace faultline::rules {
namespace {

using engine::Finding;
using engine::Resource;
using engine::Value;
using engine::ValueMap;

struct Reported {
  uint32_t line = 0;  // 1-based
  std::string address;
  std::string attribute_path;
  std::string message;
};

class Cluster {
 public:
  // Adds the objects of a YAML stream; `edit` may change them (e.g. to plant Unknown values).
  Cluster& Add(std::string yaml, std::string module_dir = "k8s") {
    files_.push_back(
        std::make_unique<engine::SourceFile>(module_dir + "/manifest.yaml", std::move(yaml)));
    parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(*files_.back());
    EXPECT_TRUE(stream.diagnostics.empty());
    engine::k8s::KubernetesOptions options;
    options.module_dir = module_dir;
    for (Resource& r : engine::k8s::KubernetesObjects(stream, options, nullptr)) {
      r.id = static_cast<engine::ResourceId>(resources_.size());
      resources_.push_back(std::move(r));
    }
    return *this;
  }

  // Replaces the value at `path` of the object with this address.
  Cluster& Set(const std::string& address, const std::vector<std::string>& path, Value value) {
    for (Resource& r : resources_) {
      if (r.address == address) r.attributes = Replaced(r.attributes, path, 0, std::move(value));
    }
    return *this;
  }

  std::vector<Reported> Run(const engine::Rule& rule) const {
    engine::ResourceGraph graph;
    for (const Resource& r : resources_) graph.Add(r);
    std::vector<engine::Edge> edges;
    engine::k8s::AddKubernetesEdges(resources_, &edges);
    for (engine::Edge& e : edges) graph.AddEdge(std::move(e));
    graph.Finalize();
    std::vector<Finding> findings;
    for (const Resource& r : graph.resources()) {
      if (!engine::RuleApplies(rule.metadata(), r)) continue;
      engine::FindingSink sink(rule.metadata(), r, &findings);
      rule.Check(engine::RuleContext{graph, r, {}}, sink);
    }
    std::vector<Reported> out;
    for (const Finding& f : findings) {
      out.push_back({f.range.start().line + 1, f.resource_address, f.attribute_path, f.message});
      EXPECT_EQ(f.rule_id, rule.metadata().id);
    }
    return out;
  }

 private:
  static Value Replaced(const Value& at, const std::vector<std::string>& path, size_t step,
                        Value value) {
    if (step == path.size()) return value;
    ValueMap map = at.is_map() ? at.as_map() : ValueMap{};
    const Value* child = at.Get(path[step]);
    map[path[step]] = Replaced(child ? *child : Value(), path, step + 1, std::move(value));
    return Value::Map(std::move(map), at.range());
  }

  std::deque<std::unique_ptr<engine::SourceFile>> files_;
  std::vector<Resource> resources_;
};

// --- FL-K8S-0001 k8s-missing-pdb -------------------------------------------------------------

constexpr char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
)";

TEST(MissingPdbRuleTest, ReplicatedDeploymentWithoutPdbIsReportedAtReplicas) {
  Cluster c;
  c.Add(kDeployment);
  std::vector<Reported> found = c.Run(MissingPdbRule());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 7u);
  EXPECT_EQ(found[0].address, "Deployment/shop/web");
  EXPECT_EQ(found[0].attribute_path, "spec.replicas");
  EXPECT_EQ(found[0].message,
            "Deployment \"web\" in namespace \"shop\" runs 3 replicas and no "
            "PodDisruptionBudget selects its pods: a node drain can evict all of them at once");
}

TEST(MissingPdbRuleTest, SelectedDeploymentIsNotReported) {
  Cluster c;
  c.Add(kDeployment);
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: web}}
)");
  EXPECT_TRUE(c.Run(MissingPdbRule()).empty());
}

TEST(MissingPdbRuleTest, PdbInAnotherNamespaceOrModuleDirDoesNotCount) {
  Cluster c;
  c.Add(kDeployment);
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: other}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
)");
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
)",
        "elsewhere");
  EXPECT_EQ(c.Run(MissingPdbRule()).size(), 1u);
}

TEST(MissingPdbRuleTest, SingleReplicaIsNotReportedAbsentReplicasAreUnlessSingleton) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: one, namespace: shop}
spec: {replicas: 1}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: default-count, namespace: shop}
spec: {serviceName: x}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: leader
  namespace: shop
  annotations: {faultline.dev/singleton: "true"}
spec: {serviceName: x}
)");
  std::vector<Reported> found = c.Run(MissingPdbRule());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].address, "StatefulSet/shop/default-count");
  EXPECT_NE(found[0].message.find("leaves spec.replicas unset"), std::string::npos);
}

TEST(MissingPdbRuleTest, HpaMaxReplicasDecidesAndIsRelated) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template: {metadata: {labels: {app: api}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 1
  maxReplicas: 6
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: pinned, namespace: shop}
spec:
  replicas: 4
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: pinned, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: pinned}
  maxReplicas: 1
)");
  std::vector<Reported> found = c.Run(MissingPdbRule());
  ASSERT_EQ(found.size(), 1u) << "the autoscaler of pinned caps it at one replica";
  EXPECT_EQ(found[0].address, "Deployment/shop/api");
  EXPECT_EQ(found[0].line, 2u) << "at the kind: entry";
  EXPECT_EQ(found[0].attribute_path, "");
  EXPECT_NE(found[0].message.find("scales up to 6 replicas (HorizontalPodAutoscaler \"api\" in "
                                  "namespace \"shop\")"),
            std::string::npos)
      << found[0].message;
}

TEST(MissingPdbRuleTest, UnknownReplicasOrUncertainPdbAreSilent) {
  Cluster unknown_replicas;
  unknown_replicas.Add(kDeployment);
  unknown_replicas.Set("Deployment/shop/web", {"spec", "replicas"},
                       Value::Unknown("replicas from a Helm value"));
  EXPECT_TRUE(unknown_replicas.Run(MissingPdbRule()).empty());

  Cluster string_replicas;  // the API server rejects "3": nothing is known
  string_replicas.Add(kDeployment);
  string_replicas.Set("Deployment/shop/web", {"spec", "replicas"}, Value::String("3"));
  EXPECT_TRUE(string_replicas.Run(MissingPdbRule()).empty());

  Cluster uncertain;
  uncertain.Add(kDeployment);
  uncertain.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: maybe, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: web}}
)");
  uncertain.Set("PodDisruptionBudget/shop/maybe", {"spec", "selector", "matchLabels", "app"},
                Value::Unknown("computed"));
  EXPECT_TRUE(uncertain.Run(MissingPdbRule()).empty());

  Cluster unknown_hpa;
  unknown_hpa.Add(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: 5
)");
  unknown_hpa.Set("HorizontalPodAutoscaler/shop/api", {"spec", "maxReplicas"},
                  Value::Unknown("computed"));
  EXPECT_TRUE(unknown_hpa.Run(MissingPdbRule()).empty());
}

TEST(MissingPdbRuleTest, ControlledObjectsAreLeftToTheirController) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5d4f
  namespace: shop
  ownerReferences:
    - {apiVersion: apps/v1, kind: Deployment, name: web, controller: true}
spec: {replicas: 3}
)");
  EXPECT_TRUE(c.Run(MissingPdbRule()).empty());
}

// --- FL-K8S-0002 k8s-pdb-selects-nothing --------------------------------------------------------

TEST(PdbSelectsNothingRuleTest, TypoInSelectorIsReportedAtTheSelector) {
  Cluster c;
  c.Add(kDeployment);
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: wbe}
)");
  std::vector<Reported> found = c.Run(PdbSelectsNothingRule());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 6u);
  EXPECT_EQ(found[0].attribute_path, "spec.selector");
  EXPECT_EQ(found[0].message,
            "PodDisruptionBudget \"web\" in namespace \"shop\" selects no pods: no workload in "
            "namespace \"shop\" has pod labels matching app=wbe");
}

TEST(PdbSelectsNothingRuleTest, NullAndV1beta1EmptySelectorsSelectNothing) {
  Cluster c;
  c.Add(kDeployment);
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: none, namespace: shop}
spec:
  maxUnavailable: 1
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: empty, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: shop}
spec:
  maxUnavailable: 1
  selector: {}
)");
  std::vector<Reported> found = c.Run(PdbSelectsNothingRule());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].address, "PodDisruptionBudget/shop/none");
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_NE(found[0].message.find("has no selector"), std::string::npos);
  EXPECT_EQ(found[1].address, "PodDisruptionBudget/shop/empty");
  EXPECT_EQ(found[1].line, 12u);
  EXPECT_NE(found[1].message.find("empty selector, which selects no pods in policy/v1beta1"),
            std::string::npos);
}

TEST(PdbSelectsNothingRuleTest, EmptyNamespaceIsNamed) {
  Cluster c;
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: quiet}
spec: {maxUnavailable: 1, selector: {}}
)");
  std::vector<Reported> found = c.Run(PdbSelectsNothingRule());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("covers namespace \"quiet\", where no workload runs"),
            std::string::npos)
      << found[0].message;
}

TEST(PdbSelectsNothingRuleTest, UnknownInvalidAndOperatorManagedSelectionsAreSilent) {
  Cluster c;
  c.Add(kDeployment);
  c.Add(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: computed, namespace: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: x}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: invalid, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions: [{key: app, operator: Gt, values: ["1"]}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: operator-pods, namespace: data}
spec: {maxUnavailable: 1, selector: {matchLabels: {cluster-name: main}}}
---
apiVersion: acid.zalan.do/v1
kind: postgresql
metadata: {name: main, namespace: data}
spec: {numberOfInstances: 2}
)");
  c.Set("PodDisruptionBudget/shop/computed", {"spec", "selector"}, Value::Unknown("computed"));
  EXPECT_TRUE(c.Run(PdbSelectsNothingRule()).empty());
}

// --- FL-K8S-0003 k8s-missing-readiness-probe ----------------------------------------------------

TEST(MissingReadinessProbeRuleTest, EachContainerWithoutProbeIsReportedAtItsName) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: migrate:1
      containers:
        - name: web
          image: web:1
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
        - name: proxy
          image: envoy:1
        - image: logger:1
          name: logger
          readinessProbe: null
)");
  std::vector<Reported> found = c.Run(MissingReadinessProbeRule());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].line, 15u);
  EXPECT_EQ(found[0].attribute_path, "spec.template.spec.containers[1]");
  EXPECT_EQ(found[0].message,
            "container \"proxy\" of Deployment \"web\" in namespace \"shop\" has no readiness "
            "probe: it receives traffic as soon as it starts, before it can serve");
  EXPECT_EQ(found[1].line, 18u);
  EXPECT_EQ(found[1].attribute_path, "spec.template.spec.containers[2]");
}

TEST(MissingReadinessProbeRuleTest, JobsCronJobsAndControlledPodsAreSkippedBarePodsAreNot) {
  Cluster c;
  c.Add(R"(apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template: {spec: {containers: [{name: task, image: t:1}]}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "@daily"
  jobTemplate: {spec: {template: {spec: {containers: [{name: task, image: t:1}]}}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5d4f-abcde
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, controller: true}]
spec:
  containers: [{name: web, image: web:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers:
    - name: shell
      image: busybox:1.36
)");
  std::vector<Reported> found = c.Run(MissingReadinessProbeRule());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].address, "Pod/default/debug");
  EXPECT_EQ(found[0].attribute_path, "spec.containers[0]");
  EXPECT_EQ(found[0].line, 27u);
}

TEST(MissingReadinessProbeRuleTest, UnknownProbeOrContainersAreSilent) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ops}
spec:
  template:
    spec:
      containers: [{name: agent, image: a:1}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ops}
spec:
  template:
    spec:
      containers: [{name: db, image: d:1}]
)");
  c.Set("DaemonSet/ops/agent", {"spec", "template", "spec", "containers"},
        Value::Unknown("computed"));
  ValueMap db;
  db.emplace("name", Value::String("db"));
  db.emplace("readinessProbe", Value::Unknown("computed"));
  c.Set("StatefulSet/ops/db", {"spec", "template", "spec", "containers"},
        Value::List({Value::Map(std::move(db))}));
  EXPECT_TRUE(c.Run(MissingReadinessProbeRule()).empty());
}

// --- Unknown values (planted: YAML manifests hold only literals) ----------------------------

constexpr char kInsecurePod[] = R"(apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  securityContext: {runAsUser: 0}
  containers:
    - name: web
      image: nginx
      securityContext: {privileged: true}
)";

TEST(K8sUnknownValuesTest, SecurityRulesReportLiteralsAndStaySilentOnUnknown) {
  Cluster literal;
  literal.Add(kInsecurePod);
  EXPECT_EQ(literal.Run(PrivilegedContainerRule()).size(), 1u);
  EXPECT_EQ(literal.Run(RunAsRootRule()).size(), 1u);
  EXPECT_EQ(literal.Run(ImageLatestTagRule()).size(), 1u);

  Cluster unknown;
  unknown.Add(kInsecurePod)
      .Set("Pod/shop/web", {"spec", "securityContext", "runAsUser"},
           Value::Unknown("from a kustomize replacement"))
      .Set("Pod/shop/web", {"spec", "containers"}, Value::Unknown("generated"));
  EXPECT_TRUE(unknown.Run(PrivilegedContainerRule()).empty());
  EXPECT_TRUE(unknown.Run(RunAsRootRule()).empty());
  EXPECT_TRUE(unknown.Run(ImageLatestTagRule()).empty());
}

constexpr char kReplicated[] = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: web}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
)";

TEST(K8sUnknownValuesTest, ReplicaRulesStaySilentOnUnknownCounts) {
  Cluster literal;
  literal.Add(kReplicated);
  EXPECT_EQ(literal.Run(SingleReplicaRule()).size(), 1u);
  EXPECT_EQ(literal.Run(PdbBlocksEvictionRule()).size(), 1u);

  Cluster unknown;
  unknown.Add(kReplicated)
      .Set("Deployment/shop/web", {"spec", "replicas"}, Value::Unknown("set by the pipeline"));
  EXPECT_TRUE(unknown.Run(SingleReplicaRule()).empty());
  EXPECT_TRUE(unknown.Run(PdbBlocksEvictionRule()).empty());
  EXPECT_TRUE(unknown.Run(NoAntiAffinityRule()).empty());
}

TEST(K8sUnknownValuesTest, AntiAffinityWithUnknownTopologyKeyIsSilent) {
  Cluster c;
  c.Add(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  template:
    metadata:
      labels: {app: web}
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: rack
          labelSelector:
            matchLabels: {app: web}
)");
  EXPECT_EQ(c.Run(NoAntiAffinityRule()).size(), 1u);
  c.Set("Deployment/shop/web", {"spec", "template", "spec", "topologySpreadConstraints"},
        Value::List({Value::Map(
            {{"topologyKey", Value::Unknown("var.topology_key")},
             {"labelSelector",
              Value::Map({{"matchLabels", Value::Map({{"app", Value::String("web")}})}})}})}));
  EXPECT_TRUE(c.Run(NoAntiAffinityRule()).empty());
}

}  // namespace
}  // namespace faultline::rules
