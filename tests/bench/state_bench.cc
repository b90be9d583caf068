// state_bench: load time, throughput and peak RSS of the Terraform state loader on a large,
// realistic generated state.
//
//   state_bench [--instances N] [--small] [--runs R] [--file PATH] [--keep]
//   state_bench --generate PATH [--instances N] [--small]  (write the state and exit)
//   state_bench --load PATH --mode auto|eager|deferred  (one measurement; used internally)
//   state_bench --scan PATH [--jobs J] [--runs R]  (the path `faultline scan --state` runs)
//   state_bench --load PATH --mode scan|scan-dir|rules|rules-eager [--jobs J]  (one of them)
//
// The generated file is a Terraform state v4 as Terraform writes it (2-space indented JSON,
// attributes sorted), N resource instances (default 100,000) over count/for_each resources,
// some in nested modules, with the attribute shapes of the AWS provider for aws_instance,
// aws_security_group, aws_iam_role (+ policy attachments), aws_route53_record, aws_subnet,
// aws_s3_bucket, aws_db_instance and aws_security_group_rule: unique ids, ARNs and addresses
// per instance, shared values (regions, zones, types, VPC and subnet ids, tags), many nulls and
// empty lists, nested blocks and JSON policy strings. --small generates only the small types
// (policy attachments, security group rules, DNS records): the most instances per megabyte,
// the worst case for memory.
//
// Every measurement runs in a fresh process (this binary re-executed with --load), so peak RSS
// (getrusage ru_maxrss) is that of one load: reading the file into memory (1x the file size),
// the SourceFile line index, and what the loader builds. Modes:
//  - auto: LoadTerraformState(file) with the default StateLimits, which defers the attributes
//    of files over 32 MiB (AttributeLoading::kAuto): addresses, keys, sensitive paths and
//    dependencies are loaded, and LoadStateAttributes decodes a resource's attributes on
//    demand; the time to decode 1,000 resources that way is printed too;
//  - eager: every instance's attributes decoded into engine::Value maps during the load;
//  - deferred: AttributeLoading::kDeferred, whatever the size.
// Prints file MB, read ms (file + SourceFile line index), load ms, MB/s (of the load), heap
// after the load (engine::HeapBytes: in use with glibc malloc, committed with mimalloc), peak
// RSS and RSS / file size. The bar (issue 3): load under 3 s and peak RSS under 2x the file size.
//
// --scan measures what users run, each mode in a fresh process:
//  - scan: engine::Scan with every built-in rule, the file given as --state, secrets off (as
//    `faultline scan --no-secrets --state PATH`; the CLI adds only the report): wall ms, CPU ms
//    (user + system), peak RSS, RSS / file size, findings;
//  - scan-dir: the same with the file found under a scan path (its directory, which should hold
//    nothing else);
//  - rules: the file read as the scan reads it, loaded as LoadState loads it (attributes
//    deferred above 32 MiB), put in a graph and run through RunRules with every built-in rule;
//    prints read, load and rules ms, the findings and a hash of them;
//  - rules-eager: the same with every instance's attributes decoded during the load (what the
//    scan did before issue 3): the findings and their hash must be the same as `rules`.
// --secrets (with --generate) gives every aws_db_instance a password that the state-file secret
// rule (FL-SEC-0074) reports, so that `rules` and `rules-eager` have findings to compare.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/allocator.h"
#include "engine/file_provider.h"
#include "engine/parallel.h"
#include "engine/resource_graph.h"
#include "engine/rule_runner.h"
#include "engine/scan.h"
#include "engine/source_file.h"
#include "engine/text_file.h"
#include "parsers/state/state_loader.h"
#include "rules/registry.h"

namespace {

namespace fs = std::filesystem;
using faultline::engine::SourceFile;
namespace state = faultline::parsers::state;
using Json = nlohmann::ordered_json;

// ---- deterministic generator ----

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t Below(uint64_t n) { return Next() % n; }
  std::string Hex(size_t digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    while (out.size() < digits) {
      uint64_t v = Next();
      for (int i = 0; i < 16 && out.size() < digits; ++i, v >>= 4) out.push_back(kHex[v & 15]);
    }
    return out;
  }
  std::string Upper(size_t n) {
    static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    for (size_t i = 0; i < n; ++i) out.push_back(kChars[Below(32)]);
    return out;
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

bool g_plant_secrets = false;  // --secrets

const std::vector<std::string> kZones = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
const std::vector<std::string> kEnvironments = {"production", "staging", "development"};
const std::vector<std::string> kTeams = {"payments", "search", "platform", "data", "identity"};
const std::string kAccount = "123456789012";
const std::string kRegion = "eu-west-1";

struct World {
  std::vector<std::string> vpcs, subnets, security_groups, amis, zones_ids;
};

World MakeWorld(Rng& rng) {
  World w;
  for (int i = 0; i < 4; ++i) w.vpcs.push_back("vpc-0" + rng.Hex(16));
  for (int i = 0; i < 24; ++i) w.subnets.push_back("subnet-0" + rng.Hex(16));
  for (int i = 0; i < 40; ++i) w.security_groups.push_back("sg-0" + rng.Hex(16));
  for (int i = 0; i < 6; ++i) w.amis.push_back("ami-0" + rng.Hex(16));
  for (int i = 0; i < 3; ++i) w.zones_ids.push_back("Z" + rng.Upper(20));
  return w;
}

Json Tags(Rng& rng, const std::string& name) {
  Json tags = Json::object();
  tags["Environment"] = rng.Pick(kEnvironments);
  tags["ManagedBy"] = "terraform";
  tags["Name"] = name;
  tags["Team"] = rng.Pick(kTeams);
  return tags;
}

std::string PrivateIp(Rng& rng) {
  return "10." + std::to_string(rng.Below(16)) + "." + std::to_string(rng.Below(256)) + "." +
         std::to_string(1 + rng.Below(254));
}

std::string Policy(Rng& rng, const std::string& service) {
  Json doc;
  doc["Version"] = "2012-10-17";
  Json statement;
  statement["Sid"] = "";
  statement["Effect"] = "Allow";
  statement["Principal"] = Json{{"Service", service}};
  statement["Action"] = "sts:AssumeRole";
  if (rng.Below(3) == 0) {
    statement["Condition"] = Json{{"StringEquals", Json{{"aws:SourceAccount", kAccount}}}};
  }
  doc["Statement"] = Json::array({statement});
  return doc.dump();
}

Json Instance(Rng& rng, const World& w, const std::string& name) {
  const std::string id = "i-0" + rng.Hex(16);
  const std::string ip = PrivateIp(rng);
  std::string dns = "ip-" + ip + "." + kRegion + ".compute.internal";
  std::replace(dns.begin(), dns.begin() + static_cast<long>(3 + ip.size()), '.', '-');
  Json a = Json::object();
  a["ami"] = rng.Pick(w.amis);
  a["arn"] = "arn:aws:ec2:" + kRegion + ":" + kAccount + ":instance/" + id;
  a["associate_public_ip_address"] = false;
  a["availability_zone"] = rng.Pick(kZones);
  a["capacity_reservation_specification"] =
      Json::array({Json{{"capacity_reservation_preference", "open"},
                        {"capacity_reservation_target", Json::array()}}});
  a["cpu_core_count"] = 1;
  a["cpu_options"] =
      Json::array({Json{{"amd_sev_snp", ""}, {"core_count", 1}, {"threads_per_core", 2}}});
  a["cpu_threads_per_core"] = 2;
  a["credit_specification"] = Json::array({Json{{"cpu_credits", "unlimited"}}});
  a["disable_api_stop"] = false;
  a["disable_api_termination"] = false;
  a["ebs_block_device"] = Json::array();
  a["ebs_optimized"] = false;
  a["enclave_options"] = Json::array({Json{{"enabled", false}}});
  a["ephemeral_block_device"] = Json::array();
  a["get_password_data"] = false;
  a["hibernation"] = false;
  a["host_id"] = "";
  a["host_resource_group_arn"] = nullptr;
  a["iam_instance_profile"] = name + "-profile";
  a["id"] = id;
  a["instance_initiated_shutdown_behavior"] = "stop";
  a["instance_lifecycle"] = "";
  a["instance_market_options"] = Json::array();
  a["instance_state"] = "running";
  a["instance_type"] = rng.Pick(std::vector<std::string>{"t3.micro", "t3.medium", "m5.large"});
  a["ipv6_address_count"] = 0;
  a["ipv6_addresses"] = Json::array();
  a["key_name"] = "deploy";
  a["launch_template"] = Json::array();
  a["maintenance_options"] = Json::array({Json{{"auto_recovery", "default"}}});
  a["metadata_options"] = Json::array({Json{{"http_endpoint", "enabled"},
                                            {"http_protocol_ipv6", "disabled"},
                                            {"http_put_response_hop_limit", 2},
                                            {"http_tokens", "required"},
                                            {"instance_metadata_tags", "disabled"}}});
  a["monitoring"] = false;
  a["network_interface"] = Json::array();
  a["outpost_arn"] = "";
  a["password_data"] = "";
  a["placement_group"] = "";
  a["placement_partition_number"] = 0;
  a["primary_network_interface_id"] = "eni-0" + rng.Hex(16);
  a["private_dns"] = dns;
  a["private_dns_name_options"] = Json::array({Json{{"enable_resource_name_dns_a_record", false},
                                                    {"enable_resource_name_dns_aaaa_record", false},
                                                    {"hostname_type", "ip-name"}}});
  a["private_ip"] = ip;
  a["public_dns"] = "";
  a["public_ip"] = "";
  a["root_block_device"] = Json::array({Json{
      {"delete_on_termination", true},
      {"device_name", "/dev/xvda"},
      {"encrypted", true},
      {"iops", 3000},
      {"kms_key_id", "arn:aws:kms:" + kRegion + ":" + kAccount + ":key/" + rng.Hex(8) + "-" +
                         rng.Hex(4) + "-" + rng.Hex(4) + "-" + rng.Hex(4) + "-" + rng.Hex(12)},
      {"tags", Json::object()},
      {"throughput", 125},
      {"volume_id", "vol-0" + rng.Hex(16)},
      {"volume_size", 20},
      {"volume_type", "gp3"}}});
  a["secondary_private_ips"] = Json::array();
  a["security_groups"] = Json::array();
  a["source_dest_check"] = true;
  a["spot_instance_request_id"] = "";
  a["subnet_id"] = rng.Pick(w.subnets);
  a["tags"] = Tags(rng, name);
  a["tags_all"] = a["tags"];
  a["tenancy"] = "default";
  a["timeouts"] = nullptr;
  a["user_data"] = rng.Hex(40);
  a["user_data_base64"] = nullptr;
  a["user_data_replace_on_change"] = false;
  a["volume_tags"] = nullptr;
  a["vpc_security_group_ids"] = Json::array({rng.Pick(w.security_groups)});
  return a;
}

Json Rule(Rng& rng, int port, const std::string& cidr) {
  return Json{{"cidr_blocks", Json::array({cidr})},
              {"description", rng.Below(2) ? "" : "from the load balancers"},
              {"from_port", port},
              {"ipv6_cidr_blocks", Json::array()},
              {"prefix_list_ids", Json::array()},
              {"protocol", port == 0 ? "-1" : "tcp"},
              {"security_groups", Json::array()},
              {"self", false},
              {"to_port", port}};
}

Json SecurityGroup(Rng& rng, const World& w, const std::string& name) {
  const std::string id = "sg-0" + rng.Hex(16);
  Json a = Json::object();
  a["arn"] = "arn:aws:ec2:" + kRegion + ":" + kAccount + ":security-group/" + id;
  a["description"] = "Managed by Terraform";
  a["egress"] = Json::array({Rule(rng, 0, "0.0.0.0/0")});
  a["id"] = id;
  Json ingress = Json::array();
  for (int port : {443, 8080, 22}) {
    if (ingress.empty() || rng.Below(2)) ingress.push_back(Rule(rng, port, "10.0.0.0/8"));
  }
  a["ingress"] = ingress;
  a["name"] = name + "-" + rng.Hex(6);
  a["name_prefix"] = "";
  a["owner_id"] = kAccount;
  a["revoke_rules_on_delete"] = false;
  a["tags"] = Tags(rng, name);
  a["tags_all"] = a["tags"];
  a["timeouts"] = nullptr;
  a["vpc_id"] = rng.Pick(w.vpcs);
  return a;
}

Json SecurityGroupRule(Rng& rng, const World& w) {
  Json a = Json::object();
  a["cidr_blocks"] = Json::array({"10.0.0.0/8"});
  a["description"] = "";
  a["from_port"] = 443;
  a["id"] = "sgrule-" + std::to_string(rng.Below(4000000000ull));
  a["ipv6_cidr_blocks"] = nullptr;
  a["prefix_list_ids"] = Json::array();
  a["protocol"] = "tcp";
  a["security_group_id"] = rng.Pick(w.security_groups);
  a["security_group_rule_id"] = "sgr-0" + rng.Hex(16);
  a["self"] = false;
  a["source_security_group_id"] = nullptr;
  a["timeouts"] = nullptr;
  a["to_port"] = 443;
  a["type"] = "ingress";
  return a;
}

Json Role(Rng& rng, const std::string& name) {
  const std::string role = name + "-" + rng.Hex(6);
  Json a = Json::object();
  a["arn"] = "arn:aws:iam::" + kAccount + ":role/" + role;
  a["assume_role_policy"] =
      Policy(rng, rng.Pick(std::vector<std::string>{"ec2.amazonaws.com", "lambda.amazonaws.com",
                                                    "ecs-tasks.amazonaws.com"}));
  a["create_date"] = "2024-0" + std::to_string(1 + rng.Below(9)) + "-1" +
                     std::to_string(rng.Below(10)) + "T10:2" + std::to_string(rng.Below(10)) +
                     ":00Z";
  a["description"] = "";
  a["force_detach_policies"] = false;
  a["id"] = role;
  a["inline_policy"] = Json::array();
  a["managed_policy_arns"] =
      Json::array({"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",
                   "arn:aws:iam::" + kAccount + ":policy/" + name + "-access"});
  a["max_session_duration"] = 3600;
  a["name"] = role;
  a["name_prefix"] = "";
  a["path"] = "/";
  a["permissions_boundary"] = nullptr;
  a["tags"] = Json::object();
  a["tags_all"] = Json::object();
  a["unique_id"] = "AROA" + rng.Upper(17);
  return a;
}

Json PolicyAttachment(Rng& rng, const std::string& name) {
  const std::string role = name + "-" + rng.Hex(6);
  Json a = Json::object();
  a["id"] = role + "-" + rng.Hex(26);
  a["policy_arn"] =
      "arn:aws:iam::aws:policy/" +
      rng.Pick(std::vector<std::string>{"AmazonS3ReadOnlyAccess", "CloudWatchAgentServerPolicy",
                                        "AmazonSSMManagedInstanceCore"});
  a["role"] = role;
  return a;
}

Json Record(Rng& rng, const World& w, const std::string& name) {
  const std::string fqdn = name + "-" + rng.Hex(5) + ".internal.example.com";
  const std::string zone = rng.Pick(w.zones_ids);
  Json a = Json::object();
  a["alias"] = Json::array();
  a["allow_overwrite"] = nullptr;
  a["cidr_routing_policy"] = Json::array();
  a["failover_routing_policy"] = Json::array();
  a["fqdn"] = fqdn;
  a["geolocation_routing_policy"] = Json::array();
  a["geoproximity_routing_policy"] = Json::array();
  a["health_check_id"] = "";
  a["id"] = zone + "_" + fqdn + "_A";
  a["latency_routing_policy"] = Json::array();
  a["multivalue_answer_routing_policy"] = false;
  a["name"] = fqdn;
  a["records"] = Json::array({PrivateIp(rng)});
  a["set_identifier"] = "";
  a["ttl"] = 300;
  a["type"] = "A";
  a["weighted_routing_policy"] = Json::array();
  a["zone_id"] = zone;
  return a;
}

Json Subnet(Rng& rng, const World& w, const std::string& name) {
  const std::string id = "subnet-0" + rng.Hex(16);
  const std::string zone = rng.Pick(kZones);
  Json a = Json::object();
  a["arn"] = "arn:aws:ec2:" + kRegion + ":" + kAccount + ":subnet/" + id;
  a["assign_ipv6_address_on_creation"] = false;
  a["availability_zone"] = zone;
  a["availability_zone_id"] = "euw1-az" + std::to_string(1 + rng.Below(3));
  a["cidr_block"] =
      "10." + std::to_string(rng.Below(256)) + "." + std::to_string(rng.Below(256)) + ".0/24";
  a["customer_owned_ipv4_pool"] = "";
  a["enable_dns64"] = false;
  a["enable_lni_at_device_index"] = 0;
  a["enable_resource_name_dns_a_record_on_launch"] = false;
  a["enable_resource_name_dns_aaaa_record_on_launch"] = false;
  a["id"] = id;
  a["ipv6_cidr_block"] = "";
  a["ipv6_cidr_block_association_id"] = "";
  a["ipv6_native"] = false;
  a["map_customer_owned_ip_on_launch"] = false;
  a["map_public_ip_on_launch"] = false;
  a["outpost_arn"] = "";
  a["owner_id"] = kAccount;
  a["private_dns_hostname_type_on_launch"] = "ip-name";
  a["tags"] = Tags(rng, name);
  a["tags_all"] = a["tags"];
  a["timeouts"] = nullptr;
  a["vpc_id"] = rng.Pick(w.vpcs);
  return a;
}

Json Bucket(Rng& rng, const std::string& name) {
  const std::string bucket = name + "-" + rng.Hex(10);
  Json a = Json::object();
  a["acceleration_status"] = "";
  a["acl"] = nullptr;
  a["arn"] = "arn:aws:s3:::" + bucket;
  a["bucket"] = bucket;
  a["bucket_domain_name"] = bucket + ".s3.amazonaws.com";
  a["bucket_prefix"] = "";
  a["bucket_regional_domain_name"] = bucket + ".s3." + kRegion + ".amazonaws.com";
  a["cors_rule"] = Json::array();
  a["force_destroy"] = false;
  a["grant"] = Json::array({Json{{"id", rng.Hex(64)},
                                 {"permissions", Json::array({"FULL_CONTROL"})},
                                 {"type", "CanonicalUser"},
                                 {"uri", ""}}});
  a["hosted_zone_id"] = "Z1BKCTXD74EZPE";
  a["id"] = bucket;
  a["lifecycle_rule"] = Json::array();
  a["logging"] = Json::array();
  a["object_lock_configuration"] = Json::array();
  a["object_lock_enabled"] = false;
  a["policy"] = "";
  a["region"] = kRegion;
  a["replication_configuration"] = Json::array();
  a["request_payer"] = "BucketOwner";
  a["server_side_encryption_configuration"] = Json::array({Json{
      {"rule", Json::array({Json{
                   {"apply_server_side_encryption_by_default",
                    Json::array({Json{{"kms_master_key_id", ""}, {"sse_algorithm", "AES256"}}})},
                   {"bucket_key_enabled", false}}})}}});
  a["tags"] = Tags(rng, name);
  a["tags_all"] = a["tags"];
  a["timeouts"] = nullptr;
  a["versioning"] = Json::array({Json{{"enabled", rng.Below(2) == 0}, {"mfa_delete", false}}});
  a["website"] = Json::array();
  a["website_domain"] = nullptr;
  a["website_endpoint"] = nullptr;
  return a;
}

Json Database(Rng& rng, const World& w, const std::string& name) {
  const std::string identifier = name + "-" + rng.Hex(6);
  Json a = Json::object();
  a["address"] = identifier + "." + rng.Hex(12) + "." + kRegion + ".rds.amazonaws.com";
  a["allocated_storage"] = 100;
  a["allow_major_version_upgrade"] = nullptr;
  a["apply_immediately"] = false;
  a["arn"] = "arn:aws:rds:" + kRegion + ":" + kAccount + ":db:" + identifier;
  a["auto_minor_version_upgrade"] = true;
  a["availability_zone"] = rng.Pick(kZones);
  a["backup_retention_period"] = 7;
  a["backup_target"] = "region";
  a["backup_window"] = "03:00-04:00";
  a["blue_green_update"] = Json::array();
  a["ca_cert_identifier"] = "rds-ca-rsa2048-g1";
  a["character_set_name"] = "";
  a["copy_tags_to_snapshot"] = true;
  a["custom_iam_instance_profile"] = "";
  a["customer_owned_ip_enabled"] = false;
  a["db_name"] = "app";
  a["db_subnet_group_name"] = name + "-subnets";
  a["delete_automated_backups"] = true;
  a["deletion_protection"] = rng.Below(2) == 0;
  a["domain"] = "";
  a["domain_iam_role_name"] = "";
  a["enabled_cloudwatch_logs_exports"] = Json::array({"postgresql", "upgrade"});
  a["endpoint"] = a["address"].get<std::string>() + ":5432";
  a["engine"] = "postgres";
  a["engine_version"] = "15.4";
  a["engine_version_actual"] = "15.4";
  a["final_snapshot_identifier"] = nullptr;
  a["hosted_zone_id"] = "Z29XKXDKYMONMX";
  a["iam_database_authentication_enabled"] = false;
  a["id"] = "db-" + rng.Upper(26);
  a["identifier"] = identifier;
  a["identifier_prefix"] = "";
  a["instance_class"] = "db.r6g.large";
  a["iops"] = 0;
  a["kms_key_id"] = "arn:aws:kms:" + kRegion + ":" + kAccount + ":key/" + rng.Hex(8) + "-" +
                    rng.Hex(4) + "-" + rng.Hex(4) + "-" + rng.Hex(4) + "-" + rng.Hex(12);
  a["latest_restorable_time"] = "2024-06-01T09:55:00Z";
  a["license_model"] = "postgresql-license";
  a["listener_endpoint"] = Json::array();
  a["maintenance_window"] = "sun:05:00-sun:06:00";
  a["manage_master_user_password"] = nullptr;
  a["master_user_secret"] = Json::array();
  a["master_user_secret_kms_key_id"] = nullptr;
  a["max_allocated_storage"] = 500;
  a["monitoring_interval"] = 60;
  a["monitoring_role_arn"] = "arn:aws:iam::" + kAccount + ":role/rds-monitoring";
  a["multi_az"] = rng.Below(3) != 0;
  a["nchar_character_set_name"] = "";
  a["network_type"] = "IPV4";
  a["option_group_name"] = "default:postgres-15";
  a["parameter_group_name"] = name + "-pg15";
  a["password"] = rng.Hex(24);
  if (g_plant_secrets) a["password"] = "Db-" + name + "-Pw9x";
  a["performance_insights_enabled"] = true;
  a["performance_insights_kms_key_id"] = a["kms_key_id"];
  a["performance_insights_retention_period"] = 7;
  a["port"] = 5432;
  a["publicly_accessible"] = false;
  a["replica_mode"] = "";
  a["replicas"] = Json::array();
  a["replicate_source_db"] = "";
  a["resource_id"] = a["id"];
  a["restore_to_point_in_time"] = Json::array();
  a["s3_import"] = Json::array();
  a["skip_final_snapshot"] = false;
  a["snapshot_identifier"] = nullptr;
  a["status"] = "available";
  a["storage_encrypted"] = true;
  a["storage_throughput"] = 0;
  a["storage_type"] = "gp3";
  a["tags"] = Tags(rng, name);
  a["tags_all"] = a["tags"];
  a["timeouts"] = nullptr;
  a["timezone"] = "";
  a["username"] = "app";
  a["vpc_security_group_ids"] = Json::array({rng.Pick(w.security_groups)});
  return a;
}

// Writes `json` indented by `indent` spaces (dump(2) lays out as Go's json.MarshalIndent).
void WriteIndented(std::ofstream& out, const Json& json, int indent) {
  std::string text = json.dump(2);
  std::string pad(static_cast<size_t>(indent), ' ');
  out << pad;
  for (char c : text) {
    out << c;
    if (c == '\n') out << pad;
  }
}

// `small_only`: only the small resource types (policy attachments, security group rules, DNS
// records), the worst case for memory per file byte.
void Generate(const std::string& path, uint64_t instances, bool small_only) {
  Rng rng(20240601);
  World w = MakeWorld(rng);
  std::ofstream out(path, std::ios::binary);
  out << "{\n  \"version\": 4,\n  \"terraform_version\": \"1.7.5\",\n  \"serial\": 4242,\n"
      << "  \"lineage\": \"" << rng.Hex(8) << "-" << rng.Hex(4) << "-" << rng.Hex(4) << "-"
      << rng.Hex(4) << "-" << rng.Hex(12) << "\",\n  \"outputs\": {},\n  \"resources\": [\n";
  struct Kind {
    const char* type;
    int weight;
  };
  const std::vector<Kind> all_kinds = {{"aws_instance", 14},
                                       {"aws_security_group", 10},
                                       {"aws_security_group_rule", 8},
                                       {"aws_iam_role", 10},
                                       {"aws_iam_role_policy_attachment", 14},
                                       {"aws_route53_record", 20},
                                       {"aws_subnet", 10},
                                       {"aws_s3_bucket", 9},
                                       {"aws_db_instance", 5}};
  const std::vector<Kind> small_kinds = {{"aws_security_group_rule", 1},
                                         {"aws_iam_role_policy_attachment", 1},
                                         {"aws_route53_record", 1}};
  const std::vector<Kind>& kinds = small_only ? small_kinds : all_kinds;
  int total_weight = 0;
  for (const Kind& k : kinds) total_weight += k.weight;
  const std::vector<std::string> modules = {"",
                                            "",
                                            "",
                                            "module.network",
                                            "module.app[\"eu\"]",
                                            "module.app[\"us\"].module.workers",
                                            "module.data[0]"};
  uint64_t written = 0;
  int block = 0;
  while (written < instances) {
    int pick = static_cast<int>(rng.Below(static_cast<uint64_t>(total_weight)));
    const Kind* kind = &kinds[0];
    for (const Kind& k : kinds) {
      if (pick < k.weight) {
        kind = &k;
        break;
      }
      pick -= k.weight;
    }
    const std::string type = kind->type;
    std::string name = "r";  // (not "r" + ...: GCC 12 warns falsely, -Wrestrict, PR 105329)
    name += std::to_string(block++);
    const std::string& module = rng.Pick(modules);
    uint64_t count = std::min<uint64_t>(1 + rng.Below(20), instances - written);
    const bool for_each = rng.Below(3) == 0;
    Json resource;
    if (!module.empty()) resource["module"] = module;
    resource["mode"] = "managed";
    resource["type"] = type;
    resource["name"] = name;
    resource["provider"] = "provider[\"registry.terraform.io/hashicorp/aws\"]";
    if (written > 0) out << ",\n";
    // Everything up to the instances array, then the instances one by one.
    std::string head = resource.dump(2);
    head.pop_back();  // '}'
    while (!head.empty() && (head.back() == '\n' || head.back() == ' ')) head.pop_back();
    std::string pad = "    ";
    out << pad;
    for (char c : head) {
      out << c;
      if (c == '\n') out << pad;
    }
    out << ",\n      \"instances\": [\n";
    for (uint64_t i = 0; i < count; ++i) {
      const std::string instance_name = name + "-" + std::to_string(i);
      Json attributes;
      if (type == "aws_instance") {
        attributes = Instance(rng, w, instance_name);
      } else if (type == "aws_security_group") {
        attributes = SecurityGroup(rng, w, instance_name);
      } else if (type == "aws_security_group_rule") {
        attributes = SecurityGroupRule(rng, w);
      } else if (type == "aws_iam_role") {
        attributes = Role(rng, instance_name);
      } else if (type == "aws_iam_role_policy_attachment") {
        attributes = PolicyAttachment(rng, instance_name);
      } else if (type == "aws_route53_record") {
        attributes = Record(rng, w, instance_name);
      } else if (type == "aws_subnet") {
        attributes = Subnet(rng, w, instance_name);
      } else if (type == "aws_s3_bucket") {
        attributes = Bucket(rng, instance_name);
      } else {
        attributes = Database(rng, w, instance_name);
      }
      Json instance;
      if (for_each) {
        instance["index_key"] = rng.Pick(kTeams) + "-" + std::to_string(i);
      } else {
        instance["index_key"] = i;
      }
      instance["schema_version"] = type == "aws_instance" ? 1 : 0;
      instance["attributes"] = std::move(attributes);
      Json sensitive = Json::array();
      if (type == "aws_db_instance") {
        sensitive.push_back(Json::array({Json{{"type", "get_attr"}, {"value", "password"}}}));
      }
      instance["sensitive_attributes"] = sensitive;
      instance["private"] = "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==";
      if (rng.Below(2)) {
        instance["dependencies"] = Json::array({"aws_iam_role.r" + std::to_string(rng.Below(50)),
                                                "aws_subnet.r" + std::to_string(rng.Below(50))});
      }
      if (i > 0) out << ",\n";
      WriteIndented(out, instance, 8);
      ++written;
    }
    out << "\n      ]\n    }";
  }
  out << "\n  ],\n  \"check_results\": null\n}\n";
}

// ---- one measurement (child process) ----

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

int LoadOnce(const std::string& path, const std::string& mode) {
  auto t0 = std::chrono::steady_clock::now();
  std::string text;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      std::perror(path.c_str());
      return 1;
    }
    text.resize(fs::file_size(path));
    size_t got = std::fread(text.data(), 1, text.size(), f);
    std::fclose(f);
    text.resize(got);
  }
  SourceFile file(path, std::move(text));
  auto t1 = std::chrono::steady_clock::now();
  state::StateLimits limits;  // "auto": the defaults, as LoadTerraformState(file) loads
  if (mode == "eager") limits.attributes = state::AttributeLoading::kEager;
  if (mode == "deferred") limits.attributes = state::AttributeLoading::kDeferred;
  state::StateLoadResult result = state::LoadTerraformState(file, limits);
  auto t2 = std::chrono::steady_clock::now();
  double decode_ms = 0;
  size_t decoded = 0;
  if (result.attributes_deferred && !result.resources.empty()) {
    auto d0 = std::chrono::steady_clock::now();
    const size_t step = std::max<size_t>(1, result.resources.size() / 1000);
    for (size_t i = 0; i < result.resources.size(); i += step) {
      decoded += state::LoadStateAttributes(file, result.format, result.resources[i]).size();
    }
    decode_ms = Ms(d0, std::chrono::steady_clock::now());
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const uint64_t heap = faultline::engine::HeapBytes();
  std::printf("%zu %zu %.1f %.1f %ld %zu %zu %.1f %zu\n", static_cast<size_t>(file.size()),
              result.resources.size(), Ms(t0, t1), Ms(t1, t2), usage.ru_maxrss,
              static_cast<size_t>(heap), result.diagnostics.size(), decode_ms, decoded);
  std::fflush(stdout);
  _exit(0);  // the measurement is taken; tearing down a GB of values would only cost time
}

// ---- the scan path (child process) ----

double CpuMs() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

long PeakRssKb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// FNV-1a over what a report shows of each finding.
uint64_t HashFindings(const std::vector<faultline::engine::Finding>& findings) {
  uint64_t h = 14695981039346656037ull;
  auto add = [&](std::string_view text) {
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  for (const faultline::engine::Finding& f : findings) {
    add(f.rule_id);
    add(f.message);
    add(f.resource_address);
    add(f.attribute_path);
    add(std::to_string(f.range.begin) + ":" + std::to_string(f.range.end));
  }
  return h;
}

// Prints: file bytes, wall ms, cpu ms, peak RSS KB, findings, hash, read ms, load ms, rules ms.
int ScanOnce(const std::string& path, const std::string& mode, int jobs) {
  namespace engine = faultline::engine;
  auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = CpuMs();
  engine::RuleList rules = faultline::rules::CreateAllRules();
  engine::DiskFileProvider files;
  engine::Limits limits;
  limits.max_file_bytes = 1ull << 40;
  uint64_t size = fs::file_size(path);
  std::vector<engine::Finding> findings;
  double read_ms = 0, load_ms = 0, rules_ms = 0;
  if (mode == "scan" || mode == "scan-dir") {
    engine::ScanOptions options;
    if (mode == "scan") {
      options.state_paths = {path};
    } else {
      options.paths = {fs::path(path).parent_path().string()};
    }
    options.jobs = jobs;
    options.limits = limits;
    options.scan_secrets = false;
    engine::ScanResult result = engine::Scan(options, files, rules);
    findings = std::move(result.findings);
  } else {
    std::unique_ptr<SourceFile> source;
    if (!engine::ReadTextFile(path, files, limits, &source, &findings)) return 1;
    auto t1 = std::chrono::steady_clock::now();
    state::StateLimits state_limits;  // as engine/document_inputs.cc LoadState loads
    if (mode == "rules-eager") state_limits.attributes = state::AttributeLoading::kEager;
    state::StateLoadResult loaded = state::LoadTerraformState(*source, state_limits);
    engine::ResourceGraph graph;
    graph.Reserve(loaded.resources.size());
    for (engine::Resource& r : loaded.resources) {
      r.module_dir = fs::path(path).parent_path().string();
      graph.Add(std::move(r));
    }
    loaded = {};
    graph.Finalize();
    auto t2 = std::chrono::steady_clock::now();
    std::vector<const engine::Rule*> enabled;
    for (const auto& rule : rules) enabled.push_back(rule.get());
    findings = engine::RunRules(graph, enabled, engine::ResolveJobs(jobs));
    std::sort(findings.begin(), findings.end(), engine::FindingLess);
    auto t3 = std::chrono::steady_clock::now();
    read_ms = Ms(t0, t1);
    load_ms = Ms(t1, t2);
    rules_ms = Ms(t2, t3);
  }
  const double wall_ms = Ms(t0, std::chrono::steady_clock::now());
  std::printf("%llu %.1f %.1f %ld %zu %016llx %.1f %.1f %.1f\n",
              static_cast<unsigned long long>(size), wall_ms, CpuMs() - cpu0, PeakRssKb(),
              findings.size(), static_cast<unsigned long long>(HashFindings(findings)), read_ms,
              load_ms, rules_ms);
  std::fflush(stdout);
  _exit(0);
}

int MeasureScan(const std::string& self, const std::string& path, int jobs, int runs) {
  std::printf("%-12s %8s %9s %9s %9s %9s %9s %9s %9s %s\n", "mode", "file MB", "wall ms", "cpu ms",
              "read ms", "load ms", "rules ms", "peak MB", "RSS/size", "findings (hash)");
  int failures = 0;
  std::map<std::string, std::string> hashes;  // by mode
  for (const std::string mode : {"scan", "scan-dir", "rules", "rules-eager"}) {
    struct Row {
      double wall = 0, cpu = 0, read = 0, load = 0, rules = 0;
      long rss_kb = 0;
      size_t findings = 0;
      unsigned long long hash = 0;
    };
    std::vector<Row> all;
    unsigned long long size = 0;
    for (int r = 0; r < runs; ++r) {
      std::string command =
          "'" + self + "' --load '" + path + "' --mode " + mode + " --jobs " + std::to_string(jobs);
      FILE* pipe = popen(command.c_str(), "r");
      if (pipe == nullptr) return 1;
      Row row;
      int fields =
          std::fscanf(pipe, "%llu %lf %lf %ld %zu %llx %lf %lf %lf", &size, &row.wall, &row.cpu,
                      &row.rss_kb, &row.findings, &row.hash, &row.read, &row.load, &row.rules);
      if (pclose(pipe) != 0 || fields != 9) {
        std::fprintf(stderr, "measurement failed (%s)\n", mode.c_str());
        ++failures;
        continue;
      }
      all.push_back(row);
    }
    if (all.empty()) continue;
    std::sort(all.begin(), all.end(), [](const Row& a, const Row& b) { return a.cpu < b.cpu; });
    const Row& med = all[all.size() / 2];
    const double file_mb = size / 1e6, rss_mb = med.rss_kb * 1024 / 1e6;
    char hash[32];
    std::snprintf(hash, sizeof(hash), "%016llx", med.hash);
    std::printf("%-12s %8.1f %9.0f %9.0f %9.0f %9.0f %9.0f %9.1f %9.2f %zu (%s)\n", mode.c_str(),
                file_mb, med.wall, med.cpu, med.read, med.load, med.rules, rss_mb, rss_mb / file_mb,
                med.findings, hash);
    hashes[mode] = hash;
  }
  std::printf(
      "(median by CPU time of %d fresh processes, --jobs %d; scan = engine::Scan with --state "
      "and secrets off; read/load/rules ms are shown for the rules modes)\n",
      runs, jobs);
  if (hashes["rules"] != hashes["rules-eager"]) {
    std::fprintf(stderr, "deferred and eager findings differ\n");
    ++failures;
  }
  if (hashes["scan"] != hashes["scan-dir"]) {
    std::fprintf(stderr, "--state and scan-path findings differ\n");
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}

// ---- driver ----

struct Measurement {
  double file_mb = 0, read_ms = 0, load_ms = 0, rss_mb = 0, heap_mb = 0, decode_ms = 0;
  size_t resources = 0, diagnostics = 0;
};

bool Measure(const std::string& self, const std::string& path, const std::string& mode,
             Measurement* m) {
  std::string command = "'" + self + "' --load '" + path + "' --mode " + mode;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  size_t size = 0, resources = 0, heap = 0, diagnostics = 0, decoded = 0;
  long rss_kb = 0;
  double read_ms = 0, load_ms = 0, decode_ms = 0;
  int fields = std::fscanf(pipe, "%zu %zu %lf %lf %ld %zu %zu %lf %zu", &size, &resources, &read_ms,
                           &load_ms, &rss_kb, &heap, &diagnostics, &decode_ms, &decoded);
  int status = pclose(pipe);
  if (fields != 9 || status != 0) return false;
  m->file_mb = size / 1e6;
  m->read_ms = read_ms;
  m->load_ms = load_ms;
  m->rss_mb = rss_kb * 1024 / 1e6;
  m->heap_mb = heap / 1e6;
  m->decode_ms = decode_ms;
  m->resources = resources;
  m->diagnostics = diagnostics;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t instances = 100000;
  int runs = 3;
  std::string file, load, mode = "auto", generate;
  bool keep = false, small = false;
  std::string scan;
  int jobs = 2;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--instances") {
      instances = std::stoull(next());
    } else if (arg == "--runs") {
      runs = std::stoi(next());
    } else if (arg == "--file") {
      file = next();
    } else if (arg == "--small") {
      small = true;
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--load") {
      load = next();
    } else if (arg == "--mode") {
      mode = next();
    } else if (arg == "--generate") {
      generate = next();
    } else if (arg == "--scan") {
      scan = next();
    } else if (arg == "--jobs") {
      jobs = std::stoi(next());
    } else if (arg == "--secrets") {
      g_plant_secrets = true;
    } else {
      std::fprintf(stderr, "unknown argument %s (see the comment at the top of state_bench.cc)\n",
                   arg.c_str());
      return 2;
    }
  }
  if (!load.empty()) {
    if (mode == "scan" || mode == "scan-dir" || mode == "rules" || mode == "rules-eager") {
      return ScanOnce(load, mode, jobs);
    }
    return LoadOnce(load, mode);
  }
  if (!generate.empty()) {
    Generate(generate, instances, small);
    return 0;
  }

  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0) return 1;
  self[n] = '\0';
  if (!scan.empty()) return MeasureScan(self, scan, jobs, runs);
  bool generated = false;
  if (file.empty()) {
    file = (fs::temp_directory_path() /
            ("faultline_state_bench_" + std::to_string(getpid()) + ".tfstate"))
               .string();
  }
  if (!fs::exists(file)) {
    auto g0 = std::chrono::steady_clock::now();
    Generate(file, instances, small);
    generated = true;
    std::printf("generated %s: %llu instances, %.1f MB in %.0f ms\n", file.c_str(),
                static_cast<unsigned long long>(instances), fs::file_size(file) / 1e6,
                Ms(g0, std::chrono::steady_clock::now()));
  }
  std::printf("%-9s %8s %9s %9s %8s %10s %9s %9s %10s %s\n", "mode", "file MB", "read ms",
              "load ms", "MB/s", "resources", "heap MB", "peak MB", "RSS/size", "decode 1000 ms");
  int failures = 0;
  for (const std::string m : {"auto", "eager"}) {
    std::vector<Measurement> all;
    for (int r = 0; r < runs; ++r) {
      Measurement one;
      if (!Measure(self, file, m, &one)) {
        std::fprintf(stderr, "measurement failed (%s)\n", m.c_str());
        ++failures;
        continue;
      }
      all.push_back(one);
    }
    if (all.empty()) continue;
    std::sort(all.begin(), all.end(),
              [](const Measurement& a, const Measurement& b) { return a.load_ms < b.load_ms; });
    const Measurement& med = all[all.size() / 2];
    std::printf("%-9s %8.1f %9.0f %9.0f %8.1f %10zu %9.1f %9.1f %10.2f %s\n", m.c_str(),
                med.file_mb, med.read_ms, med.load_ms, med.file_mb / (med.load_ms / 1000),
                med.resources, med.heap_mb, med.rss_mb, med.rss_mb / med.file_mb,
                med.decode_ms > 0 ? std::to_string(med.decode_ms).substr(0, 6).c_str() : "-");
    if (med.diagnostics != 0) {
      std::fprintf(stderr, "unexpected diagnostics: %zu\n", med.diagnostics);
      ++failures;
    }
  }
  std::printf(
      "(median of %d fresh processes; load ms excludes reading the file; peak MB is the "
      "process's maximum RSS, file text included)\n",
      runs);
  if (generated && !keep) fs::remove(file);
  return failures == 0 ? 0 : 1;
}
