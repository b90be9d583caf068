// PublicDatabaseIngressRule (FL-NET-0002, net-public-database-ingress).
//
// A security group admits a database, cache or search-engine port (MySQL 3306, PostgreSQL 5432, SQL
// Server 1433, Redis 6379, MongoDB 27017, Elasticsearch 9200, ...) from the whole internet
// (`0.0.0.0/0` or `::/0`). The ports: SQL Server 1433 (and its browser, UDP 1434), Oracle 1521 and
// 2483/2484, MySQL/MariaDB/Aurora 3306, PostgreSQL 5432, Redshift 5439, CouchDB 5984, Redis 6379,
// Cassandra 7000/7001/9042/9160, Neo4j 7474/7687, InfluxDB 8086, Elasticsearch/OpenSearch
// 9200/9300, Memcached 11211 (TCP and UDP), MongoDB 27017-27019, etcd 2379/2380, DB2 50000. Same
// resources and Unknown handling as FL-NET-0001; rules admitting every port are FL-NET-0003's.
#ifndef FAULTLINE_RULES_NET_PUBLIC_DATABASE_INGRESS_PUBLIC_DATABASE_INGRESS_H_
#define FAULTLINE_RULES_NET_PUBLIC_DATABASE_INGRESS_PUBLIC_DATABASE_INGRESS_H_

#include "engine/rule.h"

namespace faultline::rules {

class PublicDatabaseIngressRule : public engine::Rule {
 public:
  const engine::RuleMetadata& metadata() const override;
  void Check(const engine::RuleContext& context, engine::FindingSink& sink) const override;
};

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_NET_PUBLIC_DATABASE_INGRESS_PUBLIC_DATABASE_INGRESS_H_
