// PublicAllPortsIngressRule (FL-NET-0003, net-public-all-ports-ingress).
//
// A security group admits every port from the whole internet (`0.0.0.0/0` or `::/0`), through
// protocol "-1"/"all" or a TCP/UDP range of 0-65535. AWS ignores the ports of an all-traffic rule;
// a TCP or UDP range counts from 0 (or 1) to 65535. Same resources and Unknown handling as FL-
// NET-0001; these rules are not also reported by FL-NET-0001 or FL-NET-0002.
#ifndef FAULTLINE_RULES_NET_PUBLIC_ALL_PORTS_INGRESS_PUBLIC_ALL_PORTS_INGRESS_H_
#define FAULTLINE_RULES_NET_PUBLIC_ALL_PORTS_INGRESS_PUBLIC_ALL_PORTS_INGRESS_H_

#include "engine/rule.h"

namespace faultline::rules {

class PublicAllPortsIngressRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_NET_PUBLIC_ALL_PORTS_INGRESS_PUBLIC_ALL_PORTS_INGRESS_H_
