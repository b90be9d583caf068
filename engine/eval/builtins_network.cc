// Network functions: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets for IPv4 and IPv6, with
// the arithmetic and messages of Terraform's go-cidr based implementation.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/eval/builtins.h"

namespace faultline::engine::eval {

namespace {

using U128 = unsigned __int128;

struct Network {
  U128 address = 0;  // the address as written (host bits kept)
  int prefix = 0;
  int bits = 32;  // 32 for IPv4, 128 for IPv6
};

U128 AllOnes(int bits) { return bits >= 128 ? ~U128(0) : ((U128(1) << bits) - 1); }

// Mask with the top `prefix` bits of a `bits`-bit address set.
U128 PrefixMask(int prefix, int bits) {
  if (prefix <= 0) return 0;
  return AllOnes(bits) ^ AllOnes(bits - prefix);
}

bool ParseIPv4(std::string_view text, uint32_t* out) {
  uint32_t value = 0;
  int parts = 0;
  size_t i = 0;
  while (parts < 4) {
    size_t begin = i;
    unsigned part = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - begin < 3) {
      part = part * 10 + static_cast<unsigned>(text[i] - '0');
      ++i;
    }
    if (i == begin || part > 255) return false;
    value = (value << 8) | part;
    ++parts;
    if (parts < 4) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
  }
  if (i != text.size()) return false;
  *out = value;
  return true;
}

bool ParseIPv6(std::string_view text, U128* out) {
  std::vector<uint32_t> head, tail;
  bool compressed = false;
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  }
  std::vector<uint32_t>* groups = compressed ? &tail : &head;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size() && text[end] != ':') ++end;
    std::string_view group = text.substr(i, end - i);
    if (group.find('.') != std::string_view::npos) {
      uint32_t v4;
      if (end != text.size() || !ParseIPv4(group, &v4)) return false;
      groups->push_back(v4 >> 16);
      groups->push_back(v4 & 0xFFFF);
      i = end;
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    uint32_t v = 0;
    for (char c : group) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return false;
      }
      v = v * 16 + static_cast<uint32_t>(d);
    }
    groups->push_back(v);
    i = end;
    if (i < text.size()) {
      ++i;  // ':'
      if (i < text.size() && text[i] == ':') {
        if (compressed) return false;
        compressed = true;
        groups = &tail;
        ++i;
      } else if (i == text.size()) {
        return false;
      }
    }
  }
  size_t total = head.size() + tail.size();
  if (compressed ? total > 7 : total != 8) return false;
  U128 value = 0;  // head groups, the compressed zero groups, tail groups
  for (uint32_t g : head) value = (value << 16) | g;
  for (size_t k = total; k < 8; ++k) value <<= 16;
  for (uint32_t g : tail) value = (value << 16) | g;
  *out = value;
  return true;
}

bool ParseCidr(std::string_view text, Network* out) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view address = text.substr(0, slash);
  std::string_view length = text.substr(slash + 1);
  if (length.empty() || length.size() > 3) return false;
  int prefix = 0;
  for (char c : length) {
    if (c < '0' || c > '9') return false;
    prefix = prefix * 10 + (c - '0');
  }
  uint32_t v4;
  if (ParseIPv4(address, &v4)) {
    if (prefix > 32) return false;
    *out = Network{v4, prefix, 32};
    return true;
  }
  U128 v6;
  if (ParseIPv6(address, &v6)) {
    if (prefix > 128) return false;
    *out = Network{v6, prefix, 128};
    return true;
  }
  return false;
}

std::string FormatAddress(U128 address, int bits) {
  if (bits == 32) {
    char buffer[20];
    uint32_t v = static_cast<uint32_t>(address);
    std::snprintf(buffer, sizeof buffer, "%u.%u.%u.%u", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF,
                  v & 0xFF);
    return buffer;
  }
  uint32_t groups[8];
  for (int i = 7; i >= 0; --i) {
    groups[i] = static_cast<uint32_t>(address & 0xFFFF);
    address >>= 16;
  }
  // Longest run of two or more zero groups becomes "::" (the first one on ties).
  int best_start = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%x", groups[i]);
    out += buffer;
  }
  return out;
}

std::string FormatNetwork(U128 start, int prefix, int bits) {
  return FormatAddress(start, bits) + "/" + std::to_string(prefix);
}

bool ArgCidr(Call& call, size_t i, Network* network) {
  std::string text;
  if (!call.ArgString(i, &text)) return false;
  if (!ParseCidr(text, network)) {
    call.Fail("invalid CIDR expression: invalid CIDR address: " + text);
    return false;
  }
  return true;
}

Value CidrHost(Call& call) {
  Network network;
  double number;
  if (!ArgCidr(call, 0, &network) || !call.ArgNumber(1, &number)) return call.Failed();
  if (number != std::floor(number)) return call.Fail("host number must be a whole number");
  int host_bits = network.bits - network.prefix;
  U128 base = network.address & PrefixMask(network.prefix, network.bits);
  U128 max_host = AllOnes(host_bits);
  double magnitude = std::fabs(number);
  if (magnitude >= std::ldexp(1.0, 127)) {
    return call.Fail("prefix of " + std::to_string(network.prefix) +
                     " does not accommodate a host numbered " + FormatNumber(number));
  }
  U128 host;
  if (number < 0) {
    U128 back = static_cast<U128>(magnitude) - 1;
    if (back > max_host) {
      return call.Fail("prefix of " + std::to_string(network.prefix) +
                       " does not accommodate a host numbered " + FormatNumber(number));
    }
    host = max_host - back;
  } else {
    host = static_cast<U128>(magnitude);
    if (host > max_host) {
      return call.Fail("prefix of " + std::to_string(network.prefix) +
                       " does not accommodate a host numbered " + FormatNumber(number));
    }
  }
  return call.String(FormatAddress(base | host, network.bits));
}

Value CidrNetmask(Call& call) {
  Network network;
  if (!ArgCidr(call, 0, &network)) return call.Failed();
  if (network.bits != 32) return call.Fail("only IPv4 networks are supported");
  return call.String(FormatAddress(PrefixMask(network.prefix, 32), 32));
}

Value CidrSubnet(Call& call) {
  Network network;
  int64_t new_bits;
  double number;
  if (!ArgCidr(call, 0, &network) || !call.ArgInteger(1, &new_bits) ||
      !call.ArgNumber(2, &number)) {
    return call.Failed();
  }
  if (new_bits < 0) return call.Fail("newbits must not be negative");
  if (number < 0 || number != std::floor(number)) {
    return call.Fail("netnum must be a non-negative whole number");
  }
  int new_prefix = network.prefix + static_cast<int>(new_bits);
  if (new_bits > 128 || new_prefix > network.bits) {
    return call.Fail("insufficient address space to extend prefix of " +
                     std::to_string(network.prefix) + " by " + std::to_string(new_bits));
  }
  double max_net = std::ldexp(1.0, static_cast<int>(new_bits));
  if (number >= max_net) {
    return call.Fail("prefix extension of " + std::to_string(new_bits) +
                     " does not accommodate a subnet numbered " + FormatNumber(number));
  }
  U128 base = network.address & PrefixMask(network.prefix, network.bits);
  int shift = network.bits - new_prefix;
  U128 net = static_cast<U128>(number);
  U128 start = base | (shift >= 128 ? 0 : (net << shift));
  return call.String(FormatNetwork(start, new_prefix, network.bits));
}

Value CidrSubnets(Call& call) {
  Network network;
  if (!ArgCidr(call, 0, &network)) return call.Failed();
  const int bits = network.bits;
  const U128 full = AllOnes(bits);
  U128 base = network.address & PrefixMask(network.prefix, bits);
  // The subnet just before the network, at the network's own prefix length.
  U128 current_start = ((base - 1) & full) & PrefixMask(network.prefix, bits);
  int current_prefix = network.prefix;
  ValueList out;
  for (size_t i = 1; i < call.size(); ++i) {
    int64_t length;
    if (!call.ArgInteger(i, &length)) return call.Failed();
    if (length < 1) return call.Fail("must extend prefix by at least one bit");
    int new_prefix = network.prefix + static_cast<int>(std::min<int64_t>(length, 256));
    if (new_prefix > bits) {
      return call.Fail("would extend prefix to " + std::to_string(new_prefix) +
                       " bits, which is too long for an " + (bits == 32 ? "IPv4" : "IPv6") +
                       " address");
    }
    U128 current_last = (current_start | AllOnes(bits - current_prefix)) & full;
    U128 containing = current_last & PrefixMask(new_prefix, bits);
    U128 containing_last = (containing | AllOnes(bits - new_prefix)) & full;
    U128 next = (containing_last + 1) & full;
    bool rollover = next == 0;
    bool inside = (next & PrefixMask(network.prefix, bits)) == base;
    if (rollover || !inside) {
      return call.Fail("not enough remaining address space for a subnet with a prefix of " +
                       std::to_string(new_prefix) + " bits after " +
                       FormatNetwork(current_start, current_prefix, bits));
    }
    current_start = next;
    current_prefix = new_prefix;
    out.push_back(Derived(Value::String(FormatNetwork(next, new_prefix, bits), call.range())));
  }
  return call.List(std::move(out));
}

constexpr BuiltinSpec kNetworkBuiltins[] = {
    {"cidrhost", 2, 2, UnknownPolicy::kDeep, CidrHost},
    {"cidrnetmask", 1, 1, UnknownPolicy::kDeep, CidrNetmask},
    {"cidrsubnet", 3, 3, UnknownPolicy::kDeep, CidrSubnet},
    {"cidrsubnets", 1, -1, UnknownPolicy::kDeep, CidrSubnets},
};

}  // namespace

std::span<const BuiltinSpec> NetworkBuiltins() { return kNetworkBuiltins; }

}  // namespace faultline::engine::eval
