#include "rules/registry.h"

#include <memory>

#include "rules/aws/asg_service_capacity/asg_service_capacity.h"
#include "rules/aws/asg_single_az/asg_single_az.h"
#include "rules/aws/aurora_single_az/aurora_single_az.h"
#include "rules/aws/db_subnet_group_single_az/db_subnet_group_single_az.h"
#include "rules/aws/dynamodb_deletion_protection/dynamodb_deletion_protection.h"
#include "rules/aws/dynamodb_pitr/dynamodb_pitr.h"
#include "rules/aws/efs_one_zone/efs_one_zone.h"
#include "rules/aws/eks_node_group_single_az/eks_node_group_single_az.h"
#include "rules/aws/elasticache_cluster_single_az/elasticache_cluster_single_az.h"
#include "rules/aws/elasticache_failover/elasticache_failover.h"
#include "rules/aws/lb_single_az/lb_single_az.h"
#include "rules/aws/mq_single_instance/mq_single_instance.h"
#include "rules/aws/msk_single_az/msk_single_az.h"
#include "rules/aws/opensearch_single_az/opensearch_single_az.h"
#include "rules/aws/rds_backup_retention/rds_backup_retention.h"
#include "rules/aws/rds_deletion_protection/rds_deletion_protection.h"
#include "rules/aws/rds_single_az/rds_single_az.h"
#include "rules/aws/required_tags/required_tags.h"
#include "rules/aws/s3_state_bucket_versioning/s3_state_bucket_versioning.h"
#include "rules/aws/s3_versioning/s3_versioning.h"
#include "rules/azr/aks_node_pool_zones/aks_node_pool_zones.h"
#include "rules/azr/ase_zone_redundancy/ase_zone_redundancy.h"
#include "rules/azr/container_registry_zone_redundancy/container_registry_zone_redundancy.h"
#include "rules/azr/eventhub_namespace_zone_redundancy/eventhub_namespace_zone_redundancy.h"
#include "rules/azr/flexible_server_zone_ha/flexible_server_zone_ha.h"
#include "rules/azr/redis_basic_tier/redis_basic_tier.h"
#include "rules/azr/redis_zone_redundancy/redis_zone_redundancy.h"
#include "rules/azr/sql_database_zone_redundancy/sql_database_zone_redundancy.h"
#include "rules/gcp/cloudsql_zonal/cloudsql_zonal.h"
#include "rules/gcp/gke_zonal_cluster/gke_zonal_cluster.h"
#include "rules/gcp/redis_basic_tier/redis_basic_tier.h"
#include "rules/iam/gcp_public_member/gcp_public_member.h"
#include "rules/iam/notaction_allow/notaction_allow.h"
#include "rules/iam/wildcard_action/wildcard_action.h"
#include "rules/iam/wildcard_principal/wildcard_principal.h"
#include "rules/iam/wildcard_resource/wildcard_resource.h"
#include "rules/k8s/cluster_admin_binding/cluster_admin_binding.h"
#include "rules/k8s/host_namespace/host_namespace.h"
#include "rules/k8s/host_path_volume/host_path_volume.h"
#include "rules/k8s/hpa_min_replicas/hpa_min_replicas.h"
#include "rules/k8s/image_latest_tag/image_latest_tag.h"
#include "rules/k8s/liveness_equals_readiness/liveness_equals_readiness.h"
#include "rules/k8s/missing_liveness_probe/missing_liveness_probe.h"
#include "rules/k8s/missing_memory_limit/missing_memory_limit.h"
#include "rules/k8s/missing_pdb/missing_pdb.h"
#include "rules/k8s/missing_readiness_probe/missing_readiness_probe.h"
#include "rules/k8s/missing_requests/missing_requests.h"
#include "rules/k8s/no_anti_affinity/no_anti_affinity.h"
#include "rules/k8s/pdb_blocks_eviction/pdb_blocks_eviction.h"
#include "rules/k8s/pdb_selects_nothing/pdb_selects_nothing.h"
#include "rules/k8s/privilege_escalation/privilege_escalation.h"
#include "rules/k8s/privileged_container/privileged_container.h"
#include "rules/k8s/rbac_wildcard/rbac_wildcard.h"
#include "rules/k8s/rolling_update_all_unavailable/rolling_update_all_unavailable.h"
#include "rules/k8s/run_as_root/run_as_root.h"
#include "rules/k8s/service_selector_no_match/service_selector_no_match.h"
#include "rules/k8s/single_replica/single_replica.h"
#include "rules/k8s/zero_termination_grace/zero_termination_grace.h"
#include "rules/net/public_admin_ingress/public_admin_ingress.h"
#include "rules/net/public_all_ports_ingress/public_all_ports_ingress.h"
#include "rules/net/public_database_ingress/public_database_ingress.h"
#include "rules/secrets/hcl_hardcoded_attribute/hcl_hardcoded_attribute.h"
#include "rules/secrets/k8s_env_literal/k8s_env_literal.h"
#include "rules/secrets/k8s_secret_manifest/k8s_secret_manifest.h"
#include "rules/secrets/provider_credentials/provider_credentials.h"
#include "rules/secrets/state_file/state_file.h"
#include "rules/secrets/variable_default/variable_default.h"

namespace faultline::rules {

engine::RuleList CreateAllRules() {
  engine::RuleList rules;
  rules.push_back(std::make_unique<AsgServiceCapacityRule>());     // aws/asg_service_capacity
  rules.push_back(std::make_unique<AsgSingleAzRule>());            // aws/asg_single_az
  rules.push_back(std::make_unique<AuroraSingleAzRule>());         // aws/aurora_single_az
  rules.push_back(std::make_unique<DbSubnetGroupSingleAzRule>());  // aws/db_subnet_group_single_az
  rules.push_back(std::make_unique<DynamodbDeletionProtectionRule>()); // aws/dynamodb_deletion_protection
  rules.push_back(std::make_unique<DynamodbPitrRule>());           // aws/dynamodb_pitr
  rules.push_back(std::make_unique<EfsOneZoneRule>());             // aws/efs_one_zone
  rules.push_back(std::make_unique<EksNodeGroupSingleAzRule>());   // aws/eks_node_group_single_az
  rules.push_back(std::make_unique<ElasticacheClusterSingleAzRule>()); // aws/elasticache_cluster_single_az
  rules.push_back(std::make_unique<ElasticacheFailoverRule>());    // aws/elasticache_failover
  rules.push_back(std::make_unique<LbSingleAzRule>());             // aws/lb_single_az
  rules.push_back(std::make_unique<MqSingleInstanceRule>());       // aws/mq_single_instance
  rules.push_back(std::make_unique<MskSingleAzRule>());            // aws/msk_single_az
  rules.push_back(std::make_unique<OpensearchSingleAzRule>());     // aws/opensearch_single_az
  rules.push_back(std::make_unique<RdsBackupRetentionRule>());     // aws/rds_backup_retention
  rules.push_back(std::make_unique<RdsDeletionProtectionRule>());  // aws/rds_deletion_protection
  rules.push_back(std::make_unique<RdsSingleAzRule>());            // aws/rds_single_az
  rules.push_back(std::make_unique<AwsRequiredTagsRule>());        // aws/required_tags
  rules.push_back(std::make_unique<S3StateBucketVersioningRule>()); // aws/s3_state_bucket_versioning
  rules.push_back(std::make_unique<S3VersioningRule>());           // aws/s3_versioning
  rules.push_back(std::make_unique<AzrAksNodePoolZonesRule>());  // azr/aks_node_pool_zones
  rules.push_back(std::make_unique<AzrAseZoneRedundancyRule>());  // azr/ase_zone_redundancy
  rules.push_back(std::make_unique<AzrContainerRegistryZoneRedundancyRule>());  // azr/container_r...
  rules.push_back(std::make_unique<AzrEventhubNamespaceZoneRedundancyRule>());  // azr/eventhub_...
  rules.push_back(std::make_unique<AzrFlexibleServerZoneHaRule>());  // azr/flexible_server_zone_ha
  rules.push_back(std::make_unique<AzrRedisBasicTierRule>());  // azr/redis_basic_tier
  rules.push_back(std::make_unique<AzrRedisZoneRedundancyRule>());  // azr/redis_zone_redundancy
  rules.push_back(std::make_unique<AzrSqlDatabaseZoneRedundancyRule>());  // azr/sql_database_zone...
  rules.push_back(std::make_unique<GcpCloudsqlZonalRule>());  // gcp/cloudsql_zonal
  rules.push_back(std::make_unique<GcpGkeZonalClusterRule>());  // gcp/gke_zonal_cluster
  rules.push_back(std::make_unique<GcpRedisBasicTierRule>());  // gcp/redis_basic_tier
  rules.push_back(std::make_unique<IamGcpPublicMemberRule>());     // iam/gcp_public_member
  rules.push_back(std::make_unique<IamNotactionAllowRule>());      // iam/notaction_allow
  rules.push_back(std::make_unique<IamWildcardActionRule>());      // iam/wildcard_action
  rules.push_back(std::make_unique<IamWildcardPrincipalRule>());   // iam/wildcard_principal
  rules.push_back(std::make_unique<IamWildcardResourceRule>());    // iam/wildcard_resource
  rules.push_back(std::make_unique<ClusterAdminBindingRule>());    // k8s/cluster_admin_binding
  rules.push_back(std::make_unique<HostNamespaceRule>());          // k8s/host_namespace
  rules.push_back(std::make_unique<HostPathVolumeRule>());         // k8s/host_path_volume
  rules.push_back(std::make_unique<HpaMinReplicasRule>());         // k8s/hpa_min_replicas
  rules.push_back(std::make_unique<ImageLatestTagRule>());         // k8s/image_latest_tag
  rules.push_back(std::make_unique<LivenessEqualsReadinessRule>());  // k8s/liveness_equals_...
  rules.push_back(std::make_unique<MissingLivenessProbeRule>());   // k8s/missing_liveness_probe
  rules.push_back(std::make_unique<MissingMemoryLimitRule>());     // k8s/missing_memory_limit
  rules.push_back(std::make_unique<MissingPdbRule>());             // k8s/missing_pdb
  rules.push_back(std::make_unique<MissingReadinessProbeRule>());  // k8s/missing_readiness_probe
  rules.push_back(std::make_unique<MissingRequestsRule>());        // k8s/missing_requests
  rules.push_back(std::make_unique<NoAntiAffinityRule>());         // k8s/no_anti_affinity
  rules.push_back(std::make_unique<PdbBlocksEvictionRule>());      // k8s/pdb_blocks_eviction
  rules.push_back(std::make_unique<PdbSelectsNothingRule>());      // k8s/pdb_selects_nothing
  rules.push_back(std::make_unique<PrivilegeEscalationRule>());    // k8s/privilege_escalation
  rules.push_back(std::make_unique<PrivilegedContainerRule>());    // k8s/privileged_container
  rules.push_back(std::make_unique<RbacWildcardRule>());           // k8s/rbac_wildcard
  rules.push_back(std::make_unique<RollingUpdateAllUnavailableRule>());  // k8s/rolling_update_...
  rules.push_back(std::make_unique<RunAsRootRule>());              // k8s/run_as_root
  rules.push_back(std::make_unique<ServiceSelectorNoMatchRule>());  // k8s/service_selector_...
  rules.push_back(std::make_unique<SingleReplicaRule>());          // k8s/single_replica
  rules.push_back(std::make_unique<ZeroTerminationGraceRule>());   // k8s/zero_termination_grace
  rules.push_back(std::make_unique<PublicAdminIngressRule>());     // net/public_admin_ingress
  rules.push_back(std::make_unique<PublicAllPortsIngressRule>());  // net/public_all_ports_ingress
  rules.push_back(std::make_unique<PublicDatabaseIngressRule>());  // net/public_database_ingress
  rules.push_back(std::make_unique<HclHardcodedAttributeRule>());  // secrets/hcl_hardcoded_attribute
  rules.push_back(std::make_unique<K8sEnvLiteralRule>());          // secrets/k8s_env_literal
  rules.push_back(std::make_unique<K8sSecretManifestRule>());      // secrets/k8s_secret_manifest
  rules.push_back(std::make_unique<ProviderCredentialsRule>());    // secrets/provider_credentials
  rules.push_back(std::make_unique<StateFileRule>());              // secrets/state_file
  rules.push_back(std::make_unique<VariableDefaultRule>());        // secrets/variable_default
  return rules;
}

}  // namespace faultline::rules
