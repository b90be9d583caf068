#include "rules/k8s/zero_termination_grace/zero_termination_grace.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0013";
  m.name = "k8s-zero-termination-grace";
  m.severity = engine::Severity::kMedium;
  m.title = "Pods are killed without a grace period";
  m.summary = "A pod template sets terminationGracePeriodSeconds: 0.";
  m.why =
      "With a grace period of 0 the kubelet sends SIGKILL at once on every rollout, drain and "
      "scale-down: in-flight requests fail, connections are cut without draining, preStop "
      "hooks do not run and stateful applications lose unflushed writes. For StatefulSets it "
      "also lets a replacement start while the old pod may still be running.";
  m.remediation =
      "Remove `terminationGracePeriodSeconds` (the default is 30 seconds) or set it to how "
      "long the application needs to finish in-flight work after SIGTERM, and make the "
      "application handle SIGTERM.";
  m.example_fix =
      "spec:\n"
      "  terminationGracePeriodSeconds: 30\n"
      "  containers:\n"
      "    - name: web\n"
      "      image: registry.example.com/web:1.4.2\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination",
  };
  m.peers = {};
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& ZeroTerminationGraceRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ZeroTerminationGraceRule::Check(const engine::RuleContext& context,
                                     engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  const engine::Value* grace = pod->spec->Get("terminationGracePeriodSeconds");
  if (grace == nullptr || !grace->is_number() || grace->as_number() != 0) return;
  sink.Report(pod->spec_path + ".terminationGracePeriodSeconds", grace,
              ek::ObjectLabel(resource) +
                  " sets terminationGracePeriodSeconds: 0: its pods are killed without a chance "
                  "to finish in-flight work");
}

}  // namespace faultline::rules
