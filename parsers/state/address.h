// Terraform resource instance addresses, spelled exactly as Terraform prints them.
//
// `module.db.aws_db_instance.main["x"]`, `aws_instance.web[0]`, `data.aws_ami.ubuntu`,
// `module.a["k"].module.b[0].null_resource.x`. String instance keys are quoted the way Terraform's
// addrs.StringKey does (HCL quoted-string syntax): `"` and `\` are backslash-escaped, newline,
// carriage return and tab become \n \r \t, `${` and `%{` are doubled to `$${` and `%%{`, and
// non-printable characters become \uXXXX (\UXXXXXXXX above U+FFFF, lowercase hex). Printability
// follows Go's unicode.IsPrint for controls, separators, format characters, private use and
// noncharacters; other unassigned code points count as printable. Invalid UTF-8 bytes decode
// to U+FFFD as in Go. Pure functions; thread-safe.
#ifndef FAULTLINE_PARSERS_STATE_ADDRESS_H_
#define FAULTLINE_PARSERS_STATE_ADDRESS_H_

#include <string>
#include <string_view>

#include "engine/value.h"

namespace faultline::parsers::state {

// Terraform's quoted form of a string instance key, quotes included: `"a\"b"`.
std::string QuoteInstanceKey(std::string_view key);

// "[0]" for a number key, `["k"]` for a string key, "" for null (no key) or any other kind.
std::string FormatInstanceKey(const engine::Value& key);

// `<module_address>.` + (`data.` when `data`) + `type.name` + FormatInstanceKey(key).
// `module_address` is "" for the root module.
std::string FormatResourceAddress(std::string_view module_address, bool data, std::string_view type,
                                  std::string_view name, const engine::Value& key);

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_ADDRESS_H_
