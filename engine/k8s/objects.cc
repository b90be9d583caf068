#include "engine/k8s/objects.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

#include "engine/engine_rules.h"
#include "engine/parallel.h"

namespace faultline::engine::k8s {
namespace {

using parsers::yaml::YamlDocument;
using parsers::yaml::YamlStream;

// Built-in kinds that are not namespaced (kubectl api-resources --namespaced=false), plus
// well-known add-ons. Sorted for binary search.
constexpr std::array<std::string_view, 37> kClusterScopedKinds = {
    "APIService",
    "CSIDriver",
    "CSINode",
    "CertificateSigningRequest",
    "ClusterIssuer",
    "ClusterRole",
    "ClusterRoleBinding",
    "ClusterTrustBundle",
    "ComponentStatus",
    "ConstraintTemplate",
    "CustomResourceDefinition",
    "DeviceClass",
    "FlowSchema",
    "IPAddress",
    "IngressClass",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "SelfSubjectAccessReview",
    "SelfSubjectReview",
    "SelfSubjectRulesReview",
    "ServiceCIDR",
    "StorageClass",
    "StorageVersionMigration",
    "SubjectAccessReview",
    "TokenReview",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
};

// Namespaced kinds that the "Cluster..." heuristic would get wrong.
constexpr std::array<std::string_view, 1> kNamespacedClusterKinds = {"ClusterServiceVersion"};

static_assert(std::is_sorted(kClusterScopedKinds.begin(), kClusterScopedKinds.end()));

// Metadata fields the API server populates (kLive objects keep them in server_fields).
constexpr std::array<std::string_view, 6> kServerMetadataFields = {
    "creationTimestamp", "generation", "managedFields", "resourceVersion", "selfLink", "uid"};

// The value at `path`, following map keys only (nullptr when a step is absent or not a map): what
// Value::Find gives for keys that are not list indexes, without building a path vector.
const Value* MapPath(const Value& root, std::initializer_list<std::string_view> path) {
  const Value* current = &root;
  for (std::string_view step : path) {
    current = current->Get(step);
    if (current == nullptr) return nullptr;
  }
  return current;
}

const std::string* StringAt(const Value& map, std::string_view key) {
  const Value* value = map.Get(key);
  return value != nullptr && value->is_string() ? &value->as_string() : nullptr;
}

// A map Value with new entries, keeping `original`'s range and origin.
Value Rebuilt(const Value& original, ValueMap entries) {
  return Value::Map(std::move(entries), original.origin()).WithRange(original.range());
}

// Documents with apiVersion and kind that configure a client-side tool rather than describe an
// API object: kustomize (Kustomization, Component), kubeconfig files, component configurations
// (kubelet.config.k8s.io, kubeproxy.config.k8s.io, ...), kubeadm, audit policies, kind clusters
// and skaffold. They have no metadata.name and are never sent to the API server.
bool IsToolConfiguration(std::string_view api_version, std::string_view kind) {
  std::string_view group = api_version.substr(0, api_version.find('/'));
  if (api_version.find('/') == std::string_view::npos) group = {};  // the core group ("v1")
  if (group.ends_with(".config.k8s.io") || group == "kubeadm.k8s.io" || group == "audit.k8s.io" ||
      group == "kind.x-k8s.io" || group == "skaffold") {
    return true;
  }
  return group.empty() && kind == "Config";  // kubeconfig
}

bool IsCrd(const Value& root) {
  const std::string* api_version = StringAt(root, "apiVersion");
  const std::string* kind = StringAt(root, "kind");
  return api_version != nullptr && kind != nullptr && *kind == "CustomResourceDefinition" &&
         api_version->starts_with("apiextensions.k8s.io/");
}

// A problem found while recognizing: reported (numbered by discriminator) in document order.
struct PendingReport {
  SourceRange range;
  std::string message;
  std::string discriminator;
};

// What a run of consecutive documents yields.
struct ChunkResult {
  std::vector<Resource> objects;
  std::vector<PendingReport> reports;
};

// Documents handled by one ParallelFor item: large streams are cut into chunks this size.
constexpr size_t kDocumentsPerChunk = 256;

class Recognizer {
 public:
  Recognizer(const KubernetesOptions& options, const KindScopes& scopes, ChunkResult* out)
      : options_(options), scopes_(scopes), out_(out) {}

  void AddDocument(const YamlDocument& document) {
    const Value& root = document.root;
    if (!IsObjectShaped(root)) return;
    const Value* items = root.Get("items");
    const std::string& kind = root.Get("kind")->as_string();
    bool is_list =
        kind == "List" || (kind.ends_with("List") && items != nullptr && items->is_list());
    if (!is_list) {
      if (IsToolConfiguration(root.Get("apiVersion")->as_string(), kind)) return;
      AddObject(root, document.range);
      return;
    }
    if (items == nullptr || !items->is_list()) return;  // an empty `kind: List`
    for (const Value& item : items->as_list()) {
      if (IsObjectShaped(item)) {
        AddObject(item, item.range());
      } else {
        Report(item.range(),
               "item of " + kind + " is not a kubernetes object (no apiVersion and kind)",
               "list item");
      }
    }
  }

 private:
  static bool IsObjectShaped(const Value& value) {
    if (!value.is_map()) return false;
    const std::string* api_version = StringAt(value, "apiVersion");
    const std::string* kind = StringAt(value, "kind");
    return api_version != nullptr && kind != nullptr && !api_version->empty() && !kind->empty();
  }

  bool ClusterScoped(std::string_view kind) const {
    auto it = scopes_.find(kind);
    if (it != scopes_.end()) return it->second;
    return IsClusterScopedKind(kind);
  }

  void AddObject(const Value& object, SourceRange range) {
    const std::string& api_version = object.Get("apiVersion")->as_string();
    const std::string& kind = object.Get("kind")->as_string();
    std::string type = api_version + "/" + kind;
    SourceRange header = object.Get("kind")->range();

    const Value* metadata = object.Get("metadata");
    if (metadata == nullptr || !metadata->is_map()) {
      Report(header, "kubernetes object " + type + " has no metadata.name; it is not analysed",
             type + " without name");
      return;
    }
    std::string name;
    const Value* name_value = metadata->Get("name");
    const Value* generate_name = metadata->Get("generateName");
    if (name_value != nullptr && name_value->is_string() && !name_value->as_string().empty()) {
      name = name_value->as_string();
    } else if (name_value != nullptr && !name_value->is_null() && !name_value->is_string()) {
      Report(name_value->range(),
             "kubernetes object " + type + " has a metadata.name that is not a string (" +
                 name_value->ToDisplayString() + "); it is not analysed",
             type + " name " + name_value->ToDisplayString());
      return;
    } else if (generate_name != nullptr && generate_name->is_string() &&
               !generate_name->as_string().empty()) {
      name = generate_name->as_string();
    } else {
      Report(header,
             "kubernetes object " + type +
                 " has no metadata.name (nor metadata.generateName); it is not analysed",
             type + " without name");
      return;
    }

    bool cluster_scoped = ClusterScoped(kind);
    std::string namespace_name;
    bool default_namespace = false;
    const std::string* written_namespace = StringAt(*metadata, "namespace");
    if (written_namespace != nullptr && !written_namespace->empty()) {
      namespace_name = *written_namespace;
    } else if (!cluster_scoped) {
      namespace_name = options_.default_namespace;
      default_namespace = true;
    }

    Resource resource;
    resource.origin = options_.origin;
    resource.kind = ResourceKind::kObject;
    resource.type = std::move(type);
    resource.name = name;
    resource.address =
        cluster_scoped ? kind + "/" + name : kind + "/" + namespace_name + "/" + name;
    resource.module_dir = options_.module_dir;
    resource.range = range;
    resource.header = header;

    if (options_.origin != Origin::kLive && !default_namespace) {
      resource.attributes = object;  // shares the document's Value
      out_->objects.push_back(std::move(resource));
      return;
    }
    ValueMap entries = object.as_map();
    ValueMap metadata_entries = metadata->as_map();
    bool metadata_changed = false;
    if (default_namespace) {
      metadata_entries["namespace"] = Value::String(namespace_name, metadata->range())
                                          .WithProvenance(Value::Provenance::kDefaulted);
      metadata_changed = true;
    }
    if (options_.origin == Origin::kLive) {
      ValueMap server;
      ValueMap server_metadata;
      for (std::string_view field : kServerMetadataFields) {
        auto it = metadata_entries.find(field);
        if (it == metadata_entries.end()) continue;
        server_metadata.try_emplace(std::move(it->first), std::move(it->second));
        metadata_entries.erase(it);
        metadata_changed = true;
      }
      if (!server_metadata.empty()) {
        server.emplace("metadata", Rebuilt(*metadata, std::move(server_metadata)));
      }
      auto status = entries.find("status");
      if (status != entries.end()) {
        server.try_emplace(std::move(status->first), std::move(status->second));
        entries.erase(status);
      }
      if (!server.empty()) resource.server_fields = Value::Map(std::move(server), object.range());
    }
    if (metadata_changed) entries["metadata"] = Rebuilt(*metadata, std::move(metadata_entries));
    resource.attributes = Rebuilt(object, std::move(entries));
    out_->objects.push_back(std::move(resource));
  }

  void Report(SourceRange range, std::string message, std::string discriminator) {
    out_->reports.push_back(PendingReport{range, std::move(message), std::move(discriminator)});
  }

  const KubernetesOptions& options_;
  const KindScopes& scopes_;
  ChunkResult* out_;
};

// Scope entries of the CustomResourceDefinitions of one document (itself or a List's items), in
// order.
void CollectDocumentCrdScopes(const Value& root, std::vector<std::pair<std::string, bool>>* out) {
  auto collect = [&](const Value& value) {
    if (!value.is_map() || !IsCrd(value)) return;
    const Value* kind = MapPath(value, {"spec", "names", "kind"});
    const Value* scope = MapPath(value, {"spec", "scope"});
    if (kind == nullptr || !kind->is_string() || scope == nullptr || !scope->is_string()) return;
    out->emplace_back(kind->as_string(), scope->as_string() == "Cluster");
  };
  collect(root);
  const Value* items = root.Get("items");
  if (items != nullptr && items->is_list()) {
    for (const Value& item : items->as_list()) collect(item);
  }
}

}  // namespace

std::vector<Resource> KubernetesObjects(const YamlStream& stream, const KubernetesOptions& options,
                                        std::vector<Finding>* diagnostics) {
  // Documents are recognized in chunks, on up to options.jobs threads; chunk results are joined
  // in document order, so the outcome does not depend on the number of jobs.
  const std::vector<YamlDocument>& documents = stream.documents;
  size_t chunks = (documents.size() + kDocumentsPerChunk - 1) / kDocumentsPerChunk;
  auto chunk_range = [&](size_t c) {
    size_t begin = c * kDocumentsPerChunk;
    return std::pair(begin, std::min(documents.size(), begin + kDocumentsPerChunk));
  };
  // CustomResourceDefinition scopes first: any document's CRD decides every object's scope.
  std::vector<std::vector<std::pair<std::string, bool>>> crds(chunks);
  ParallelFor(chunks, options.jobs, [&](size_t c) {
    auto [begin, end] = chunk_range(c);
    for (size_t d = begin; d < end; ++d) CollectDocumentCrdScopes(documents[d].root, &crds[c]);
  });
  KindScopes scopes = options.crd_scopes;
  for (auto& chunk : crds) {
    for (auto& [kind, cluster] : chunk) scopes[std::move(kind)] = cluster;
  }
  std::vector<ChunkResult> results(chunks);
  ParallelFor(chunks, options.jobs, [&](size_t c) {
    auto [begin, end] = chunk_range(c);
    Recognizer recognizer(options, scopes, &results[c]);
    for (size_t d = begin; d < end; ++d) recognizer.AddDocument(documents[d]);
  });
  size_t total = 0;
  for (const ChunkResult& result : results) total += result.objects.size();
  std::vector<Resource> objects;
  objects.reserve(total);
  // Objects without a name have no address: repeated reports are told apart by their order.
  std::map<std::string, int> reported;
  for (ChunkResult& result : results) {
    for (Resource& r : result.objects) objects.push_back(std::move(r));
    if (diagnostics == nullptr) continue;
    for (PendingReport& report : result.reports) {
      int count = ++reported[report.discriminator];
      diagnostics->push_back(
          MakeEngineFinding(kInvalidObjectId, report.range, std::move(report.message),
                            report.discriminator + " #" + std::to_string(count)));
    }
  }
  return objects;
}

void CollectCrdScopes(const YamlStream& stream, KindScopes* scopes) {
  std::vector<std::pair<std::string, bool>> found;
  for (const YamlDocument& document : stream.documents) {
    CollectDocumentCrdScopes(document.root, &found);
  }
  for (auto& [kind, cluster] : found) (*scopes)[std::move(kind)] = cluster;
}

bool IsClusterScopedKind(std::string_view kind) {
  if (std::binary_search(kClusterScopedKinds.begin(), kClusterScopedKinds.end(), kind)) {
    return true;
  }
  if (std::find(kNamespacedClusterKinds.begin(), kNamespacedClusterKinds.end(), kind) !=
      kNamespacedClusterKinds.end()) {
    return false;
  }
  return kind.size() > 7 && kind.starts_with("Cluster") && kind[7] >= 'A' && kind[7] <= 'Z';
}

bool IsWorkloadKind(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
         kind == "ReplicaSet" || kind == "Job" || kind == "CronJob" || kind == "Pod" ||
         kind == "ReplicationController" || kind == "Rollout";
}

std::string_view KindOf(const Resource& resource) {
  std::string_view type = resource.type;
  size_t slash = type.rfind('/');
  return slash == std::string_view::npos ? type : type.substr(slash + 1);
}

std::string_view NamespaceOf(const Resource& resource) {
  const Value* value = MapPath(resource.attributes, {"metadata", "namespace"});
  return value != nullptr && value->is_string() ? std::string_view(value->as_string())
                                                : std::string_view();
}

const Value* PodTemplateSpec(const Resource& resource) {
  std::string_view kind = KindOf(resource);
  const Value* spec = nullptr;
  if (kind == "Pod") {
    spec = resource.attributes.Get("spec");
  } else if (kind == "CronJob") {
    spec = MapPath(resource.attributes, {"spec", "jobTemplate", "spec", "template", "spec"});
  } else if (IsWorkloadKind(kind)) {
    spec = MapPath(resource.attributes, {"spec", "template", "spec"});
  }
  return spec != nullptr && spec->is_map() ? spec : nullptr;
}

}  // namespace faultline::engine::k8s
