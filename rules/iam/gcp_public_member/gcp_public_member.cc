#include "rules/iam/gcp_public_member/gcp_public_member.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/helpers/iam_policy.h"
#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

constexpr std::string_view kPolicyData = "google_iam_policy";

// Resources with IAM of their own: google_<base>_iam_member / _iam_binding / _iam_policy.
constexpr std::string_view kIamBases[] = {
    "artifact_registry_repository",
    "bigquery_dataset",
    "bigquery_table",
    "bigtable_instance",
    "bigtable_table",
    "billing_account",
    "cloud_run_service",
    "cloud_run_v2_job",
    "cloud_run_v2_service",
    "cloud_tasks_queue",
    "cloudfunctions2_function",
    "cloudfunctions_function",
    "compute_disk",
    "compute_image",
    "compute_instance",
    "compute_subnetwork",
    "container_analysis_note",
    "data_catalog_entry_group",
    "dataproc_cluster",
    "dataproc_job",
    "endpoints_service",
    "folder",
    "healthcare_dataset",
    "iap_web",
    "iap_web_backend_service",
    "kms_crypto_key",
    "kms_key_ring",
    "notebooks_instance",
    "organization",
    "project",
    "pubsub_subscription",
    "pubsub_topic",
    "secret_manager_secret",
    "service_account",
    "sourcerepo_repository",
    "spanner_database",
    "spanner_instance",
    "storage_bucket",
    "storage_managed_folder",
    "workbench_instance",
};

constexpr std::string_view kAclTypes[] = {
    "google_bigquery_dataset",
    "google_bigquery_dataset_access",
    "google_storage_bucket_access_control",
    "google_storage_bucket_acl",
    "google_storage_default_object_access_control",
    "google_storage_default_object_acl",
    "google_storage_object_access_control",
    "google_storage_object_acl",
};

std::vector<std::string> ScopeTypes() {
  std::vector<std::string> types;
  for (std::string_view base : kIamBases) {
    for (const char* suffix : {"_iam_binding", "_iam_member", "_iam_policy"}) {
      types.push_back("google_" + std::string(base) + suffix);
    }
  }
  for (std::string_view type : kAclTypes) types.emplace_back(type);
  types.emplace_back(kPolicyData);
  return types;
}

// The public member named by `text` ("allUsers", "READER:allUsers"); nullopt for others.
std::optional<std::string> PublicMember(std::string_view text) {
  size_t colon = text.rfind(':');
  std::string_view entity = colon == std::string_view::npos ? text : text.substr(colon + 1);
  if (entity == "allUsers" || entity == "allAuthenticatedUsers") return std::string(entity);
  return std::nullopt;
}

std::string Audience(const std::string& member) {
  return member == "allUsers" ? "anyone on the internet (allUsers)"
                              : "anyone with a Google account (allAuthenticatedUsers)";
}

std::string RoleText(const engine::Value* role) {
  std::optional<std::string> name = KnownString(role);
  return name.has_value() ? "grants " + *name + " to " : "grants access to ";
}

// The first public member of a string or list value.
std::optional<std::string> FirstPublic(const engine::Value* members) {
  if (members == nullptr) return std::nullopt;
  if (members->is_string()) return PublicMember(members->as_string());
  if (!members->is_list()) return std::nullopt;
  for (const engine::Value& member : members->as_list()) {
    if (!member.is_string()) continue;
    if (auto found = PublicMember(member.as_string())) return found;
  }
  return std::nullopt;
}

// Binding blocks of a data "google_iam_policy": (path, role, members/member value).
void CheckPolicyDataSource(const engine::Resource& data, const std::string& subject,
                           const std::string& path_prefix, engine::FindingSink& sink,
                           const engine::Value* report_at) {
  const engine::Value* bindings = data.Get("binding");
  if (bindings == nullptr || !bindings->is_list()) return;
  const engine::ValueList& list = bindings->as_list();
  for (size_t i = 0; i < list.size(); ++i) {
    for (const char* key : {"members", "member"}) {
      const engine::Value* members = list[i].Get(key);
      std::optional<std::string> found = FirstPublic(members);
      if (!found.has_value()) continue;
      std::string path =
          path_prefix.empty() ? "binding[" + std::to_string(i) + "]." + key : path_prefix;
      sink.Report(path, report_at != nullptr ? report_at : members,
                  subject + " " + RoleText(list[i].Get("role")) + Audience(*found));
    }
  }
}

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-IAM-0005";
  m.name = "iam-gcp-public-member";
  m.severity = engine::Severity::kHigh;
  m.title = "GCP resource granted to allUsers or allAuthenticatedUsers";
  m.summary =
      "A GCP IAM grant or ACL gives access to `allUsers` (anyone on the internet) or "
      "`allAuthenticatedUsers` (anyone with a Google account).";
  m.why =
      "`allUsers` makes the resource public and `allAuthenticatedUsers` is hardly narrower: any "
      "of billions of Google accounts qualifies. Public buckets, datasets, keys and images are "
      "found by scanners and leak data, or, for write roles, let anyone change or delete it.";
  m.remediation =
      "Grant the role to the groups, service accounts or domains that need it (`group:`, "
      "`serviceAccount:`, `domain:`). For content that must be public, serve it through a CDN or "
      "a load balancer with a dedicated bucket, and enable public access prevention on every "
      "other bucket.";
  m.example_fix =
      "resource \"google_storage_bucket_iam_member\" \"readers\" {\n"
      "  bucket = google_storage_bucket.reports.name\n"
      "  role   = \"roles/storage.objectViewer\"\n"
      "  member = \"group:analysts@example.com\"\n"
      "}\n";
  m.references = {
      "https://cloud.google.com/iam/docs/principals-overview#all-users",
      "https://cloud.google.com/storage/docs/public-access-prevention",
  };
  m.peers = {
      {"checkov", "CKV_GCP_28"},
      {"checkov", "CKV_GCP_98"},
      {"checkov", "CKV_GCP_100"},
      {"checkov", "CKV_GCP_101"},
      {"checkov", "CKV_GCP_102"},
      {"checkov", "CKV_GCP_113"},
      {"checkov", "CKV2_GCP_6"},
      {"checkov", "CKV2_GCP_8"},
      {"trivy", "AVD-GCP-0001"},
      {"trivy", "AVD-GCP-0046"},
      {"kics",
       "Cloud Storage Bucket Is Publicly Accessible (c010082c-76e0-4b91-91d9-6e8439e455dd)"},
      {"kics", "BigQuery Dataset Is Public (e576ce44-dd03-4022-a8c0-3906acca2ab4)"},
      {"kics", "KMS Crypto Key is Publicly Accessible (16cc87d1-dd47-4f46-b3ce-4dfcac8fd2f5)"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged, engine::ResourceKind::kData};
  m.scope.types = ScopeTypes();
  return m;
}

}  // namespace

const engine::RuleMetadata& IamGcpPublicMemberRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void IamGcpPublicMemberRule::Check(const engine::RuleContext& context,
                                   engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  const std::string& type = resource.type;
  if (resource.kind == engine::ResourceKind::kData) {
    if (type != kPolicyData) return;
    // Reported where it is applied, when a policy resource applies it.
    for (const engine::Edge& edge : context.graph.InEdges(resource.id)) {
      if (edge.kind != engine::EdgeKind::kReferences) continue;
      const engine::Resource& user = context.graph.resource(edge.from);
      if (user.kind == engine::ResourceKind::kManaged && user.type.ends_with("_iam_policy")) {
        return;
      }
    }
    CheckPolicyDataSource(resource, label, "", sink, nullptr);
    return;
  }
  if (type.ends_with("_iam_member") || type.ends_with("_iam_binding")) {
    for (const char* key : {"member", "members"}) {
      const engine::Value* members = resource.Get(key);
      if (auto found = FirstPublic(members)) {
        sink.Report(key, members, label + " " + RoleText(resource.Get("role")) + Audience(*found));
      }
    }
    return;
  }
  if (type.ends_with("_iam_policy")) {
    const engine::Value* policy_data = resource.Get("policy_data");
    if (policy_data == nullptr) return;
    for (const engine::GcpBindingMember& grant : engine::GcpPolicyMembers(*policy_data)) {
      if (auto found = PublicMember(grant.member)) {
        sink.Report("policy_data", policy_data,
                    label + " grants " + (grant.role.empty() ? "access" : grant.role) + " to " +
                        Audience(*found));
        return;
      }
    }
    for (const engine::Resource* data :
         context.graph.Targets(resource.id, engine::EdgeKind::kReferences, kPolicyData)) {
      if (data->kind != engine::ResourceKind::kData) continue;
      CheckPolicyDataSource(*data, label + " (through " + ResourceLabel(*data) + ")", "policy_data",
                            sink, policy_data);
    }
    return;
  }
  if (type == "google_bigquery_dataset") {
    const engine::Value* access = resource.Get("access");
    if (access == nullptr || !access->is_list()) return;
    const engine::ValueList& blocks = access->as_list();
    for (size_t i = 0; i < blocks.size(); ++i) {
      for (const char* key : {"special_group", "iam_member"}) {
        const engine::Value* member = blocks[i].Get(key);
        if (auto found = FirstPublic(member)) {
          sink.Report("access[" + std::to_string(i) + "]." + key, member,
                      label + " " + RoleText(blocks[i].Get("role")) + Audience(*found));
        }
      }
    }
    return;
  }
  for (const char* key : {"special_group", "iam_member", "entity", "role_entity"}) {
    const engine::Value* member = resource.Get(key);
    if (auto found = FirstPublic(member)) {
      sink.Report(key, member, label + " " + RoleText(resource.Get("role")) + Audience(*found));
    }
  }
}

}  // namespace faultline::rules
