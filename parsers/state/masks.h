// Terraform's JSON masks: `after_unknown`, `sensitive_values`, `before_sensitive` and
// `after_sensitive` mirror the shape of a value with `true` where a part of it is unknown after
// apply or sensitive (`true` alone covers the whole value; `false` and absent parts are neither).
//
// Internal to parsers/state. Paths use the convention of engine::Value::Find: map keys as they
// are, list indexes as decimal strings. Attribute paths for messages use the finding convention
// "ebs_block_device[0].volume_id". Pure functions; thread-safe.
#ifndef FAULTLINE_PARSERS_STATE_MASKS_H_
#define FAULTLINE_PARSERS_STATE_MASKS_H_

#include <string>
#include <vector>

#include "engine/value.h"

namespace faultline::parsers::state {

// The paths of the `true` leaves of `mask`, in map-key / list-index order ({} for a mask that is
// `true` itself: the whole value).
std::vector<std::vector<std::string>> MaskPaths(const engine::Value& mask);

// `value` with every part `mask` marks `true` replaced by an Unknown ("known after apply", the
// range of the `true` in the mask, `address`, the attribute path). Parts the mask marks but the
// value lacks (Terraform leaves unknown attributes out of `after`) are added; known parts keep
// their ranges. A null or false mask returns `value` unchanged.
engine::Value ApplyUnknownMask(const engine::Value& value, const engine::Value& mask,
                               const std::string& address);

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_MASKS_H_
