#include "rules/net/public_admin_ingress/public_admin_ingress.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

struct AdminPort {
  int port;
  const char* service;
};
constexpr AdminPort kAdminPorts[] = {{22, "SSH"}, {3389, "RDP"}};

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-NET-0001";
  m.name = "net-public-admin-ingress";
  m.severity = engine::Severity::kHigh;
  m.title = "SSH or RDP open to the internet";
  m.summary =
      "A security group admits SSH (port 22) or RDP (port 3389) from the whole internet "
      "(`0.0.0.0/0` or `::/0`).";
  m.why =
      "Remote administration ports reachable from any address are found by internet-wide scans "
      "within minutes and attacked with password guessing, stolen keys and exploits for the "
      "SSH and RDP services; one weak credential or unpatched server then gives an attacker an "
      "interactive foothold inside the network.";
  m.remediation =
      "Restrict the source to the networks that administer the hosts (a VPN or office range, or "
      "a bastion's security group), or remove the rule and use AWS Systems Manager Session "
      "Manager or EC2 Instance Connect Endpoint, which need no inbound port at all. Rules with "
      "protocol \"-1\" (all traffic) open these ports too: narrow them to the ports the service "
      "needs.";
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

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The admin ports a rule with this protocol and port range admits; empty when none, or when
// any of the three is Unknown.
std::vector<AdminPort> AdmittedAdminPorts(const engine::Value* protocol,
                                          const engine::Value* from_port,
                                          const engine::Value* to_port) {
  std::vector<AdminPort> admitted;
  std::optional<std::string> name = KnownString(protocol);
  if (!name.has_value()) return admitted;
  std::string lower = Lower(*name);
  if (lower == "-1" || lower == "all") {
    admitted.assign(std::begin(kAdminPorts), std::end(kAdminPorts));
    return admitted;
  }
  if (lower != "tcp" && lower != "6") return admitted;
  std::optional<double> from = KnownNumber(from_port);
  std::optional<double> to = KnownNumber(to_port);
  if (!from.has_value() || !to.has_value()) return admitted;
  for (const AdminPort& admin : kAdminPorts) {
    if (*from <= admin.port && admin.port <= *to) admitted.push_back(admin);
  }
  return admitted;
}

// True for a CIDR covering every address: 0.0.0.0/0, or ::/0 in any spelling of the zero
// address. (Other /0 spellings such as 1.0.0.0/0 are rejected by the AWS provider.)
bool IsWholeInternet(std::string_view cidr) {
  while (!cidr.empty() && std::isspace(static_cast<unsigned char>(cidr.front()))) {
    cidr.remove_prefix(1);
  }
  while (!cidr.empty() && std::isspace(static_cast<unsigned char>(cidr.back()))) {
    cidr.remove_suffix(1);
  }
  if (cidr == "0.0.0.0/0") return true;
  if (!cidr.ends_with("/0")) return false;
  std::string_view address = cidr.substr(0, cidr.size() - 2);
  return address.find(':') != std::string_view::npos &&
         address.find_first_not_of(":0") == std::string_view::npos;
}

// The first whole-internet CIDR in a string or list value; nullopt when there is none.
std::optional<std::string> WholeInternetCidr(const engine::Value* cidrs) {
  if (cidrs == nullptr) return std::nullopt;
  if (cidrs->is_string()) {
    if (IsWholeInternet(cidrs->as_string())) return cidrs->as_string();
    return std::nullopt;
  }
  if (!cidrs->is_list()) return std::nullopt;
  for (const engine::Value& element : cidrs->as_list()) {
    if (element.is_string() && IsWholeInternet(element.as_string())) return element.as_string();
  }
  return std::nullopt;
}

std::string DescribePorts(const std::vector<AdminPort>& ports) {
  std::string text;
  for (size_t i = 0; i < ports.size(); ++i) {
    if (i > 0) text += " and ";
    text += std::string(ports[i].service) + " (port " + std::to_string(ports[i].port) + ")";
  }
  return text;
}

// Checks one ingress rule: its protocol and ports, and each CIDR attribute (path, value).
void CheckIngress(const engine::Value* protocol, const engine::Value* from_port,
                  const engine::Value* to_port,
                  const std::vector<std::pair<std::string, const engine::Value*>>& cidr_attributes,
                  const std::string& subject, engine::FindingSink& sink) {
  std::vector<AdminPort> ports = AdmittedAdminPorts(protocol, from_port, to_port);
  if (ports.empty()) return;
  for (const auto& [path, cidrs] : cidr_attributes) {
    std::optional<std::string> cidr = WholeInternetCidr(cidrs);
    if (!cidr.has_value()) continue;
    sink.Report(
        path, cidrs,
        subject + " allows " + DescribePorts(ports) + " from the whole internet (" + *cidr + ")");
  }
}

}  // namespace

const engine::RuleMetadata& PublicAdminIngressRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PublicAdminIngressRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  if (resource.type == "aws_security_group" || resource.type == "aws_default_security_group") {
    const engine::Value* ingress = resource.Get("ingress");
    if (ingress == nullptr || !ingress->is_list()) return;
    const engine::ValueList& rules = ingress->as_list();
    for (size_t i = 0; i < rules.size(); ++i) {
      const engine::Value& rule = rules[i];
      if (!rule.is_map()) continue;
      std::string prefix = "ingress[" + std::to_string(i) + "].";
      CheckIngress(rule.Get("protocol"), rule.Get("from_port"), rule.Get("to_port"),
                   {{prefix + "cidr_blocks", rule.Get("cidr_blocks")},
                    {prefix + "ipv6_cidr_blocks", rule.Get("ipv6_cidr_blocks")}},
                   label + " ingress rule " + std::to_string(i + 1), sink);
    }
    return;
  }
  if (resource.type == "aws_security_group_rule") {
    std::optional<std::string> type = KnownString(resource.Get("type"));
    if (!type.has_value() || *type != "ingress") return;
    CheckIngress(resource.Get("protocol"), resource.Get("from_port"), resource.Get("to_port"),
                 {{"cidr_blocks", resource.Get("cidr_blocks")},
                  {"ipv6_cidr_blocks", resource.Get("ipv6_cidr_blocks")}},
                 label, sink);
    return;
  }
  if (resource.type == "aws_vpc_security_group_ingress_rule") {
    CheckIngress(
        resource.Get("ip_protocol"), resource.Get("from_port"), resource.Get("to_port"),
        {{"cidr_ipv4", resource.Get("cidr_ipv4")}, {"cidr_ipv6", resource.Get("cidr_ipv6")}}, label,
        sink);
  }
}

}  // namespace faultline::rules
