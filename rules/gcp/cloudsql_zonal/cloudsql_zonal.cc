#include "rules/gcp/cloudsql_zonal/cloudsql_zonal.h"

#include <optional>
#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-GCP-0001";
  m.name = "gcp-cloudsql-zonal";
  m.severity = engine::Severity::kHigh;
  m.title = "Cloud SQL instance is zonal";
  m.summary =
      "A primary Cloud SQL instance runs in one zone (`settings.availability_type` is "
      "\"ZONAL\" or not set, which defaults to ZONAL).";
  m.why =
      "A zonal instance has no standby: a zone outage or a host failure takes the "
      "database down until Google recreates it, and maintenance restarts it in place. "
      "`availability_type` defaults to ZONAL, so an instance that does not set it has "
      "no failover.";
  m.remediation =
      "Set `settings.availability_type = \"REGIONAL\"` so that Cloud SQL keeps a "
      "synchronous standby in a second zone of the region and fails over to it "
      "automatically. Regional availability requires binary logging (MySQL) or "
      "point-in-time recovery (PostgreSQL) to be enabled in the backup configuration.";
  m.example_fix =
      "resource \"google_sql_database_instance\" \"main\" {\n"
      "  database_version = \"POSTGRES_15\"\n"
      "  region           = \"us-central1\"\n"
      "  settings {\n"
      "    tier              = \"db-custom-2-7680\"\n"
      "    availability_type = \"REGIONAL\"\n"
      "    backup_configuration {\n"
      "      enabled                        = true\n"
      "      point_in_time_recovery_enabled = true\n"
      "    }\n"
      "  }\n"
      "}\n";
  m.references = {
      "https://cloud.google.com/sql/docs/mysql/high-availability",
      "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/"
      "sql_database_instance",
  };
  m.peers = {
      {"custodian", "ecc-gcp-083-cloud_sql_have_high-availability_zone"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"google_sql_database_instance"};
  return m;
}

}  // namespace

const engine::RuleMetadata& GcpCloudsqlZonalRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void GcpCloudsqlZonalRule::Check(const engine::RuleContext& context,
                                 engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (IsSet(resource.Get("master_instance_name"))) return;  // a read replica
  const engine::Value* settings = resource.Get("settings");
  if (settings == nullptr || !settings->is_list() || settings->as_list().empty()) return;
  const engine::Value& block = settings->as_list().front();
  if (!block.is_map()) return;
  const engine::Value* availability = block.Get("availability_type");
  if (!IsSet(availability)) {
    sink.Report("settings[0]", &block,
                ResourceLabel(resource) +
                    " is zonal: settings.availability_type is not set (defaults to ZONAL)");
    return;
  }
  std::optional<std::string> type = KnownString(availability);
  if (type.has_value() && *type == "ZONAL") {
    sink.Report("settings[0].availability_type", availability,
                ResourceLabel(resource) + " is zonal (availability_type = \"ZONAL\")");
  }
}

}  // namespace faultline::rules
