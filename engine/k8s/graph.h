// Kubernetes edges of the resource graph: selectors, scale targets, role bindings and the
// objects a pod template references.
//
// AddKubernetesEdges reads every Kubernetes object (ResourceKind::kObject) of a scan and appends
// these edges (ids are indexes in `resources`):
//   PodDisruptionBudget  -> workloads         kSelects   "spec.selector"
//   Service              -> workloads         kSelects   "spec.selector"
//   NetworkPolicy        -> workloads         kSelects   "spec.podSelector"
//   HorizontalPodAutoscaler -> its target     kTargets   "spec.scaleTargetRef"
//   RoleBinding / ClusterRoleBinding -> Role / ClusterRole   kBinds "roleRef"
//                        -> ServiceAccount subjects          kBinds "subjects[i]"
//   workload -> ServiceAccount, ConfigMap, Secret, PersistentVolumeClaim   kReferences, at the
//     reference: "spec.template.spec.serviceAccountName", "...imagePullSecrets[0]",
//     "...volumes[0].configMap", "...volumes[1].projected.sources[0].secret",
//     "...containers[0].envFrom[0].configMapRef", "...containers[0].env[2].valueFrom.secretKeyRef"
//     (prefix "spec.template.spec"; "spec.jobTemplate.spec.template.spec" for a CronJob; "spec"
//     for a Pod). StatefulSet volumeClaimTemplates are not references.
// Objects relate only within one module_dir and namespace; a ClusterRoleBinding, a RoleBinding's
// ClusterRole and a subject's explicit namespace reach across namespaces of the module_dir.
// A workload is a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod or
// ReplicationController of the built-in API groups, or an Argo Rollout (argoproj.io); selectors
// match the labels of its pod template (a Pod's own labels). Selector semantics: selectors.h.
//
// Uncertain selections. A selector that may or may not match (Unknown or invalid selector or
// labels, selectors.h) still gets a kSelects edge, with kUncertainSuffix appended to its
// attribute path ("spec.selector (uncertain)"): rules asking "is anything selected" must not
// report on it, rules asking "what is selected" must not count it (IsUncertain). A selector also
// gets an uncertain edge to every custom resource in its namespace that may create pods through
// an operator (any namespaced object outside the built-in API groups that is not a workload and
// not of a few well-known kinds that never create pods, such as ServiceMonitor or Certificate):
// its pods carry labels no manifest shows.
//
// Bound. Selection edges can be quadratic (20,000 PDBs with `selector: {}` over 20,000
// Deployments). Past options.max_selection_edges, a selector still gets an edge to its first
// match and to every object that no selector of its kind has selected yet, so "is anything
// selected" and "is this selected by some PDB" keep their answers; other edges are dropped and
// the result says so (the caller reports FL-ENG-0004).
//
// Thread safety: a pure function of its input.
#ifndef FAULTLINE_ENGINE_K8S_GRAPH_H_
#define FAULTLINE_ENGINE_K8S_GRAPH_H_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/k8s/selectors.h"
#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "engine/value.h"

namespace faultline::engine::k8s {

inline constexpr std::string_view kUncertainSuffix = " (uncertain)";

struct KubernetesEdgeOptions {
  uint64_t max_selection_edges = 2'000'000;
  // Threads for the per-object work (engine/parallel.h); the edges and their order are the same
  // for any value.
  int jobs = 1;
};

struct KubernetesEdgeResult {
  uint64_t selection_edges = 0;          // kSelects edges added (certain and uncertain)
  uint64_t other_edges = 0;              // kTargets, kBinds and kReferences edges added
  bool selection_edges_limited = false;  // max_selection_edges was reached (see "Bound")
};

// Appends the Kubernetes edges among `resources` to `*edges`. Deterministic: the same input
// gives the same edges in the same order.
KubernetesEdgeResult AddKubernetesEdges(const std::vector<Resource>& resources,
                                        std::vector<Edge>* edges,
                                        const KubernetesEdgeOptions& options = {});

// True for a kSelects edge whose selection is uncertain (see above).
bool IsUncertain(const Edge& edge);

// The API group of an object: "" for the core group ("v1/Pod"), "apps" for
// "apps/v1/Deployment", "argoproj.io" for "argoproj.io/v1alpha1/Rollout".
std::string_view GroupOf(const Resource& resource);
// The API version without the group: "v1", "v1beta1".
std::string_view VersionOf(const Resource& resource);

// A workload object as defined above (kind and API group both checked).
bool IsWorkload(const Resource& resource);

// Where a workload's pod template is: {"spec", "template"} (most kinds),
// {"spec", "jobTemplate", "spec", "template"} (CronJob), {} (Pod: the object itself holds
// metadata and spec). Empty for non-workloads too; check IsWorkload first.
std::span<const std::string_view> PodTemplatePath(const Resource& resource);
// The dotted form of PodTemplatePath + "spec": "spec.template.spec", "spec" for a Pod.
std::string PodSpecPath(const Resource& resource);
// The workload's pod spec (PodTemplatePath + "spec"), as Lookup returns it: nullptr when absent,
// an Unknown value when unknown. nullptr for non-workloads.
const Value* PodSpec(const Resource& resource);
// The labels of a workload's pod template (a Pod's metadata.labels); unknown when the template
// or its metadata is Unknown.
Labels PodTemplateLabels(const Resource& resource);

// The selector of a PodDisruptionBudget, Service or NetworkPolicy with the semantics of its
// field and API version; LabelSelector::Nothing() for other objects. `attribute_path` (may be
// nullptr) receives "spec.selector" or "spec.podSelector".
LabelSelector SelectorOf(const Resource& resource, std::string* attribute_path = nullptr);

// How finding messages name an object: `Deployment "web" in namespace "shop"`, or
// `ClusterRole "view"` for a cluster-scoped one.
std::string ObjectLabel(const Resource& resource);

// True when metadata.ownerReferences has an entry with `controller: true` (a ReplicaSet of a
// Deployment, a Pod of a ReplicaSet in a live export): rules report on the controller instead.
bool HasController(const Resource& resource);

// The value at `path` under `root`, following maps only. nullptr when a step is absent or not a
// map; when a step (or the value itself) is Unknown, that Unknown value is returned, so callers
// can tell "absent" from "cannot know".
const Value* Lookup(const Value& root, std::span<const std::string_view> path);
const Value* Lookup(const Value& root, std::initializer_list<std::string_view> path);

}  // namespace faultline::engine::k8s

#endif  // FAULTLINE_ENGINE_K8S_GRAPH_H_
