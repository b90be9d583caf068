#include "engine/rule.h"

#include <algorithm>

namespace faultline::engine {

void FindingSink::Report(std::string_view attribute_path, const Value* at, std::string message,
                         std::vector<RelatedLocation> related) {
  Finding finding;
  finding.rule_id = rule_.id;
  finding.rule_name = rule_.name;
  finding.severity = rule_.severity;
  finding.message = std::move(message);
  finding.module_dir = resource_.module_dir;
  finding.resource_address = resource_.address;
  finding.attribute_path = std::string(attribute_path);
  if (at != nullptr && at->range().valid()) {
    finding.range = at->range();
    SourceRange origin = at->origin();
    if (origin.valid() && !(origin == at->range()) &&
        !(origin.file == at->range().file && origin.begin >= at->range().begin &&
          origin.end <= at->range().end)) {
      related.push_back(RelatedLocation{origin, "the value is defined here"});
    }
  } else {
    finding.range = resource_.header.valid() ? resource_.header : resource_.range;
  }
  finding.related = std::move(related);
  finding.fingerprint = ComputeFingerprint(finding.rule_id, finding.module_dir,
                                           finding.resource_address, finding.attribute_path);
  out_->push_back(std::move(finding));
}

bool RuleApplies(const RuleMetadata& rule, const Resource& resource) {
  const RuleScope& scope = rule.scope;
  if (std::find(scope.origins.begin(), scope.origins.end(), resource.origin) ==
      scope.origins.end()) {
    return false;
  }
  if (std::find(scope.kinds.begin(), scope.kinds.end(), resource.kind) == scope.kinds.end()) {
    return false;
  }
  return scope.types.empty() ||
         std::find(scope.types.begin(), scope.types.end(), resource.type) != scope.types.end();
}

}  // namespace faultline::engine
