#include "rules/common/nested_blocks.h"

namespace faultline::rules {

std::vector<const engine::Value*> Blocks(const engine::Value& holder, std::string_view type) {
  std::vector<const engine::Value*> out;
  const engine::Value* value = holder.Get(type);
  if (value == nullptr) return out;
  if (value->is_map()) {
    out.push_back(value);
  } else if (value->is_list()) {
    for (const engine::Value& element : value->as_list()) {
      if (element.is_map()) out.push_back(&element);
    }
  }
  return out;
}

bool BlocksUnknown(const engine::Value& holder, std::string_view type) {
  const engine::Value* value = holder.Get(type);
  return value != nullptr && value->is_unknown();
}

const engine::Value* FirstBlock(const engine::Value& holder, std::string_view type) {
  std::vector<const engine::Value*> blocks = Blocks(holder, type);
  return blocks.empty() ? nullptr : blocks.front();
}

const engine::Value* BlockAttribute(const engine::Resource& resource, std::string_view block,
                                    std::string_view attribute) {
  const engine::Value* first = FirstBlock(resource.attributes, block);
  return first == nullptr ? nullptr : first->Get(attribute);
}

}  // namespace faultline::rules
