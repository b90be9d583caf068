#include "rules/registry.h"

#include <memory>

#include "rules/aws/rds_single_az/rds_single_az.h"
#include "rules/iam/wildcard_action/wildcard_action.h"
#include "rules/k8s/missing_pdb/missing_pdb.h"
#include "rules/k8s/missing_readiness_probe/missing_readiness_probe.h"
#include "rules/k8s/pdb_selects_nothing/pdb_selects_nothing.h"
#include "rules/net/public_admin_ingress/public_admin_ingress.h"

namespace faultline::rules {

engine::RuleList CreateAllRules() {
  engine::RuleList rules;
  rules.push_back(std::make_unique<RdsSingleAzRule>());            // aws/rds_single_az
  rules.push_back(std::make_unique<IamWildcardActionRule>());      // iam/wildcard_action
  rules.push_back(std::make_unique<MissingPdbRule>());             // k8s/missing_pdb
  rules.push_back(std::make_unique<MissingReadinessProbeRule>());  // k8s/missing_readiness_probe
  rules.push_back(std::make_unique<PdbSelectsNothingRule>());      // k8s/pdb_selects_nothing
  rules.push_back(std::make_unique<PublicAdminIngressRule>());     // net/public_admin_ingress
  return rules;
}

}  // namespace faultline::rules
