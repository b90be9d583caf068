// Security group ingress rules as the AWS provider writes them, normalised for the FL-NET rules.
//
// An ingress rule reaches the graph as an inline `ingress` block of aws_security_group or
// aws_default_security_group, as an aws_security_group_rule with type "ingress", or as an
// aws_vpc_security_group_ingress_rule. IngressRulesOf lists them with their protocol, port range
// and source CIDR attributes; PortsOf reads what traffic one admits. Unknown protocols or ports
// yield nullopt, and Unknown CIDRs never count as the whole internet, so rules built on these
// helpers stay silent on what they cannot see. Pointers refer into the resource, which must
// outlive the result. Pure and thread-safe.
#ifndef FAULTLINE_RULES_COMMON_SG_INGRESS_H_
#define FAULTLINE_RULES_COMMON_SG_INGRESS_H_

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/resource.h"
#include "engine/rule.h"
#include "engine/value.h"

namespace faultline::rules {

struct IngressRule {
  const engine::Value* protocol = nullptr;
  const engine::Value* from_port = nullptr;
  const engine::Value* to_port = nullptr;
  // (attribute path, value) of each source CIDR attribute: "ingress[0].cidr_blocks", "cidr_ipv4".
  std::vector<std::pair<std::string, const engine::Value*>> cidrs;
  // How messages name the rule: `aws_security_group "web" ingress rule 2`.
  std::string subject;
};

// The ingress rules of a security group resource; empty for other types, egress rules and
// aws_security_group_rule whose type is not known to be "ingress".
std::vector<IngressRule> IngressRulesOf(const engine::Resource& resource);

enum class IpProtocol { kTcp, kUdp, kAll, kOther };

// The traffic one ingress rule admits: all protocols and ports (kAll), or a TCP/UDP port range.
struct AdmittedPorts {
  IpProtocol protocol = IpProtocol::kOther;
  double from = 0;
  double to = 0;

  // True for all traffic, or a TCP/UDP range covering every port (from <= 1, to >= 65535).
  bool AllPorts() const;
  // True when the rule admits `port` over `protocol` (kTcp or kUdp).
  bool Covers(IpProtocol over, int port) const;
};

// Reads protocol ("tcp", "6", "udp", "17", "-1", "all") and ports; nullopt when any needed part
// is Unknown or absent. For all traffic the ports are ignored, as AWS ignores them.
std::optional<AdmittedPorts> PortsOf(const IngressRule& rule);

// The first whole-internet CIDR (0.0.0.0/0, or ::/0 in any spelling) in a string or list value;
// nullopt when there is none (Unknown elements are never the whole internet).
std::optional<std::string> WholeInternetCidr(const engine::Value* cidrs);

// A service port that must not face the internet, over TCP, UDP or both.
struct ServicePort {
  int port;
  bool tcp;
  bool udp;
  const char* service;  // "SSH", "PostgreSQL"
};

// Reports, for each ingress rule of `resource` open to the whole internet, the service ports it
// admits, once per CIDR attribute: "<rule> allows SSH (port 22) from the whole internet
// (0.0.0.0/0)". Rules admitting all ports are left to FL-NET-0003 (one finding per problem).
void ReportPublicServicePorts(const engine::Resource& resource, std::span<const ServicePort> ports,
                              engine::FindingSink& sink);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_SG_INGRESS_H_
