// Kubernetes workload helpers shared by the rules under rules/k8s/: where an object keeps its pod
// template, its containers, its replica count, and the type lists rule scopes name.
//
// Pod templates are read from the built-in workloads (engine/k8s/graph.h: Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Pod, Argo Rollout)
// and from two widespread custom kinds whose pod template has the same shape: OpenShift
// DeploymentConfig (`spec.template`) and Knative Serving Service / Configuration
// (`spec.template`) and Revision (`spec`). A Deployment, StatefulSet, DaemonSet or ReplicaSet
// written with apiVersion v1 (a typo kubectl rejects) is read like its apps/v1 counterpart, so
// that fixing the apiVersion does not reveal new findings. Every function is a pure read of its
// arguments and safe from many threads; pointers returned point into the resource's attributes.
#ifndef FAULTLINE_RULES_COMMON_K8S_WORKLOADS_H_
#define FAULTLINE_RULES_COMMON_K8S_WORKLOADS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "engine/value.h"

namespace faultline::rules::kube {

// The annotation that marks a workload as deliberately running one replica (a leader-elected
// controller, a single-writer database): `faultline.dev/singleton: "true"`.
inline constexpr std::string_view kSingletonAnnotation = "faultline.dev/singleton";

// Type lists for RuleScope::types.
// Every object holding a pod template (workloads, Jobs, CronJobs, Pods, DeploymentConfig,
// Knative Service / Configuration / Revision).
std::vector<std::string> PodTemplateTypes();
// PodTemplateTypes without Jobs and CronJobs (run-to-completion pods).
std::vector<std::string> LongRunningTypes();
// Objects whose pods are replicas of one template with a `spec.replicas` count: Deployment,
// StatefulSet, ReplicaSet, ReplicationController, Argo Rollout, DeploymentConfig.
std::vector<std::string> ReplicatedTypes();

// True for the kinds of ReplicatedTypes (kind and API group checked).
bool IsReplicated(const engine::Resource& resource);

// The pod template of an object: `spec` is the pod spec (nullptr when absent, an Unknown value
// when unknown), `spec_path` its dotted path ("spec.template.spec"), `metadata` the template's
// metadata (a Pod's own metadata; may be nullptr). nullopt for objects without a pod template.
struct PodTemplate {
  const engine::Value* spec = nullptr;
  std::string spec_path;
  const engine::Value* metadata = nullptr;
};
std::optional<PodTemplate> PodTemplateOf(const engine::Resource& resource);

enum class ContainerKind { kContainer, kInit, kEphemeral };

struct ContainerRef {
  const engine::Value* container = nullptr;  // a map
  ContainerKind kind = ContainerKind::kContainer;
  std::string path;   // "spec.template.spec.containers[0]"
  std::string label;  // `container "web"`, `init container "setup"`, or `container 2`
  // Where a finding about the whole container points: its `name` entry, else the item.
  const engine::Value* anchor = nullptr;
};

// The containers of a pod spec that are maps, in order: `containers`, then (when asked)
// `initContainers` and `ephemeralContainers`. Lists that are absent, Unknown or not lists, and
// items that are not maps, are skipped.
std::vector<ContainerRef> ContainersOf(const engine::Value& pod_spec, std::string_view spec_path,
                                       bool include_init_and_ephemeral);

// True when the object carries `faultline.dev/singleton: "true"` (string or bool).
bool IsDeclaredSingleton(const engine::Resource& resource);

// How many replicas a replicated workload runs.
struct ReplicaCount {
  enum class Source {
    kSpec,        // spec.replicas, a known non-negative integer
    kDefault,     // spec.replicas absent or null: Kubernetes creates 1
    kAutoscaler,  // a HorizontalPodAutoscaler targets the workload: min..max from it
    kUnknown,     // not a known integer (Unknown, quoted, negative), or an autoscaler's is not
  };
  Source source = Source::kUnknown;
  double min = 0;  // the fewest replicas it runs (equal to max unless autoscaled)
  double max = 0;
  const engine::Value* at = nullptr;      // spec.replicas, or the autoscaler's minReplicas
  const engine::Resource* hpa = nullptr;  // the autoscaler (kAutoscaler)
};
// HorizontalPodAutoscaler minReplicas absent means 1. With several autoscalers (a
// misconfiguration) the first known one is used.
ReplicaCount ReplicasOf(const engine::ResourceGraph& graph, const engine::Resource& resource);

// A non-negative integer as Kubernetes reads an int32 field; nullopt otherwise.
std::optional<double> KnownCount(const engine::Value* value);

// An IntOrString as Kubernetes reads it: a non-negative integer, or a "N%" string.
struct IntOrPercent {
  double value = 0;
  bool percent = false;
};
std::optional<IntOrPercent> KnownIntOrPercent(const engine::Value* value);

// True when the value is written and not null (an Unknown value counts as written).
bool IsPresent(const engine::Value* value);

}  // namespace faultline::rules::kube

#endif  // FAULTLINE_RULES_COMMON_K8S_WORKLOADS_H_
