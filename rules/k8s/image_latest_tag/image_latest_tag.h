// ImageLatestTagRule (FL-K8S-0014, k8s-image-latest-tag).
//
// A container image has no tag or the tag latest, and no digest.
//
// An image pinned by digest (name@sha256:...) is fine with or without a tag. Checked in
// containers, init containers and ephemeral containers of every pod template; images that are not
// literal strings are not judged.
#ifndef FAULTLINE_RULES_K8S_IMAGE_LATEST_TAG_IMAGE_LATEST_TAG_H_
#define FAULTLINE_RULES_K8S_IMAGE_LATEST_TAG_IMAGE_LATEST_TAG_H_

#include "engine/rule.h"

namespace faultline::rules {

class ImageLatestTagRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_K8S_IMAGE_LATEST_TAG_IMAGE_LATEST_TAG_H_
