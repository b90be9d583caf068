// LivenessEqualsReadinessRule (FL-K8S-0009, k8s-liveness-equals-readiness).
//
// A container's liveness probe is identical to its readiness probe.
//
// Identical means the same handler (exec command, httpGet, tcpSocket or grpc) and the same failure
// timing (periodSeconds, timeoutSeconds and failureThreshold, with Kubernetes' defaults 10, 1 and
// 3 for absent fields): the pod is restarted exactly when it stops being ready. A liveness probe
// on the same endpoint that gives up later is the recommended pattern and is not reported. Probes
// with Unknown parts are not compared.
#ifndef FAULTLINE_RULES_K8S_LIVENESS_EQUALS_READINESS_LIVENESS_EQUALS_READINESS_H_
#define FAULTLINE_RULES_K8S_LIVENESS_EQUALS_READINESS_LIVENESS_EQUALS_READINESS_H_

#include "engine/rule.h"

namespace faultline::rules {

class LivenessEqualsReadinessRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_LIVENESS_EQUALS_READINESS_LIVENESS_EQUALS_READINESS_H_
