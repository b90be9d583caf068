#include "rules/k8s/missing_memory_limit/missing_memory_limit.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0011";
  m.name = "k8s-missing-memory-limit";
  m.severity = engine::Severity::kMedium;
  m.title = "Container without memory limit";
  m.summary = "A container sets no memory limit.";
  m.why =
      "Memory is not compressible: a container without a limit can grow until the node runs "
      "out, and the kernel's OOM killer or the kubelet's evictions then hit other pods on the "
      "node, not only the leaking one. CPU limits are not required here: a CPU limit throttles "
      "the container even on an idle node, and CPU requests already share CPU fairly.";
  m.remediation =
      "Set `resources.limits.memory`, at or somewhat above the memory request, from observed "
      "usage; the container is then OOM-killed and restarted alone when it leaks.";
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
      {"kube-linter", "unset-memory-requirements"},
      {"polaris", "memoryLimitsMissing"},
      {"kube-score", "container-resources"},
      {"checkov", "CKV_K8S_13"},
      {"kics", "b14d1bc4-a208-45db-92f0-e21f8e2588e9"},
      {"trivy", "KSV018"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& MissingMemoryLimitRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MissingMemoryLimitRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    if (c.kind == kube::ContainerKind::kEphemeral) continue;  // they take no resources
    const engine::Value* resources = c.container->Get("resources");
    const engine::Value* at = c.anchor;
    if (kube::IsPresent(resources)) {
      if (!resources->is_map()) continue;  // Unknown or invalid
      const engine::Value* limits = resources->Get("limits");
      if (kube::IsPresent(limits)) {
        if (!limits->is_map()) continue;
        if (kube::IsPresent(limits->Get("memory"))) continue;
        at = limits;
      } else {
        at = resources;
      }
    }
    if (!at->range().valid()) at = c.anchor;
    sink.Report(c.path + ".resources.limits.memory", at,
                c.label + " of " + ek::ObjectLabel(resource) +
                    " sets no memory limit: a leak can exhaust its node's memory");
  }
}

}  // namespace faultline::rules
