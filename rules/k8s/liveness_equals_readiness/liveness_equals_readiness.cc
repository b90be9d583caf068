#include "rules/k8s/liveness_equals_readiness/liveness_equals_readiness.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0009";
  m.name = "k8s-liveness-equals-readiness";
  m.severity = engine::Severity::kMedium;
  m.title = "Liveness probe identical to readiness probe";
  m.summary = "A container's liveness probe is identical to its readiness probe.";
  m.why =
      "Readiness takes an overloaded or warming-up pod out of rotation until it recovers; "
      "liveness kills it. When both probes are the same check with the same timing, a pod "
      "that is merely busy is restarted at the moment it stops being ready, so load spikes "
      "turn into restart storms that cascade across the replicas.";
  m.remediation =
      "Make the liveness probe check only that the process can make progress (a separate, "
      "cheap endpoint), or at least give it a higher failureThreshold or periodSeconds than "
      "the readiness probe so that readiness reacts first.";
  m.example_fix =
      "readinessProbe:\n"
      "  httpGet: {path: /healthz/ready, port: 8080}\n"
      "  periodSeconds: 5\n"
      "  failureThreshold: 3\n"
      "livenessProbe:\n"
      "  httpGet: {path: /healthz/live, port: 8080}\n"
      "  periodSeconds: 10\n"
      "  failureThreshold: 6\n";
  m.references = {
      "https://kubernetes.io/docs/tasks/configure-pod-container/"
      "configure-liveness-readiness-startup-probes/",
  };
  m.peers = {
      {"kube-score", "pod-probes"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::LongRunningTypes();
  return m;
}

// The probe's handler and failure timing, compared with Kubernetes' defaults filled in; nullopt
// when something is not known.
bool SameField(const engine::Value& a, const engine::Value& b, std::string_view field,
               double fallback, bool* known) {
  auto read = [&](const engine::Value& probe) -> std::optional<double> {
    const engine::Value* value = probe.Get(field);
    if (!kube::IsPresent(value)) return fallback;
    if (!value->is_number()) return std::nullopt;
    return value->as_number();
  };
  std::optional<double> x = read(a), y = read(b);
  if (!x.has_value() || !y.has_value()) {
    *known = false;
    return false;
  }
  return *x == *y;
}

bool SameHandler(const engine::Value& a, const engine::Value& b, bool* known) {
  static constexpr std::string_view kHandlers[] = {"exec", "httpGet", "tcpSocket", "grpc"};
  bool any = false;
  for (std::string_view handler : kHandlers) {
    const engine::Value* x = a.Get(handler);
    const engine::Value* y = b.Get(handler);
    const bool has_x = kube::IsPresent(x), has_y = kube::IsPresent(y);
    if (has_x != has_y) return false;
    if (!has_x) continue;
    if (!x->IsWhollyKnown() || !y->IsWhollyKnown()) {
      *known = false;
      return false;
    }
    if (!x->Equals(*y)) return false;
    any = true;
  }
  return any;
}

}  // namespace

const engine::RuleMetadata& LivenessEqualsReadinessRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void LivenessEqualsReadinessRule::Check(const engine::RuleContext& context,
                                        engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, false)) {
    const engine::Value* liveness = c.container->Get("livenessProbe");
    const engine::Value* readiness = c.container->Get("readinessProbe");
    if (liveness == nullptr || readiness == nullptr || !liveness->is_map() ||
        !readiness->is_map()) {
      continue;
    }
    bool known = true;
    if (!SameHandler(*liveness, *readiness, &known) || !known) continue;
    if (!SameField(*liveness, *readiness, "periodSeconds", 10, &known) || !known) continue;
    if (!SameField(*liveness, *readiness, "timeoutSeconds", 1, &known) || !known) continue;
    if (!SameField(*liveness, *readiness, "failureThreshold", 3, &known) || !known) continue;
    sink.Report(c.path + ".livenessProbe", liveness,
                c.label + " of " + ek::ObjectLabel(resource) +
                    " has a liveness probe identical to its readiness probe: a busy pod is "
                    "restarted as soon as it stops being ready");
  }
}

}  // namespace faultline::rules
