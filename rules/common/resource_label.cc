#include "rules/common/resource_label.h"

namespace faultline::rules {

std::string ResourceLabel(const engine::Resource& resource) {
  std::string label;
  if (resource.kind == engine::ResourceKind::kData) {
    label = "data \"" + resource.type + "\" \"" + resource.name + "\"";
  } else {
    label = resource.type + " \"" + resource.name + "\"";
  }
  const engine::Value& key = resource.index_key;
  if (key.is_number()) {
    label += "[" + engine::FormatNumber(key.as_number()) + "]";
  } else if (key.is_string()) {
    label += "[\"" + key.as_string() + "\"]";
  }
  if (!resource.module_address.empty()) label += " in " + resource.module_address;
  return label;
}

}  // namespace faultline::rules
