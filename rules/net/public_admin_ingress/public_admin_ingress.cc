#include "rules/net/public_admin_ingress/public_admin_ingress.h"

#include "rules/common/sg_ingress.h"

namespace faultline::rules {

namespace {

// Remote administration services: shells, desktops and remote management.
constexpr ServicePort kAdminPorts[] = {
    {22, true, false, "SSH"},          {23, true, false, "Telnet"},
    {3389, true, true, "RDP"},         {5900, true, false, "VNC"},
    {5985, true, false, "WinRM HTTP"}, {5986, true, false, "WinRM HTTPS"},
};

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-NET-0001";
  m.name = "net-public-admin-ingress";
  m.severity = engine::Severity::kHigh;
  m.title = "Remote administration port open to the internet";
  m.summary =
      "A security group admits a remote administration port (SSH 22, Telnet 23, RDP 3389, VNC "
      "5900, WinRM 5985/5986) from the whole internet (`0.0.0.0/0` or `::/0`).";
  m.why =
      "Remote administration ports reachable from any address are found by internet-wide scans "
      "within minutes and attacked with password guessing, stolen keys and exploits for the "
      "SSH and RDP services; one weak credential or unpatched server then gives an attacker an "
      "interactive foothold inside the network. Rules that open every port are reported by "
      "FL-NET-0003 instead.";
  m.remediation =
      "Restrict the source to the networks that administer the hosts (a VPN or office range, or "
      "a bastion's security group), or remove the rule and use AWS Systems Manager Session "
      "Manager or EC2 Instance Connect Endpoint, which need no inbound port at all.";
  m.example_fix =
      "resource \"aws_security_group_rule\" \"ssh\" {\n"
      "  type              = \"ingress\"\n"
      "  protocol          = \"tcp\"\n"
      "  from_port         = 22\n"
      "  to_port           = 22\n"
      "  cidr_blocks       = [\"10.20.0.0/16\"] # the VPN range, not 0.0.0.0/0\n"
      "  security_group_id = aws_security_group.bastion.id\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
      "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "vpc_security_group_ingress_rule",
  };
  m.peers = {
      {"checkov", "CKV_AWS_24"},
      {"checkov", "CKV_AWS_25"},
      {"trivy", "AVD-AWS-0107"},
      {"kics",
       "Security Group With Unrestricted Access To SSH (65905cec-d691-4320-b320-2000436cb696)"},
      {"kics", "Remote Desktop Port Open To Internet (151187cb-0efc-481c-babd-ad24e3c9bc22)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_default_security_group", "aws_security_group", "aws_security_group_rule",
                   "aws_vpc_security_group_ingress_rule"};
  return m;
}

}  // namespace

const engine::RuleMetadata& PublicAdminIngressRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PublicAdminIngressRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  ReportPublicServicePorts(context.resource, kAdminPorts, sink);
}

}  // namespace faultline::rules
