#include "parsers/hcl/syntax.h"

#include <memory>
#include <string>
#include <utility>

namespace faultline::parsers::hcl {

const std::string& Expression::EmptyString() {
  static const std::string* const kEmpty = new std::string();
  return *kEmpty;
}

void Expression::set_for_vars(std::string key_var, std::string value_var) {
  if (detail == nullptr) detail = std::make_unique<ExpressionDetail>();
  detail->key_var = std::move(key_var);
  detail->value_var = std::move(value_var);
}

void Expression::set_error(std::string error) {
  if (detail == nullptr) detail = std::make_unique<ExpressionDetail>();
  detail->error = std::move(error);
}

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
