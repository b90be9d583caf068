#include "parsers/hcl/syntax.h"

namespace faultline::parsers::hcl {

const Attribute* Body::FindAttribute(std::string_view name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

const Block* Body::FindBlock(std::string_view type) const {
  for (const Block& block : blocks) {
    if (block.type == type) return &block;
  }
  return nullptr;
}

}  // namespace faultline::parsers::hcl
