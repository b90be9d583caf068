// Reading known scalars from attribute Values the way Terraform converts them.
//
// Terraform converts between primitive types when a provider schema asks for one: "true" is a
// bool, "22" a number. These helpers return the converted value, or nullopt when the value is
// absent, null, Unknown, or not convertible, so that rules never decide on what they cannot see.
#ifndef FAULTLINE_RULES_COMMON_KNOWN_VALUES_H_
#define FAULTLINE_RULES_COMMON_KNOWN_VALUES_H_

#include <optional>
#include <string>

#include "engine/value.h"

namespace faultline::rules {

// A bool, or the strings "true"/"false".
std::optional<bool> KnownBool(const engine::Value* value);
// A number, or a string holding a decimal number ("22", "-1").
std::optional<double> KnownNumber(const engine::Value* value);
// A string, or a number/bool rendered as Terraform renders it.
std::optional<std::string> KnownString(const engine::Value* value);
// True when the attribute is written with a non-null value (Unknown counts as set).
bool IsSet(const engine::Value* value);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_KNOWN_VALUES_H_
