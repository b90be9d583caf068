#include "engine/k8s/objects.h"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/engine_rules.h"

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

class Recognizer {
 public:
  Recognizer(const YamlStream& stream, const KubernetesOptions& options,
             std::vector<Finding>* diagnostics)
      : stream_(stream), options_(options), diagnostics_(diagnostics) {
    scopes_ = options.crd_scopes;
    CollectCrdScopes(stream, &scopes_);
  }

  std::vector<Resource> Run() {
    for (const YamlDocument& document : stream_.documents) {
      const Value& root = document.root;
      if (!IsObjectShaped(root)) continue;
      const Value* items = root.Get("items");
      const std::string& kind = root.Get("kind")->as_string();
      bool is_list =
          kind == "List" || (kind.ends_with("List") && items != nullptr && items->is_list());
      if (!is_list) {
        if (IsToolConfiguration(root.Get("apiVersion")->as_string(), kind)) continue;
        AddObject(root, document.range);
        continue;
      }
      if (items == nullptr || !items->is_list()) continue;  // an empty `kind: List`
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
    return std::move(objects_);
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
      objects_.push_back(std::move(resource));
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
        server_metadata.insert(metadata_entries.extract(it));
        metadata_changed = true;
      }
      if (!server_metadata.empty()) {
        server.emplace("metadata", Rebuilt(*metadata, std::move(server_metadata)));
      }
      auto status = entries.find("status");
      if (status != entries.end()) server.insert(entries.extract(status));
      if (!server.empty()) resource.server_fields = Value::Map(std::move(server), object.range());
    }
    if (metadata_changed) entries["metadata"] = Rebuilt(*metadata, std::move(metadata_entries));
    resource.attributes = Rebuilt(object, std::move(entries));
    objects_.push_back(std::move(resource));
  }

  void Report(SourceRange range, std::string message, std::string discriminator) {
    if (diagnostics_ == nullptr) return;
    // Objects without a name have no address: tell repeated ones apart by their order.
    int count = ++reported_[discriminator];
    diagnostics_->push_back(MakeEngineFinding(kInvalidObjectId, range, std::move(message),
                                              discriminator + " #" + std::to_string(count)));
  }

  const YamlStream& stream_;
  const KubernetesOptions& options_;
  std::vector<Finding>* diagnostics_;
  KindScopes scopes_;
  std::vector<Resource> objects_;
  std::map<std::string, int> reported_;
};

}  // namespace

std::vector<Resource> KubernetesObjects(const YamlStream& stream, const KubernetesOptions& options,
                                        std::vector<Finding>* diagnostics) {
  return Recognizer(stream, options, diagnostics).Run();
}

void CollectCrdScopes(const YamlStream& stream, KindScopes* scopes) {
  auto collect = [&](const Value& root) {
    if (!root.is_map() || !IsCrd(root)) return;
    const Value* kind = root.Find({"spec", "names", "kind"});
    const Value* scope = root.Find({"spec", "scope"});
    if (kind == nullptr || !kind->is_string() || scope == nullptr || !scope->is_string()) return;
    (*scopes)[kind->as_string()] = scope->as_string() == "Cluster";
  };
  for (const YamlDocument& document : stream.documents) {
    collect(document.root);
    const Value* items = document.root.Get("items");
    if (items != nullptr && items->is_list()) {
      for (const Value& item : items->as_list()) collect(item);
    }
  }
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
  const Value* value = resource.attributes.Find({"metadata", "namespace"});
  return value != nullptr && value->is_string() ? std::string_view(value->as_string())
                                                : std::string_view();
}

const Value* PodTemplateSpec(const Resource& resource) {
  std::string_view kind = KindOf(resource);
  const Value* spec = nullptr;
  if (kind == "Pod") {
    spec = resource.attributes.Get("spec");
  } else if (kind == "CronJob") {
    spec = resource.attributes.Find({"spec", "jobTemplate", "spec", "template", "spec"});
  } else if (IsWorkloadKind(kind)) {
    spec = resource.attributes.Find({"spec", "template", "spec"});
  }
  return spec != nullptr && spec->is_map() ? spec : nullptr;
}

}  // namespace faultline::engine::k8s
