#include "rules/common/sg_ingress.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// True for a CIDR covering every address: 0.0.0.0/0, or ::/0 in any spelling of the zero
// address. (Other /0 spellings such as 1.0.0.0/0 or "/0" are rejected by the AWS provider.)
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

}  // namespace

std::vector<IngressRule> IngressRulesOf(const engine::Resource& resource) {
  std::vector<IngressRule> rules;
  const std::string label = ResourceLabel(resource);
  if (resource.type == "aws_security_group" || resource.type == "aws_default_security_group") {
    const engine::Value* ingress = resource.Get("ingress");
    if (ingress == nullptr || !ingress->is_list()) return rules;
    const engine::ValueList& blocks = ingress->as_list();
    for (size_t i = 0; i < blocks.size(); ++i) {
      const engine::Value& block = blocks[i];
      if (!block.is_map()) continue;
      std::string prefix = "ingress[" + std::to_string(i) + "].";
      rules.push_back({block.Get("protocol"),
                       block.Get("from_port"),
                       block.Get("to_port"),
                       {{prefix + "cidr_blocks", block.Get("cidr_blocks")},
                        {prefix + "ipv6_cidr_blocks", block.Get("ipv6_cidr_blocks")}},
                       label + " ingress rule " + std::to_string(i + 1)});
    }
  } else if (resource.type == "aws_security_group_rule") {
    std::optional<std::string> type = KnownString(resource.Get("type"));
    if (!type.has_value() || *type != "ingress") return rules;
    rules.push_back({resource.Get("protocol"),
                     resource.Get("from_port"),
                     resource.Get("to_port"),
                     {{"cidr_blocks", resource.Get("cidr_blocks")},
                      {"ipv6_cidr_blocks", resource.Get("ipv6_cidr_blocks")}},
                     label});
  } else if (resource.type == "aws_vpc_security_group_ingress_rule") {
    rules.push_back(
        {resource.Get("ip_protocol"),
         resource.Get("from_port"),
         resource.Get("to_port"),
         {{"cidr_ipv4", resource.Get("cidr_ipv4")}, {"cidr_ipv6", resource.Get("cidr_ipv6")}},
         label});
  }
  return rules;
}

bool AdmittedPorts::AllPorts() const {
  if (protocol == IpProtocol::kAll) return true;
  return (protocol == IpProtocol::kTcp || protocol == IpProtocol::kUdp) && from <= 1 && to >= 65535;
}

bool AdmittedPorts::Covers(IpProtocol over, int port) const {
  if (protocol == IpProtocol::kAll) return true;
  return protocol == over && from <= port && port <= to;
}

std::optional<AdmittedPorts> PortsOf(const IngressRule& rule) {
  std::optional<std::string> name = KnownString(rule.protocol);
  if (!name.has_value()) return std::nullopt;
  std::string lower = Lower(*name);
  AdmittedPorts ports;
  if (lower == "-1" || lower == "all") {
    ports.protocol = IpProtocol::kAll;
    return ports;
  }
  if (lower == "tcp" || lower == "6") {
    ports.protocol = IpProtocol::kTcp;
  } else if (lower == "udp" || lower == "17") {
    ports.protocol = IpProtocol::kUdp;
  } else {
    return ports;  // ICMP and other protocols carry no ports
  }
  std::optional<double> from = KnownNumber(rule.from_port);
  std::optional<double> to = KnownNumber(rule.to_port);
  if (!from.has_value() || !to.has_value()) return std::nullopt;
  ports.from = *from;
  ports.to = *to;
  return ports;
}

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

void ReportPublicServicePorts(const engine::Resource& resource, std::span<const ServicePort> ports,
                              engine::FindingSink& sink) {
  for (const IngressRule& rule : IngressRulesOf(resource)) {
    std::optional<AdmittedPorts> admitted = PortsOf(rule);
    if (!admitted.has_value() || admitted->AllPorts()) continue;
    std::string described;
    size_t count = 0;
    for (const ServicePort& service : ports) {
      bool covered = (service.tcp && admitted->Covers(IpProtocol::kTcp, service.port)) ||
                     (service.udp && admitted->Covers(IpProtocol::kUdp, service.port));
      if (!covered) continue;
      if (count > 0) described += ", ";
      described += std::string(service.service) + " (port " + std::to_string(service.port) + ")";
      ++count;
    }
    if (count == 0) continue;
    if (size_t last = described.rfind(", "); count > 1 && last != std::string::npos) {
      described.replace(last, 2, " and ");
    }
    for (const auto& [path, cidrs] : rule.cidrs) {
      std::optional<std::string> cidr = WholeInternetCidr(cidrs);
      if (!cidr.has_value()) continue;
      sink.Report(
          path, cidrs,
          rule.subject + " allows " + described + " from the whole internet (" + *cidr + ")");
    }
  }
}

}  // namespace faultline::rules
