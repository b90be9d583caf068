// HostPathVolumeRule (FL-K8S-0020, k8s-host-path-volume).
//
// A pod mounts a hostPath volume.
#ifndef FAULTLINE_RULES_K8S_HOST_PATH_VOLUME_HOST_PATH_VOLUME_H_
#define FAULTLINE_RULES_K8S_HOST_PATH_VOLUME_HOST_PATH_VOLUME_H_

#include "engine/rule.h"

namespace faultline::rules {

class HostPathVolumeRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_HOST_PATH_VOLUME_HOST_PATH_VOLUME_H_
