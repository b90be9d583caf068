#include "engine/k8s/graph.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

#include "engine/k8s/objects.h"
#include "engine/parallel.h"
#include "engine/string_hash.h"

namespace faultline::engine::k8s {

namespace {

constexpr std::string_view kCoreGroup = "";
constexpr std::string_view kRbacGroup = "rbac.authorization.k8s.io";

// "apps/v1" -> {"apps", "v1"}; "v1" -> {"", "v1"}.
std::pair<std::string_view, std::string_view> SplitApiVersion(std::string_view api_version) {
  size_t slash = api_version.find('/');
  if (slash == std::string_view::npos) return {kCoreGroup, api_version};
  return {api_version.substr(0, slash), api_version.substr(slash + 1)};
}

std::string_view ApiVersionOf(const Resource& resource) {
  std::string_view type = resource.type;
  size_t slash = type.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : type.substr(0, slash);
}

bool IsBuiltInGroup(std::string_view group) {
  return group.empty() || group == "apps" || group == "batch" || group == "extensions" ||
         group == "policy" || group == "autoscaling" || group == "k8s.io" ||
         group.ends_with(".k8s.io");
}

// Custom resources that never create pods, by group (every kind) or group and kind.
bool IsKnownPodlessCustomResource(std::string_view group, std::string_view kind) {
  static constexpr std::array<std::string_view, 11> kGroups = {"cert-manager.io",
                                                               "networking.istio.io",
                                                               "security.istio.io",
                                                               "telemetry.istio.io",
                                                               "external-secrets.io",
                                                               "bitnami.com",
                                                               "traefik.io",
                                                               "traefik.containo.us",
                                                               "monitoring.grafana.com",
                                                               "secrets-store.csi.x-k8s.io",
                                                               "cilium.io"};
  for (std::string_view g : kGroups) {
    if (group == g) return true;
  }
  if (group == "monitoring.coreos.com") {
    return kind == "ServiceMonitor" || kind == "PodMonitor" || kind == "PrometheusRule" ||
           kind == "Probe" || kind == "AlertmanagerConfig" || kind == "ScrapeConfig";
  }
  if (group == "keda.sh") return kind == "ScaledObject" || kind == "TriggerAuthentication";
  if (group == "argoproj.io") {
    return kind == "AnalysisTemplate" || kind == "ClusterAnalysisTemplate" ||
           kind == "AppProject" || kind == "Application" || kind == "ApplicationSet";
  }
  return false;
}

std::string Indexed(std::string_view path, size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

const std::string* KnownString(const Value* value) {
  return value != nullptr && value->is_string() && !value->as_string().empty() ? &value->as_string()
                                                                               : nullptr;
}

// One Kubernetes object of the scan, with what the edge builder needs.
struct Object {
  ResourceId id = 0;
  std::string_view module_dir;
  std::string_view namespace_name;
  std::string_view group;
  std::string_view version;
  std::string_view kind;
  std::string_view name;
};

enum SelectorSource : uint8_t { kPdbSource = 1, kServiceSource = 2, kNetworkPolicySource = 4 };

// The objects of one (module_dir, namespace): its workloads, indexed by pod template labels,
// and its custom resources that may create pods.
struct Namespace {
  LabelIndex workloads;                 // items: resource ids
  std::vector<ResourceId> pod_sources;  // custom resources that may create pods
};

class EdgeBuilder {
 public:
  EdgeBuilder(const std::vector<Resource>& resources, std::vector<Edge>* edges,
              const KubernetesEdgeOptions& options)
      : resources_(resources), edges_(edges), options_(options), covered_(resources.size(), 0) {}

  KubernetesEdgeResult Build() {
    Collect();
    // Objects are handled in batches. Per object, what depends only on the indexes built by
    // Collect (a selector's matches, references, bindings, scale targets) is computed on up to
    // options.jobs threads; then, in object order, selection edges are emitted (past the bound,
    // which edges are kept depends on the edges so far) and the other edges appended. So the
    // edges and their order do not depend on options.jobs.
    std::vector<ObjectWork> work;
    for (size_t first = 0; first < objects_.size(); first += kBatchObjects) {
      size_t count = std::min(kBatchObjects, objects_.size() - first);
      work.clear();
      work.resize(count);
      ForChunks(count, [&](size_t k) { Prepare(objects_[first + k], &work[k]); });
      for (size_t k = 0; k < count; ++k) Finish(objects_[first + k], &work[k]);
    }
    return result_;
  }

 private:
  // An object's name, for lookups by (module_dir, namespace, kind, name). The views point into
  // the resources, which outlive the builder.
  struct NameKey {
    std::string_view module_dir, namespace_name, kind, name;
    bool operator==(const NameKey&) const = default;
  };
  struct NameKeyHash {
    size_t operator()(const NameKey& key) const {
      std::hash<std::string_view> hash;
      size_t h = hash(key.name);
      for (std::string_view part : {key.kind, key.namespace_name, key.module_dir}) {
        h = h * 1000003u ^ hash(part);
      }
      return h;
    }
  };
  // (module_dir, namespace) as one string, the key of namespaces_. Keys for lookups are built in
  // a per-thread buffer, so a lookup does not allocate.
  static void AppendNamespaceKey(std::string_view module_dir, std::string_view namespace_name,
                                 std::string* key) {
    key->append(module_dir);
    key->push_back('\0');
    key->append(namespace_name);
  }
  const Namespace* FindNamespace(const Object& object) const {
    thread_local std::string key;
    key.clear();
    AppendNamespaceKey(object.module_dir, object.namespace_name, &key);
    auto it = namespaces_.find(key);
    return it == namespaces_.end() ? nullptr : &it->second;
  }

  // What Collect reads of one object (computed in parallel, in resource order).
  struct Collected {
    bool workload = false;
    Object object;
    Labels labels;  // a workload's pod template labels
  };

  // Runs fn(i) for i in [0, count) on up to options.jobs threads, in chunks of consecutive
  // indexes (the items are small).
  template <typename Fn>
  void ForChunks(size_t count, Fn&& fn) const {
    constexpr size_t kChunk = 64;
    size_t chunks = (count + kChunk - 1) / kChunk;
    ParallelFor(chunks, options_.jobs, [&](size_t c) {
      size_t end = std::min(count, (c + 1) * kChunk);
      for (size_t i = c * kChunk; i < end; ++i) fn(i);
    });
  }

  void CollectOne(size_t i, Collected* out) const {
    const Resource& resource = resources_[i];
    Object& object = out->object;
    object.id = static_cast<ResourceId>(i);
    object.module_dir = resource.module_dir;
    if (const Value* ns = Lookup(resource.attributes, {"metadata", "namespace"});
        ns != nullptr && ns->is_string()) {
      object.namespace_name = ns->as_string();
    }
    std::tie(object.group, object.version) = SplitApiVersion(ApiVersionOf(resource));
    object.kind = KindOf(resource);
    object.name = resource.name;
    if (!object.namespace_name.empty() && IsWorkload(resource)) {
      out->workload = true;
      out->labels = PodTemplateLabels(resource);
    }
  }

  void Collect() {
    // Only the objects get a slot (a scan may hold many Terraform or state resources).
    std::vector<size_t> object_ids;
    for (size_t i = 0; i < resources_.size(); ++i) {
      if (resources_[i].kind == ResourceKind::kObject) object_ids.push_back(i);
    }
    std::vector<Collected> collected(object_ids.size());
    ForChunks(object_ids.size(), [&](size_t k) { CollectOne(object_ids[k], &collected[k]); });
    by_name_.reserve(object_ids.size());
    for (Collected& c : collected) {
      const Object& object = c.object;
      objects_.push_back(object);
      if (CanBeLookedUp(object)) {
        by_name_.emplace(
            NameKey{object.module_dir, object.namespace_name, object.kind, object.name}, object.id);
      }
      if (object.namespace_name.empty()) continue;  // cluster-scoped: never selected
      if (c.workload) {
        NamespaceFor(object).workloads.Add(object.id, std::move(c.labels));
      } else if (!IsBuiltInGroup(object.group) &&
                 !IsKnownPodlessCustomResource(object.group, object.kind)) {
        NamespaceFor(object).pod_sources.push_back(object.id);
      }
    }
  }

  // Per object, what Prepare computes ahead (see Build).
  struct ObjectWork {
    uint8_t source = 0;  // a SelectorSource when the object's selector may select something
    std::string path;    // the selector's attribute path
    const Namespace* ns = nullptr;
    bool selected_ready = false;  // `selected` holds the matches (else: select them in Finish)
    LabelSelector selector;
    std::vector<std::pair<uint32_t, Match>> selected;
    std::vector<Edge> other;  // kTargets, kBinds and kReferences edges, in emission order
  };
  // Objects per batch, and the most candidates a selection may check ahead (bounds the memory of
  // a batch when selections are quadratic; larger ones are selected in order, in Finish).
  static constexpr size_t kBatchObjects = 1024;
  static constexpr size_t kMaxPreparedCandidates = 4096;

  void Prepare(const Object& object, ObjectWork* work) const {
    const Resource& resource = resources_[object.id];
    if (object.kind == "PodDisruptionBudget" && object.group == "policy") {
      PrepareSelection(object, kPdbSource, work);
    } else if (object.kind == "Service" && object.group == kCoreGroup) {
      PrepareSelection(object, kServiceSource, work);
    } else if (object.kind == "NetworkPolicy" &&
               (object.group == "networking.k8s.io" || object.group == "extensions")) {
      PrepareSelection(object, kNetworkPolicySource, work);
    } else if (object.kind == "HorizontalPodAutoscaler" && object.group == "autoscaling") {
      AddScaleTarget(object, &work->other);
    } else if ((object.kind == "RoleBinding" || object.kind == "ClusterRoleBinding") &&
               object.group == kRbacGroup) {
      AddBindings(object, &work->other);
    }
    if (IsWorkload(resource)) AddReferences(object, &work->other);
  }

  void PrepareSelection(const Object& object, SelectorSource source, ObjectWork* work) const {
    if (object.namespace_name.empty()) return;
    LabelSelector selector = SelectorOf(resources_[object.id], &work->path);
    if (selector.scope() == LabelSelector::Scope::kNothing) return;
    const Namespace* ns = FindNamespace(object);
    if (ns == nullptr) return;
    work->source = source;
    work->ns = ns;
    work->selected_ready =
        work->ns->workloads.SelectBounded(selector, kMaxPreparedCandidates, &work->selected);
    if (!work->selected_ready) work->selector = std::move(selector);
  }

  void Finish(const Object& object, ObjectWork* work) {
    if (work->source != 0) {
      if (!work->selected_ready) work->selected = work->ns->workloads.Select(work->selector);
      EmitSelections(object, static_cast<SelectorSource>(work->source), *work);
    }
    for (Edge& edge : work->other) {
      edges_->push_back(std::move(edge));
      ++result_.other_edges;
    }
    *work = ObjectWork();  // frees the batch's memory as it goes
  }

  // Objects that reference others by name are never referenced themselves by these edges
  // (scale targets, roles, accounts, config maps, secrets and claims): no need to index them.
  static bool CanBeLookedUp(const Object& object) {
    return !(object.kind == "PodDisruptionBudget" || object.kind == "Service" ||
             object.kind == "NetworkPolicy" || object.kind == "HorizontalPodAutoscaler" ||
             object.kind == "RoleBinding" || object.kind == "ClusterRoleBinding");
  }

  Namespace& NamespaceFor(const Object& object) {
    thread_local std::string key;
    key.clear();
    AppendNamespaceKey(object.module_dir, object.namespace_name, &key);
    auto it = namespaces_.find(key);
    if (it != namespaces_.end()) return it->second;
    return namespaces_[key];
  }

  // The objects named `name` of `kind` (and `group`, unless `any_group`) in the namespace.
  std::vector<ResourceId> Named(std::string_view module_dir, std::string_view namespace_name,
                                std::string_view group, std::string_view kind,
                                std::string_view name, bool any_group = false) const {
    std::vector<ResourceId> found;
    auto [begin, end] = by_name_.equal_range(NameKey{module_dir, namespace_name, kind, name});
    for (auto it = begin; it != end; ++it) {
      if (any_group || GroupOf(resources_[it->second]) == group) found.push_back(it->second);
    }
    std::sort(found.begin(), found.end());  // deterministic edge order
    return found;
  }

  void EmitSelection(ResourceId from, ResourceId to, const std::string& path) {
    edges_->push_back(Edge{from, to, EdgeKind::kSelects, path});
    ++result_.selection_edges;
  }

  static void Emit(ResourceId from, ResourceId to, EdgeKind kind, std::string path,
                   std::vector<Edge>* out) {
    out->push_back(Edge{from, to, kind, std::move(path)});
  }

  void EmitSelections(const Object& object, SelectorSource source, const ObjectWork& work) {
    const std::string& path = work.path;
    const Namespace& ns = *work.ns;
    const std::string uncertain_path = path + std::string(kUncertainSuffix);
    bool selected_any = false;
    for (const auto& [item, match] : work.selected) {
      // Past the bound: only the first edge of this selector and edges to objects that no
      // selector of this kind has reached yet.
      if (result_.selection_edges >= options_.max_selection_edges) {
        if (selected_any && (covered_[item] & source) != 0) {
          result_.selection_edges_limited = true;
          continue;
        }
      }
      EmitSelection(object.id, item, match == Match::kYes ? path : uncertain_path);
      covered_[item] |= source;
      selected_any = true;
    }
    for (ResourceId pod_source : ns.pod_sources) {
      if (result_.selection_edges >= options_.max_selection_edges && selected_any) {
        result_.selection_edges_limited = true;
        break;
      }
      EmitSelection(object.id, pod_source, uncertain_path);
      selected_any = true;
    }
  }

  void AddScaleTarget(const Object& object, std::vector<Edge>* out) const {
    const Value* ref = Lookup(resources_[object.id].attributes, {"spec", "scaleTargetRef"});
    if (ref == nullptr || !ref->is_map()) return;
    const std::string* kind = KnownString(ref->Get("kind"));
    const std::string* name = KnownString(ref->Get("name"));
    if (kind == nullptr || name == nullptr) return;
    const Value* api_version = ref->Get("apiVersion");
    const std::string* version_text = KnownString(api_version);
    if (api_version != nullptr && !api_version->is_null() && version_text == nullptr) return;
    std::string_view group = version_text ? SplitApiVersion(*version_text).first : "";
    for (ResourceId target : Named(object.module_dir, object.namespace_name, group, *kind, *name,
                                   /*any_group=*/version_text == nullptr)) {
      Emit(object.id, target, EdgeKind::kTargets, "spec.scaleTargetRef", out);
    }
  }

  void AddBindings(const Object& object, std::vector<Edge>* out) const {
    const Value& attributes = resources_[object.id].attributes;
    const bool cluster_binding = object.kind == "ClusterRoleBinding";
    if (const Value* role_ref = attributes.Get("roleRef");
        role_ref != nullptr && role_ref->is_map()) {
      const std::string* kind = KnownString(role_ref->Get("kind"));
      const std::string* name = KnownString(role_ref->Get("name"));
      if (kind != nullptr && name != nullptr) {
        std::string_view scope;
        if (*kind == "ClusterRole") {
          scope = "";
        } else if (*kind == "Role" && !cluster_binding) {
          scope = object.namespace_name;
        } else {
          kind = nullptr;  // a ClusterRoleBinding cannot bind a Role
        }
        if (kind != nullptr) {
          for (ResourceId role : Named(object.module_dir, scope, kRbacGroup, *kind, *name)) {
            Emit(object.id, role, EdgeKind::kBinds, "roleRef", out);
          }
        }
      }
    }
    const Value* subjects = attributes.Get("subjects");
    if (subjects == nullptr || !subjects->is_list()) return;
    for (size_t i = 0; i < subjects->size(); ++i) {
      const Value& subject = subjects->as_list()[i];
      if (!subject.is_map()) continue;
      const std::string* kind = KnownString(subject.Get("kind"));
      const std::string* name = KnownString(subject.Get("name"));
      if (kind == nullptr || *kind != "ServiceAccount" || name == nullptr) continue;
      const Value* namespace_value = subject.Get("namespace");
      std::string_view namespace_name;
      if (const std::string* explicit_namespace = KnownString(namespace_value)) {
        namespace_name = *explicit_namespace;
      } else if (namespace_value != nullptr && !namespace_value->is_null() &&
                 !namespace_value->is_string()) {
        continue;  // Unknown or invalid
      } else if (!cluster_binding) {
        namespace_name = object.namespace_name;
      } else {
        continue;  // a ClusterRoleBinding's ServiceAccount subject needs a namespace
      }
      for (ResourceId account :
           Named(object.module_dir, namespace_name, kCoreGroup, "ServiceAccount", *name)) {
        Emit(object.id, account, EdgeKind::kBinds, Indexed("subjects", i), out);
      }
    }
  }

  // A reference by name to a core object of the workload's namespace. `path()` makes the
  // reference's attribute path; it is called only when the reference finds a target (most do
  // not), so the paths of the others are never built.
  template <typename PathFn>
  void Reference(const Object& object, std::string_view kind, const Value* name, PathFn&& path,
                 std::vector<Edge>* out) const {
    const std::string* text = KnownString(name);
    if (text == nullptr) return;
    std::vector<ResourceId> targets =
        Named(object.module_dir, object.namespace_name, kCoreGroup, kind, *text);
    if (targets.empty()) return;
    const std::string attribute_path = path();
    for (ResourceId target : targets) {
      Emit(object.id, target, EdgeKind::kReferences, attribute_path, out);
    }
  }

  // `path()` makes the containers' attribute path (see Reference).
  template <typename PathFn>
  void AddContainerReferences(const Object& object, const Value& containers, PathFn&& path,
                              std::vector<Edge>* out) const {
    if (!containers.is_list()) return;
    for (size_t c = 0; c < containers.size(); ++c) {
      const Value& container = containers.as_list()[c];
      if (!container.is_map()) continue;
      auto container_path = [&] { return Indexed(path(), c); };
      if (const Value* env_from = container.Get("envFrom"); env_from && env_from->is_list()) {
        for (size_t e = 0; e < env_from->size(); ++e) {
          const Value& source = env_from->as_list()[e];
          if (!source.is_map()) continue;
          auto source_path = [&] { return Indexed(container_path() + ".envFrom", e); };
          if (const Value* ref = source.Get("configMapRef"); ref && ref->is_map()) {
            Reference(
                object, "ConfigMap", ref->Get("name"),
                [&] { return source_path() + ".configMapRef"; }, out);
          }
          if (const Value* ref = source.Get("secretRef"); ref && ref->is_map()) {
            Reference(
                object, "Secret", ref->Get("name"), [&] { return source_path() + ".secretRef"; },
                out);
          }
        }
      }
      if (const Value* env = container.Get("env"); env && env->is_list()) {
        for (size_t e = 0; e < env->size(); ++e) {
          const Value* value_from = env->as_list()[e].Get("valueFrom");
          if (value_from == nullptr || !value_from->is_map()) continue;
          auto from_path = [&] { return Indexed(container_path() + ".env", e) + ".valueFrom"; };
          if (const Value* ref = value_from->Get("configMapKeyRef"); ref && ref->is_map()) {
            Reference(
                object, "ConfigMap", ref->Get("name"),
                [&] { return from_path() + ".configMapKeyRef"; }, out);
          }
          if (const Value* ref = value_from->Get("secretKeyRef"); ref && ref->is_map()) {
            Reference(
                object, "Secret", ref->Get("name"), [&] { return from_path() + ".secretKeyRef"; },
                out);
          }
        }
      }
    }
  }

  void AddReferences(const Object& object, std::vector<Edge>* out) const {
    if (object.namespace_name.empty()) return;
    const Resource& resource = resources_[object.id];
    const Value* spec = PodSpec(resource);
    if (spec == nullptr || !spec->is_map()) return;
    auto prefix = [&] { return PodSpecPath(resource); };

    const Value* account = spec->Get("serviceAccountName");
    std::string_view account_field = ".serviceAccountName";
    if (account == nullptr || account->is_null()) {
      account = spec->Get("serviceAccount");  // deprecated alias
      account_field = ".serviceAccount";
    }
    Reference(
        object, "ServiceAccount", account, [&] { return prefix() + std::string(account_field); },
        out);

    if (const Value* pull = spec->Get("imagePullSecrets"); pull && pull->is_list()) {
      for (size_t i = 0; i < pull->size(); ++i) {
        Reference(
            object, "Secret", pull->as_list()[i].Get("name"),
            [&] { return Indexed(prefix() + ".imagePullSecrets", i); }, out);
      }
    }

    if (const Value* volumes = spec->Get("volumes"); volumes && volumes->is_list()) {
      for (size_t i = 0; i < volumes->size(); ++i) {
        const Value& volume = volumes->as_list()[i];
        if (!volume.is_map()) continue;
        auto volume_path = [&] { return Indexed(prefix() + ".volumes", i); };
        if (const Value* v = volume.Get("configMap"); v && v->is_map()) {
          Reference(
              object, "ConfigMap", v->Get("name"), [&] { return volume_path() + ".configMap"; },
              out);
        }
        if (const Value* v = volume.Get("secret"); v && v->is_map()) {
          Reference(
              object, "Secret", v->Get("secretName"), [&] { return volume_path() + ".secret"; },
              out);
        }
        if (const Value* v = volume.Get("persistentVolumeClaim"); v && v->is_map()) {
          Reference(
              object, "PersistentVolumeClaim", v->Get("claimName"),
              [&] { return volume_path() + ".persistentVolumeClaim"; }, out);
        }
        const Value* sources = Lookup(volume, {"projected", "sources"});
        if (sources == nullptr || !sources->is_list()) continue;
        for (size_t s = 0; s < sources->size(); ++s) {
          const Value& source = sources->as_list()[s];
          if (!source.is_map()) continue;
          auto source_path = [&] { return Indexed(volume_path() + ".projected.sources", s); };
          if (const Value* v = source.Get("configMap"); v && v->is_map()) {
            Reference(
                object, "ConfigMap", v->Get("name"), [&] { return source_path() + ".configMap"; },
                out);
          }
          if (const Value* v = source.Get("secret"); v && v->is_map()) {
            Reference(
                object, "Secret", v->Get("name"), [&] { return source_path() + ".secret"; }, out);
          }
        }
      }
    }

    for (const char* field : {"initContainers", "containers", "ephemeralContainers"}) {
      if (const Value* containers = spec->Get(field)) {
        AddContainerReferences(
            object, *containers, [&] { return prefix() + "." + field; }, out);
      }
    }
  }

  const std::vector<Resource>& resources_;
  std::vector<Edge>* edges_;
  const KubernetesEdgeOptions& options_;
  KubernetesEdgeResult result_;
  std::vector<Object> objects_;  // in id order
  std::unordered_multimap<NameKey, ResourceId, NameKeyHash> by_name_;
  // Per (module_dir, namespace) (AppendNamespaceKey); node-based, so the Namespaces do not move.
  std::unordered_map<std::string, Namespace, StringHash, std::equal_to<>> namespaces_;
  std::vector<uint8_t> covered_;  // per resource: SelectorSource bits that selected it
};

}  // namespace

KubernetesEdgeResult AddKubernetesEdges(const std::vector<Resource>& resources,
                                        std::vector<Edge>* edges,
                                        const KubernetesEdgeOptions& options) {
  return EdgeBuilder(resources, edges, options).Build();
}

bool IsUncertain(const Edge& edge) {
  return edge.kind == EdgeKind::kSelects && edge.attribute_path.ends_with(kUncertainSuffix);
}

std::string_view GroupOf(const Resource& resource) {
  return SplitApiVersion(ApiVersionOf(resource)).first;
}

std::string_view VersionOf(const Resource& resource) {
  return SplitApiVersion(ApiVersionOf(resource)).second;
}

bool IsWorkload(const Resource& resource) {
  if (resource.kind != ResourceKind::kObject) return false;
  std::string_view kind = KindOf(resource);
  if (!IsWorkloadKind(kind)) return false;
  std::string_view group = GroupOf(resource);
  if (kind == "Rollout") return group == "argoproj.io";
  if (kind == "Pod" || kind == "ReplicationController") return group == kCoreGroup;
  if (kind == "Job" || kind == "CronJob") return group == "batch";
  return group == "apps" || group == "extensions";
}

std::span<const std::string_view> PodTemplatePath(const Resource& resource) {
  static constexpr std::string_view kTemplate[] = {"spec", "template"};
  static constexpr std::string_view kJobTemplate[] = {"spec", "jobTemplate", "spec", "template"};
  if (!IsWorkload(resource)) return {};
  std::string_view kind = KindOf(resource);
  if (kind == "Pod") return {};
  if (kind == "CronJob") return kJobTemplate;
  return kTemplate;
}

std::string PodSpecPath(const Resource& resource) {
  std::string path;
  for (std::string_view step : PodTemplatePath(resource)) {
    path.append(step);
    path.push_back('.');
  }
  path.append("spec");
  return path;
}

const Value* PodSpec(const Resource& resource) {
  if (!IsWorkload(resource)) return nullptr;
  const Value* pod_template = Lookup(resource.attributes, PodTemplatePath(resource));
  if (pod_template == nullptr || pod_template->is_unknown()) return pod_template;
  return pod_template->Get("spec");
}

Labels PodTemplateLabels(const Resource& resource) {
  const Value* pod_template = Lookup(resource.attributes, PodTemplatePath(resource));
  if (pod_template == nullptr) return Labels();
  return Labels::FromValue(Lookup(*pod_template, {"metadata", "labels"}));
}

LabelSelector SelectorOf(const Resource& resource, std::string* attribute_path) {
  std::string_view kind = KindOf(resource);
  std::string_view group = GroupOf(resource);
  std::string path;
  LabelSelector selector;
  if (kind == "PodDisruptionBudget" && group == "policy") {
    path = "spec.selector";
    // policy/v1beta1: an empty selector selects nothing; policy/v1: every pod.
    SelectorAbsence absence = VersionOf(resource) == "v1beta1"
                                  ? SelectorAbsence::kNothing
                                  : SelectorAbsence::kNullNothingEmptyEverything;
    selector = LabelSelector::FromLabelSelector(Lookup(resource.attributes, {"spec", "selector"}),
                                                absence);
  } else if (kind == "Service" && group == kCoreGroup) {
    path = "spec.selector";
    const Value* type = Lookup(resource.attributes, {"spec", "type"});
    if (type != nullptr && type->is_string() && type->as_string() == "ExternalName") {
      selector = LabelSelector::Nothing();  // the selector is not used
    } else {
      selector = LabelSelector::FromMap(Lookup(resource.attributes, {"spec", "selector"}),
                                        SelectorAbsence::kNothing);
    }
  } else if (kind == "NetworkPolicy" && (group == "networking.k8s.io" || group == "extensions")) {
    path = "spec.podSelector";
    selector = LabelSelector::FromLabelSelector(
        Lookup(resource.attributes, {"spec", "podSelector"}), SelectorAbsence::kEverything);
  }
  if (attribute_path != nullptr) *attribute_path = std::move(path);
  return selector;
}

std::string ObjectLabel(const Resource& resource) {
  std::string label = std::string(KindOf(resource)) + " \"" + resource.name + "\"";
  std::string_view namespace_name = NamespaceOf(resource);
  if (!namespace_name.empty()) label += " in namespace \"" + std::string(namespace_name) + "\"";
  return label;
}

bool HasController(const Resource& resource) {
  const Value* owners = Lookup(resource.attributes, {"metadata", "ownerReferences"});
  if (owners == nullptr || !owners->is_list()) return false;
  for (const Value& owner : owners->as_list()) {
    const Value* controller = owner.Get("controller");
    if (controller != nullptr && controller->is_bool() && controller->as_bool()) return true;
  }
  return false;
}

const Value* Lookup(const Value& root, std::span<const std::string_view> path) {
  const Value* current = &root;
  for (std::string_view step : path) {
    if (current->is_unknown()) return current;
    current = current->Get(step);
    if (current == nullptr) return nullptr;
  }
  return current;
}

const Value* Lookup(const Value& root, std::initializer_list<std::string_view> path) {
  return Lookup(root, std::span<const std::string_view>(path.begin(), path.size()));
}

}  // namespace faultline::engine::k8s
