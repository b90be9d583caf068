#include "rules/net/public_database_ingress/public_database_ingress.h"

#include "rules/common/sg_ingress.h"

namespace faultline::rules {

namespace {

// Data stores whose network protocol is meant for application servers, not the internet.
constexpr ServicePort kDatabasePorts[] = {
    {1433, true, false, "SQL Server"},
    {1434, false, true, "SQL Server Browser"},
    {1521, true, false, "Oracle"},
    {2379, true, false, "etcd"},
    {2380, true, false, "etcd peer"},
    {2483, true, false, "Oracle"},
    {2484, true, false, "Oracle TLS"},
    {3306, true, false, "MySQL"},
    {5432, true, false, "PostgreSQL"},
    {5439, true, false, "Redshift"},
    {5984, true, false, "CouchDB"},
    {6379, true, false, "Redis"},
    {7000, true, false, "Cassandra"},
    {7001, true, false, "Cassandra TLS"},
    {7474, true, false, "Neo4j"},
    {7687, true, false, "Neo4j Bolt"},
    {8086, true, false, "InfluxDB"},
    {9042, true, false, "Cassandra CQL"},
    {9160, true, false, "Cassandra Thrift"},
    {9200, true, false, "Elasticsearch"},
    {9300, true, false, "Elasticsearch transport"},
    {11211, true, true, "Memcached"},
    {27017, true, false, "MongoDB"},
    {27018, true, false, "MongoDB"},
    {27019, true, false, "MongoDB"},
    {50000, true, false, "DB2"},
};

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-NET-0002";
  m.name = "net-public-database-ingress";
  m.severity = engine::Severity::kHigh;
  m.title = "Database port open to the internet";
  m.summary =
      "A security group admits a database, cache or search-engine port (MySQL 3306, PostgreSQL "
      "5432, SQL Server 1433, Redis 6379, MongoDB 27017, Elasticsearch 9200, ...) from the whole "
      "internet (`0.0.0.0/0` or `::/0`).";
  m.why =
      "Data stores reachable from any address are found by internet-wide scans and attacked "
      "with credential guessing and protocol exploits; many (Redis, Memcached, Elasticsearch, "
      "MongoDB) have no authentication by default, so exposure means the data is read, "
      "encrypted for ransom or wiped. Memcached over UDP is also abused for traffic "
      "amplification.";
  m.remediation =
      "Admit the database port only from the application tier: reference the application's "
      "security group (`source_security_group_id` / `referenced_security_group_id`) or the "
      "private subnets' CIDR ranges, and reach the database from outside through a VPN or a "
      "bastion. Rules that open every port are reported by FL-NET-0003.";
  m.example_fix =
      "resource \"aws_vpc_security_group_ingress_rule\" \"postgres\" {\n"
      "  security_group_id            = aws_security_group.db.id\n"
      "  ip_protocol                  = \"tcp\"\n"
      "  from_port                    = 5432\n"
      "  to_port                      = 5432\n"
      "  referenced_security_group_id = aws_security_group.app.id\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html",
      "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  };
  m.peers = {
      {"kics", "Unrestricted Security Group Ingress (4728cd65-a20c-49da-8b31-9c08b423e4db)"},
      {"kics",
       "Sensitive Port Is Exposed To Entire Network (381c3f2a-ef6f-4eff-99f7-b169cda3422c)"},
      {"trivy", "AVD-AWS-0107"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_default_security_group", "aws_security_group", "aws_security_group_rule",
                   "aws_vpc_security_group_ingress_rule"};
  return m;
}

}  // namespace

const engine::RuleMetadata& PublicDatabaseIngressRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void PublicDatabaseIngressRule::Check(const engine::RuleContext& context,
                                      engine::FindingSink& sink) const {
  ReportPublicServicePorts(context.resource, kDatabasePorts, sink);
}

}  // namespace faultline::rules
