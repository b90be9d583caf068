// Kubernetes objects: recognising the documents of a YAML/JSON stream as graph resources.
//
// A document is a Kubernetes object when it is a mapping with a string `apiVersion` and `kind`;
// other documents are ignored without a diagnostic (they stay available to the secrets scanner).
// So are documents that configure a client-side tool rather than describe an API object, though
// they carry apiVersion and kind: kustomize's Kustomization and Component, kubeconfig (v1 Config),
// component configurations (groups *.config.k8s.io), kubeadm.k8s.io, audit.k8s.io, kind.x-k8s.io
// and skaffold.
// `kind: List`, and any `*List` kind whose `items` is a sequence, is flattened into its items
// (kubectl's `get -o yaml|json` output); each item's range is its own node.
//
// Each object becomes an engine::Resource (origin from the options, kind kObject):
//   type       apiVersion + "/" + kind ("v1/Service", "apps/v1/Deployment")
//   name       metadata.name (or metadata.generateName when there is no name)
//   address    "Kind/namespace/name", or "Kind/name" for cluster-scoped kinds
//   module_dir options.module_dir (objects relate only within one module_dir and namespace)
//   attributes the whole object; for namespaced kinds without metadata.namespace (or with an
//              empty one) a metadata.namespace = options.default_namespace is added (provenance
//              kDefaulted, range: the `metadata` entry)
//   range      the whole document (a List item: its node); header: the `kind:` entry
// For origin kLive, the fields the server populates (status, metadata.managedFields, .uid,
// .resourceVersion, .creationTimestamp, .generation, .selfLink) are moved from `attributes` to
// `server_fields`, a map with the same paths.
//
// Scope: IsClusterScopedKind knows the built-in cluster-scoped kinds and treats kinds named
// "Cluster..." as cluster-scoped (ClusterIssuer, ClusterPolicy, ...); CustomResourceDefinitions
// found in the same stream, and those passed in options.crd_scopes, override that guess.
//
// Diagnostics: FL-ENG-0007 (at the `kind:` entry, object skipped) for an object without
// metadata.name and metadata.generateName, or whose metadata or name is not of the right type,
// and for a List item that is not an object. Thread-safe (no shared state); with options.jobs > 1
// a large stream's documents are recognized in chunks at once, joined in document order.
#ifndef FAULTLINE_ENGINE_K8S_OBJECTS_H_
#define FAULTLINE_ENGINE_K8S_OBJECTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/value.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::engine::k8s {

// Kind → true when cluster-scoped (from CustomResourceDefinition spec.names.kind / spec.scope).
using KindScopes = std::map<std::string, bool, std::less<>>;

struct KubernetesOptions {
  Origin origin = Origin::kConfig;  // kConfig for manifests, kLive for kubectl exports
  std::string default_namespace = "default";
  std::string module_dir;  // the scan path the file was found under ("-" for stdin)
  KindScopes crd_scopes;   // scopes of custom kinds declared in other files (optional)
  // Threads to recognize a large stream's documents on (engine/parallel.h); the result is the
  // same for any value.
  int jobs = 1;
};

// The objects of `stream`, in document order. Appends diagnostics to `*diagnostics` (may be
// nullptr to discard them).
std::vector<Resource> KubernetesObjects(const parsers::yaml::YamlStream& stream,
                                        const KubernetesOptions& options,
                                        std::vector<Finding>* diagnostics);

// Adds the scope of every CustomResourceDefinition in `stream` to `*scopes` (kind → cluster).
void CollectCrdScopes(const parsers::yaml::YamlStream& stream, KindScopes* scopes);

// True for the built-in cluster-scoped kinds and for kinds named "Cluster..." (a heuristic for
// custom resources such as cert-manager's ClusterIssuer).
bool IsClusterScopedKind(std::string_view kind);

// Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, ReplicationController,
// Rollout (Argo Rollouts).
bool IsWorkloadKind(std::string_view kind);

// The kind of an object resource: the part of `type` after the last '/' ("Deployment").
std::string_view KindOf(const Resource& resource);

// metadata.namespace of an object ("" when absent, e.g. cluster-scoped objects).
std::string_view NamespaceOf(const Resource& resource);

// The pod spec map of a workload: spec.template.spec (Deployment, StatefulSet, DaemonSet,
// ReplicaSet, Job, ReplicationController, Rollout), spec.jobTemplate.spec.template.spec
// (CronJob), spec (Pod). nullptr for other kinds or when absent or not a map.
const Value* PodTemplateSpec(const Resource& resource);

}  // namespace faultline::engine::k8s

#endif  // FAULTLINE_ENGINE_K8S_OBJECTS_H_
