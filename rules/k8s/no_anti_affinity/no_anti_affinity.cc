#include "rules/k8s/no_anti_affinity/no_anti_affinity.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/k8s/graph.h"
#include "engine/k8s/objects.h"
#include "engine/k8s/selectors.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;
using ek::Match;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0006";
  m.name = "k8s-no-anti-affinity";
  m.severity = engine::Severity::kMedium;
  m.title = "Replicas are not spread over nodes or zones";
  m.summary =
      "A replicated workload neither spreads its pods with pod anti-affinity nor with "
      "topologySpreadConstraints over nodes or zones.";
  m.why =
      "Without anti-affinity or a topology spread constraint the scheduler may put every "
      "replica on the same node or in the same zone (it often does right after a scale-up or "
      "a node replacement), so one node failure or one zone outage takes all of them down "
      "despite the replica count. A term only spreads the workload when its labelSelector "
      "matches the workload's own pods.";
  m.remediation =
      "Add a `topologySpreadConstraints` entry over `topology.kubernetes.io/zone` and/or "
      "`kubernetes.io/hostname` whose labelSelector matches the pod template's labels, or a "
      "preferred `podAntiAffinity` term over `kubernetes.io/hostname`.";
  m.example_fix =
      "spec:\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        app: web\n"
      "    spec:\n"
      "      topologySpreadConstraints:\n"
      "        - maxSkew: 1\n"
      "          topologyKey: topology.kubernetes.io/zone\n"
      "          whenUnsatisfiable: ScheduleAnyway\n"
      "          labelSelector:\n"
      "            matchLabels:\n"
      "              app: web\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/",
      "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/"
      "#inter-pod-affinity-and-anti-affinity",
  };
  m.peers = {
      {"kube-linter", "no-anti-affinity"},
      {"polaris", "topologySpreadConstraint"},
      {"kube-score", "deployment-has-host-podantiaffinity"},
      {"kube-score", "statefulset-has-host-podantiaffinity"},
      {"kics", "a31b7b82-d994-48c4-bd21-3bab6c31827a"},
      {"kics", "d740d048-8ed3-49d3-b77b-6f072f3b669e"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::ReplicatedTypes();
  m.options = {
      {"topology_keys", engine::RuleOptionType::kStringList,
       "kubernetes.io/hostname,topology.kubernetes.io/zone,failure-domain.beta.kubernetes.io/zone",
       "Topology keys over which an anti-affinity term or spread constraint counts."},
  };
  return m;
}

// Whether one term (a PodAffinityTerm or a topology spread constraint) spreads the workload's
// own pods over one of `keys`.
Match Spreads(const engine::Value& term, const ek::Labels& labels, std::string_view namespace_name,
              const std::vector<std::string>& keys) {
  if (!term.is_map()) return term.is_unknown() ? Match::kUnknown : Match::kNo;
  const engine::Value* key = term.Get("topologyKey");
  if (key == nullptr || key->is_unknown()) return key == nullptr ? Match::kNo : Match::kUnknown;
  if (!key->is_string() || std::find(keys.begin(), keys.end(), key->as_string()) == keys.end()) {
    return Match::kNo;
  }
  ek::LabelSelector selector = ek::LabelSelector::FromLabelSelector(
      term.Get("labelSelector"), ek::SelectorAbsence::kNullNothingEmptyEverything);
  Match match = selector.Matches(labels);
  // Namespaces: the listed ones plus those namespaceSelector selects; neither means the pod's.
  const engine::Value* namespaces = term.Get("namespaces");
  const engine::Value* namespace_selector = term.Get("namespaceSelector");
  const bool has_list =
      kube::IsPresent(namespaces) && !(namespaces->is_list() && namespaces->size() == 0);
  const bool has_selector = kube::IsPresent(namespace_selector);
  if (!has_list && !has_selector) return match;
  Match in_namespace = Match::kNo;
  if (has_list) {
    if (!namespaces->is_list()) {
      in_namespace = Match::kUnknown;
    } else {
      for (const engine::Value& item : namespaces->as_list()) {
        if (item.is_string() && item.as_string() == namespace_name) in_namespace = Match::kYes;
        if (!item.is_string() && in_namespace == Match::kNo) in_namespace = Match::kUnknown;
      }
    }
  }
  if (in_namespace != Match::kYes && has_selector) {
    const bool everything = namespace_selector->is_map() && namespace_selector->size() == 0;
    in_namespace = everything ? Match::kYes : Match::kUnknown;
  }
  return ek::MatchAnd(match, in_namespace);
}

}  // namespace

const engine::RuleMetadata& NoAntiAffinityRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void NoAntiAffinityRule::Check(const engine::RuleContext& context,
                               engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource) || kube::IsDeclaredSingleton(resource)) return;
  if (!kube::IsReplicated(resource)) return;
  kube::ReplicaCount replicas = kube::ReplicasOf(context.graph, resource);
  using Source = kube::ReplicaCount::Source;
  if (replicas.source == Source::kUnknown) return;
  if (replicas.source != Source::kDefault && replicas.max <= 1) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  if (pod->metadata != nullptr && !pod->metadata->is_map() && !pod->metadata->is_null()) return;
  const ek::Labels labels =
      ek::Labels::FromValue(pod->metadata != nullptr ? pod->metadata->Get("labels") : nullptr);
  std::vector<std::string> keys = context.options.StringList("topology_keys");
  if (keys.empty()) keys = {"kubernetes.io/hostname", "topology.kubernetes.io/zone"};
  const std::string_view namespace_name = ek::NamespaceOf(resource);

  std::vector<const engine::Value*> terms;
  const engine::Value* affinity = pod->spec->Get("affinity");
  if (kube::IsPresent(affinity)) {
    if (!affinity->is_map()) return;
    const engine::Value* anti = affinity->Get("podAntiAffinity");
    if (kube::IsPresent(anti)) {
      if (!anti->is_map()) return;
      const engine::Value* required = anti->Get("requiredDuringSchedulingIgnoredDuringExecution");
      const engine::Value* preferred = anti->Get("preferredDuringSchedulingIgnoredDuringExecution");
      for (const engine::Value* list : {required, preferred}) {
        if (!kube::IsPresent(list)) continue;
        if (!list->is_list()) return;
        for (const engine::Value& item : list->as_list()) {
          if (list == preferred) {
            const engine::Value* term = item.is_map() ? item.Get("podAffinityTerm") : &item;
            if (term == nullptr) continue;
            terms.push_back(term);
          } else {
            terms.push_back(&item);
          }
        }
      }
    }
  }
  const engine::Value* spread = pod->spec->Get("topologySpreadConstraints");
  if (kube::IsPresent(spread)) {
    if (!spread->is_list()) return;
    for (const engine::Value& item : spread->as_list()) terms.push_back(&item);
  }
  for (const engine::Value* term : terms) {
    if (Spreads(*term, labels, namespace_name, keys) != Match::kNo) return;
  }

  std::string count;
  switch (replicas.source) {
    case Source::kDefault:
      count = " leaves its replica count to whoever scales it (spec.replicas is not set)";
      break;
    case Source::kAutoscaler:
      count = " scales up to " + engine::FormatNumber(replicas.max) + " replicas (" +
              ek::ObjectLabel(*replicas.hpa) + ")";
      break;
    default:
      count = " runs " + engine::FormatNumber(replicas.max) + " replicas";
  }
  const bool located = kube::IsPresent(affinity) && affinity->range().valid();
  sink.Report(pod->spec_path + ".affinity", located ? affinity : nullptr,
              ek::ObjectLabel(resource) + count +
                  " with no pod anti-affinity or topology spread over nodes or zones that "
                  "selects its own pods: they can all land on one node");
}

}  // namespace faultline::rules
