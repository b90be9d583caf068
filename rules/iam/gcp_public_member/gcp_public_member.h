// IamGcpPublicMemberRule (FL-IAM-0005, iam-gcp-public-member).
//
// A GCP IAM grant or ACL gives access to `allUsers` (anyone on the internet) or
// `allAuthenticatedUsers` (anyone with a Google account). Covers `member` of google_*_iam_member,
// `members` of google_*_iam_binding, the bindings of google_*_iam_policy `policy_data` (JSON, or
// a `data "google_iam_policy"` it references, reported at the policy resource; a data source no
// policy resource uses is reported itself), BigQuery dataset `access` blocks and
// google_bigquery_dataset_access, and storage ACL entities (google_storage_bucket_acl
// role_entity, google_storage_*_access_control entity). Unknown members decide nothing.
#ifndef FAULTLINE_RULES_IAM_GCP_PUBLIC_MEMBER_GCP_PUBLIC_MEMBER_H_
#define FAULTLINE_RULES_IAM_GCP_PUBLIC_MEMBER_GCP_PUBLIC_MEMBER_H_

#include "engine/rule.h"

namespace faultline::rules {

class IamGcpPublicMemberRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_IAM_GCP_PUBLIC_MEMBER_GCP_PUBLIC_MEMBER_H_
