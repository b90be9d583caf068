#include "rules/gcp/gke_zonal_cluster/gke_zonal_cluster.h"

#include <optional>
#include <string>

#include <cctype>
#include <string_view>
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

// True for a zone name: a region ("us-central1", "europe-west4") followed by "-" and a letter.
bool IsZone(std::string_view location) {
  size_t dash = location.rfind('-');
  if (dash == std::string_view::npos || dash + 2 != location.size()) return false;
  if (!std::islower(static_cast<unsigned char>(location.back()))) return false;
  std::string_view region = location.substr(0, dash);
  return !region.empty() && std::isdigit(static_cast<unsigned char>(region.back())) &&
         region.find('-') != std::string_view::npos;
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-GCP-0002";
  m.name = "gcp-gke-zonal-cluster";
  m.severity = engine::Severity::kMedium;
  m.title = "GKE cluster is zonal";
  m.summary =
      "A GKE cluster is zonal: its `location` is a zone (us-central1-a) rather than a "
      "region, or it uses the deprecated `zone` argument.";
  m.why =
      "A zonal cluster has a single control-plane replica in one zone: during a zone "
      "outage, and during every control-plane upgrade, the Kubernetes API is "
      "unavailable, so deployments, autoscaling and self-healing stop. Nodes in other "
      "zones (`node_locations`) do not change that.";
  m.remediation =
      "Set `location` to a region (for example `us-central1`) to create a regional "
      "cluster with control-plane replicas in three zones, and spread node pools over "
      "several zones with `node_locations`. A cluster cannot be converted in place: "
      "create a regional cluster and migrate the workloads.";
  m.example_fix =
      "resource \"google_container_cluster\" \"main\" {\n"
      "  name               = \"main\"\n"
      "  location           = \"us-central1\"\n"
      "  initial_node_count = 1\n"
      "}\n";
  m.references = {
      "https://cloud.google.com/kubernetes-engine/docs/concepts/regional-clusters",
      "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/"
      "container_cluster",
  };
  m.peers = {
      {"custodian", "ecc-gcp-135-kubernetes_cluster_not_in_redundant_zones"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"google_container_cluster"};
  return m;
}

}  // namespace

const engine::RuleMetadata& GcpGkeZonalClusterRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void GcpGkeZonalClusterRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  if (const engine::Value* location = resource.Get("location"); IsSet(location)) {
    std::optional<std::string> name = KnownString(location);
    if (name.has_value() && IsZone(*name)) {
      sink.Report("location", location,
                  label + " is zonal (location = \"" + *name +
                      "\" is a zone): its control plane runs in one zone");
    }
    return;
  }
  if (IsSet(resource.Get("region"))) return;
  const engine::Value* zone = resource.Get("zone");
  if (!IsSet(zone)) return;
  std::optional<std::string> name = KnownString(zone);
  if (name.has_value()) {
    sink.Report("zone", zone,
                label + " is zonal (deprecated zone = \"" + *name +
                    "\"): its control plane runs in one zone");
  }
}

}  // namespace faultline::rules
