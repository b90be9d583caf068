#include "rules/common/k8s_workloads.h"

#include <cmath>
#include <string>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"

namespace faultline::rules::kube {

namespace {

namespace ek = engine::k8s;

constexpr const char* kLongRunning[] = {
    "apps/v1/Deployment",
    "apps/v1beta1/Deployment",
    "apps/v1beta2/Deployment",
    "extensions/v1beta1/Deployment",
    "apps/v1/StatefulSet",
    "apps/v1beta1/StatefulSet",
    "apps/v1beta2/StatefulSet",
    "apps/v1/DaemonSet",
    "apps/v1beta2/DaemonSet",
    "extensions/v1beta1/DaemonSet",
    "apps/v1/ReplicaSet",
    "apps/v1beta2/ReplicaSet",
    "extensions/v1beta1/ReplicaSet",
    "v1/ReplicationController",
    "v1/Pod",
    "argoproj.io/v1alpha1/Rollout",
    "apps.openshift.io/v1/DeploymentConfig",
    "v1/DeploymentConfig",
    "serving.knative.dev/v1/Service",
    "serving.knative.dev/v1/Configuration",
    "serving.knative.dev/v1/Revision",
    // apiVersion typos kubectl rejects, read like their apps/v1 counterparts.
    "v1/Deployment",
    "v1/StatefulSet",
    "v1/DaemonSet",
    "v1/ReplicaSet",
};

constexpr const char* kJobs[] = {
    "batch/v1/Job",
    "batch/v1/CronJob",
    "batch/v1beta1/CronJob",
    "batch/v2alpha1/CronJob",
};

bool IsDeploymentConfig(const engine::Resource& resource) {
  if (ek::KindOf(resource) != "DeploymentConfig") return false;
  std::string_view group = ek::GroupOf(resource);
  return group == "apps.openshift.io" || group.empty();
}

// A Deployment, StatefulSet, DaemonSet or ReplicaSet written with apiVersion v1.
bool IsMistypedAppsWorkload(const engine::Resource& resource) {
  if (!ek::GroupOf(resource).empty()) return false;
  std::string_view kind = ek::KindOf(resource);
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
         kind == "ReplicaSet";
}

bool IsKnative(const engine::Resource& resource) {
  if (ek::GroupOf(resource) != "serving.knative.dev") return false;
  std::string_view kind = ek::KindOf(resource);
  return kind == "Service" || kind == "Configuration" || kind == "Revision";
}

std::string ItemPath(std::string_view list_path, size_t index) {
  return std::string(list_path) + "[" + std::to_string(index) + "]";
}

}  // namespace

std::vector<std::string> LongRunningTypes() {
  return std::vector<std::string>(std::begin(kLongRunning), std::end(kLongRunning));
}

std::vector<std::string> PodTemplateTypes() {
  std::vector<std::string> types = LongRunningTypes();
  types.insert(types.end(), std::begin(kJobs), std::end(kJobs));
  return types;
}

std::vector<std::string> ReplicatedTypes() {
  std::vector<std::string> types;
  for (const char* type : kLongRunning) {
    std::string_view text = type;
    if (text.ends_with("/DaemonSet") || text.ends_with("/Pod") ||
        text.starts_with("serving.knative.dev/")) {
      continue;
    }
    types.emplace_back(text);
  }
  return types;
}

bool IsReplicated(const engine::Resource& resource) {
  if (IsDeploymentConfig(resource)) return true;
  if (IsMistypedAppsWorkload(resource)) return ek::KindOf(resource) != "DaemonSet";
  if (!ek::IsWorkload(resource)) return false;
  std::string_view kind = ek::KindOf(resource);
  return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet" ||
         kind == "ReplicationController" || kind == "Rollout";
}

std::optional<PodTemplate> PodTemplateOf(const engine::Resource& resource) {
  PodTemplate result;
  if (ek::IsWorkload(resource)) {
    std::span<const std::string_view> path = ek::PodTemplatePath(resource);
    const engine::Value* holder = ek::Lookup(resource.attributes, path);
    result.spec_path = ek::PodSpecPath(resource);
    if (holder == nullptr) return result;
    if (holder->is_unknown()) {
      result.spec = holder;
      return result;
    }
    result.spec = holder->Get("spec");
    result.metadata = holder->Get("metadata");
    return result;
  }
  if (IsDeploymentConfig(resource) || IsKnative(resource) || IsMistypedAppsWorkload(resource)) {
    const bool revision = ek::KindOf(resource) == "Revision";
    const engine::Value* holder =
        revision ? &resource.attributes : ek::Lookup(resource.attributes, {"spec", "template"});
    result.spec_path = revision ? "spec" : "spec.template.spec";
    if (holder == nullptr) return result;
    if (holder->is_unknown()) {
      result.spec = holder;
      return result;
    }
    result.spec = holder->Get("spec");
    result.metadata = holder->Get("metadata");
    return result;
  }
  return std::nullopt;
}

std::vector<ContainerRef> ContainersOf(const engine::Value& pod_spec, std::string_view spec_path,
                                       bool include_init_and_ephemeral) {
  std::vector<ContainerRef> result;
  struct ListSpec {
    std::string_view field;
    ContainerKind kind;
    std::string_view noun;
  };
  static constexpr ListSpec kLists[] = {
      {"containers", ContainerKind::kContainer, "container"},
      {"initContainers", ContainerKind::kInit, "init container"},
      {"ephemeralContainers", ContainerKind::kEphemeral, "ephemeral container"},
  };
  for (const ListSpec& list_spec : kLists) {
    if (list_spec.kind != ContainerKind::kContainer && !include_init_and_ephemeral) break;
    const engine::Value* list = pod_spec.Get(list_spec.field);
    if (list == nullptr || !list->is_list()) continue;
    const std::string list_path = std::string(spec_path) + "." + std::string(list_spec.field);
    for (size_t i = 0; i < list->size(); ++i) {
      const engine::Value& container = list->as_list()[i];
      if (!container.is_map()) continue;
      ContainerRef ref;
      ref.container = &container;
      ref.kind = list_spec.kind;
      ref.path = ItemPath(list_path, i);
      const engine::Value* name = container.Get("name");
      if (name != nullptr && name->is_string()) {
        ref.label = std::string(list_spec.noun) + " \"" + name->as_string() + "\"";
      } else {
        ref.label = std::string(list_spec.noun) + " " + std::to_string(i);
      }
      ref.anchor = name != nullptr && name->range().valid() ? name : &container;
      result.push_back(std::move(ref));
    }
  }
  return result;
}

bool IsDeclaredSingleton(const engine::Resource& resource) {
  const engine::Value* annotations = ek::Lookup(resource.attributes, {"metadata", "annotations"});
  if (annotations == nullptr || !annotations->is_map()) return false;
  const engine::Value* value = annotations->Get(kSingletonAnnotation);
  if (value == nullptr) return false;
  if (value->is_bool()) return value->as_bool();
  return value->is_string() && value->as_string() == "true";
}

std::optional<double> KnownCount(const engine::Value* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  double count = value->as_number();
  if (!std::isfinite(count) || count < 0 || std::floor(count) != count) return std::nullopt;
  return count;
}

std::optional<IntOrPercent> KnownIntOrPercent(const engine::Value* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number()) {
    std::optional<double> count = KnownCount(value);
    if (!count.has_value()) return std::nullopt;
    return IntOrPercent{*count, false};
  }
  if (!value->is_string()) return std::nullopt;
  const std::string& text = value->as_string();
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  double number = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    number = number * 10 + (text[i] - '0');
    if (number > 1e9) return std::nullopt;
  }
  return IntOrPercent{number, true};
}

bool IsPresent(const engine::Value* value) { return value != nullptr && !value->is_null(); }

ReplicaCount ReplicasOf(const engine::ResourceGraph& graph, const engine::Resource& resource) {
  ReplicaCount result;
  bool have_hpa = false;
  for (const engine::Edge& edge : graph.InEdges(resource.id)) {
    if (edge.kind != engine::EdgeKind::kTargets) continue;
    const engine::Resource& hpa = graph.resource(edge.from);
    if (ek::KindOf(hpa) != "HorizontalPodAutoscaler") continue;
    have_hpa = true;
    const engine::Value* min = ek::Lookup(hpa.attributes, {"spec", "minReplicas"});
    const engine::Value* max = ek::Lookup(hpa.attributes, {"spec", "maxReplicas"});
    std::optional<double> min_count = IsPresent(min) ? KnownCount(min) : std::optional(1.0);
    std::optional<double> max_count = KnownCount(max);
    if (!min_count.has_value() || !max_count.has_value()) continue;
    result.source = ReplicaCount::Source::kAutoscaler;
    result.min = *min_count;
    result.max = std::max(*min_count, *max_count);
    result.at = IsPresent(min) ? min : nullptr;
    result.hpa = &hpa;
    return result;
  }
  if (have_hpa) return result;  // kUnknown
  const engine::Value* replicas = ek::Lookup(resource.attributes, {"spec", "replicas"});
  if (!IsPresent(replicas)) {
    result.source = ReplicaCount::Source::kDefault;
    result.min = result.max = 1;
    return result;
  }
  std::optional<double> count = KnownCount(replicas);
  if (!count.has_value()) return result;
  result.source = ReplicaCount::Source::kSpec;
  result.min = result.max = *count;
  result.at = replicas;
  return result;
}

}  // namespace faultline::rules::kube
