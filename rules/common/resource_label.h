// ResourceLabel: how finding messages name a resource.
//
// `aws_db_instance "main"` for a managed resource, `data "aws_iam_policy_document" "admin"` for a
// data source, with the count index or for_each key (`aws_db_instance "main"[0]`,
// `aws_db_instance "main"["eu"]`) and the module instance (`... in module.db`) when there is one,
// so that instances of one block get distinct messages.
#ifndef FAULTLINE_RULES_COMMON_RESOURCE_LABEL_H_
#define FAULTLINE_RULES_COMMON_RESOURCE_LABEL_H_

#include <string>

#include "engine/resource.h"

namespace faultline::rules {

std::string ResourceLabel(const engine::Resource& resource);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_RESOURCE_LABEL_H_
