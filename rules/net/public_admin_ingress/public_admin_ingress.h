// PublicAdminIngressRule (FL-NET-0001, net-public-admin-ingress).
//
// A security group admits a remote administration port (SSH 22, Telnet 23, RDP 3389, VNC
// 5900, WinRM 5985/5986) from the whole internet (`0.0.0.0/0` or `::/0`). Covers inline `ingress`
// blocks of aws_security_group and aws_default_security_group, aws_security_group_rule with type
// "ingress", and aws_vpc_security_group_ingress_rule (see rules/common/sg_ingress.h). A rule
// covers a port when its protocol (TCP, or UDP for RDP) and from_port..to_port include it; rules
// admitting every port (protocol "-1"/"all", or 0-65535) are FL-NET-0003's. Unknown CIDRs, ports
// or protocols decide nothing.
#ifndef FAULTLINE_RULES_NET_PUBLIC_ADMIN_INGRESS_PUBLIC_ADMIN_INGRESS_H_
#define FAULTLINE_RULES_NET_PUBLIC_ADMIN_INGRESS_PUBLIC_ADMIN_INGRESS_H_

#include "engine/rule.h"

namespace faultline::rules {

class PublicAdminIngressRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_NET_PUBLIC_ADMIN_INGRESS_PUBLIC_ADMIN_INGRESS_H_
