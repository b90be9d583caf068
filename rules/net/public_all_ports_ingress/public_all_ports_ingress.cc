#include "rules/net/public_all_ports_ingress/public_all_ports_ingress.h"

#include <optional>
#include <string>

#include "rules/common/sg_ingress.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-NET-0003";
  m.name = "net-public-all-ports-ingress";
  m.severity = engine::Severity::kCritical;
  m.title = "Every port open to the internet";
  m.summary =
      "A security group admits every port from the whole internet (`0.0.0.0/0` or `::/0`), "
      "through protocol \"-1\"/\"all\" or a TCP/UDP range of 0-65535.";
  m.why =
      "Every service listening on the attached instances, including administration ports, "
      "databases, debug endpoints and services bound by accident, becomes reachable by anyone, "
      "so the security group no longer protects anything. Internet-wide scanners find such "
      "hosts within minutes.";
  m.remediation =
      "Open only the ports the service answers on (for example 443), and admit internal traffic "
      "by referencing the peer security groups instead of a CIDR. If the rule was meant for "
      "traffic between members of the group, use `self = true` without `0.0.0.0/0`.";
  m.example_fix =
      "resource \"aws_security_group\" \"web\" {\n"
      "  name = \"web\"\n"
      "  ingress {\n"
      "    protocol    = \"tcp\"\n"
      "    from_port   = 443\n"
      "    to_port     = 443\n"
      "    cidr_blocks = [\"0.0.0.0/0\"]\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
      "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
  };
  m.peers = {
      {"checkov", "CKV_AWS_277"},
      {"trivy", "AVD-AWS-0107"},
      {"kics", "Unrestricted Security Group Ingress (4728cd65-a20c-49da-8b31-9c08b423e4db)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_default_security_group", "aws_security_group", "aws_security_group_rule",
                   "aws_vpc_security_group_ingress_rule"};
  return m;
}

}  // namespace

const engine::RuleMetadata& PublicAllPortsIngressRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PublicAllPortsIngressRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  for (const IngressRule& rule : IngressRulesOf(context.resource)) {
    std::optional<AdmittedPorts> ports = PortsOf(rule);
    if (!ports.has_value() || !ports->AllPorts()) continue;
    std::string what = ports->protocol == IpProtocol::kAll ? "all traffic (every protocol and port)"
                       : ports->protocol == IpProtocol::kTcp ? "every TCP port"
                                                             : "every UDP port";
    for (const auto& [path, cidrs] : rule.cidrs) {
      std::optional<std::string> cidr = WholeInternetCidr(cidrs);
      if (!cidr.has_value()) continue;
      sink.Report(path, cidrs,
                  rule.subject + " allows " + what + " from the whole internet (" + *cidr + ")");
    }
  }
}

}  // namespace faultline::rules
