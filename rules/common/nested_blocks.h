// Nested Terraform blocks of a resource, as the engine stores them: a list of maps under the block
// type (`point_in_time_recovery { enabled = true }` is `point_in_time_recovery = [{enabled =
// true}]`). A block written as an attribute map (`.tf.json`, or `cluster_config = {...}`) is
// accepted too.
#ifndef FAULTLINE_RULES_COMMON_NESTED_BLOCKS_H_
#define FAULTLINE_RULES_COMMON_NESTED_BLOCKS_H_

#include <string_view>
#include <vector>

#include "engine/resource.h"
#include "engine/value.h"

namespace faultline::rules {

// The blocks of a type, in order: empty when absent, null or Unknown (see BlocksUnknown).
std::vector<const engine::Value*> Blocks(const engine::Value& holder, std::string_view type);
// True when the block attribute is present but Unknown (e.g. a dynamic block over an unknown
// collection): the rule cannot tell whether the block exists.
bool BlocksUnknown(const engine::Value& holder, std::string_view type);
// The first block of a type; nullptr when there is none.
const engine::Value* FirstBlock(const engine::Value& holder, std::string_view type);
// `attribute` inside the first `block`; nullptr when either is absent.
const engine::Value* BlockAttribute(const engine::Resource& resource, std::string_view block,
                                    std::string_view attribute);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_NESTED_BLOCKS_H_
