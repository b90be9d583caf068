#include "rules/k8s/missing_requests/missing_requests.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0010";
  m.name = "k8s-missing-requests";
  m.severity = engine::Severity::kMedium;
  m.title = "Container without CPU or memory request";
  m.summary = "A container sets no CPU or no memory request.";
  m.why =
      "The scheduler places pods by their requests: a container without them is scheduled as "
      "if it needed nothing, so nodes are overcommitted, and under memory pressure its pod "
      "(BestEffort or Burstable) is among the first the kubelet evicts. Autoscalers that work "
      "on utilisation (HPA on CPU, cluster-autoscaler) cannot work without requests.";
  m.remediation =
      "Set `resources.requests.cpu` and `resources.requests.memory` to what the container "
      "uses under normal load (from metrics), and a memory limit at or somewhat above the "
      "request.";
  m.example_fix =
      "resources:\n"
      "  requests:\n"
      "    cpu: 250m\n"
      "    memory: 256Mi\n"
      "  limits:\n"
      "    memory: 512Mi\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
  };
  m.peers = {
      {"kube-linter", "unset-cpu-requirements"},
      {"kube-linter", "unset-memory-requirements"},
      {"polaris", "cpuRequestsMissing"},
      {"polaris", "memoryRequestsMissing"},
      {"kube-score", "container-resources"},
      {"checkov", "CKV_K8S_10"},
      {"checkov", "CKV_K8S_12"},
      {"kics", "ca469dd4-c736-448f-8ac1-30a642705e0a"},
      {"kics", "229588ef-8fde-40c8-8756-f4f2b5825ded"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

enum class Has { kYes, kNo, kUnknown };

// Whether `resource` ("cpu", "memory") is requested, explicitly or through its limit.
Has Requested(const engine::Value* resources, std::string_view resource) {
  if (!kube::IsPresent(resources)) return Has::kNo;
  if (!resources->is_map()) return Has::kUnknown;
  for (std::string_view section : {std::string_view("requests"), std::string_view("limits")}) {
    const engine::Value* map = resources->Get(section);
    if (!kube::IsPresent(map)) continue;
    if (!map->is_map()) return Has::kUnknown;
    if (kube::IsPresent(map->Get(resource))) return Has::kYes;
  }
  return Has::kNo;
}

}  // namespace

const engine::RuleMetadata& MissingRequestsRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MissingRequestsRule::Check(const engine::RuleContext& context,
                                engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    if (c.kind == kube::ContainerKind::kEphemeral) continue;  // they take no resources
    const engine::Value* resources = c.container->Get("resources");
    const Has cpu = Requested(resources, "cpu");
    const Has memory = Requested(resources, "memory");
    if (cpu == Has::kUnknown || memory == Has::kUnknown) continue;
    if (cpu == Has::kYes && memory == Has::kYes) continue;
    const std::string missing = cpu == Has::kNo && memory == Has::kNo ? "no CPU or memory request"
                                : cpu == Has::kNo                     ? "no CPU request"
                                                                      : "no memory request";
    const bool located = kube::IsPresent(resources) && resources->range().valid();
    sink.Report(c.path + ".resources.requests", located ? resources : c.anchor,
                c.label + " of " + ek::ObjectLabel(resource) + " sets " + missing +
                    ": the scheduler places it as if it needed nothing");
  }
}

}  // namespace faultline::rules
