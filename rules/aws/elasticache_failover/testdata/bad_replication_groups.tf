resource "aws_elasticache_replication_group" "single" {
  replication_group_id = "single"
  description          = "one node"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 1
  # expect: FL-AWS-0007 "aws_elasticache_replication_group \"single\" has a single node per shard (num_cache_clusters = 1)"
}

resource "aws_elasticache_replication_group" "default_count" {
  # expect: FL-AWS-0007 "has a single node per shard (no replicas are configured)"
  replication_group_id = "default-count"
  description          = "no count"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "no_failover" {
  # expect: FL-AWS-0007 "aws_elasticache_replication_group \"no_failover\" has no automatic failover"
  replication_group_id = "no-failover"
  description          = "replica without failover"
  node_type            = "cache.m6g.large"
  num_cache_clusters   = 2
}

resource "aws_elasticache_replication_group" "failover_off" {
  replication_group_id       = "failover-off"
  description                = "failover off"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 3
  automatic_failover_enabled = false
  # expect: FL-AWS-0007 "has automatic failover turned off"
}

resource "aws_elasticache_replication_group" "not_multi_az" {
  # expect: FL-AWS-0007 "aws_elasticache_replication_group \"not_multi_az\" is not Multi-AZ (multi_az_enabled is not set"
  replication_group_id       = "not-multi-az"
  description                = "failover, placement left to chance"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
}

resource "aws_elasticache_replication_group" "one_zone" {
  replication_group_id        = "one-zone"
  description                 = "both nodes in one zone"
  node_type                   = "cache.m6g.large"
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  preferred_cache_cluster_azs = ["eu-west-1a", "eu-west-1a"]
  # expect: FL-AWS-0007 "places every node in eu-west-1a"
}

resource "aws_elasticache_replication_group" "shards_without_replicas" {
  replication_group_id       = "shards"
  description                = "cluster mode, no replicas"
  node_type                  = "cache.m6g.large"
  num_node_groups            = 3
  replicas_per_node_group    = 0
  # expect: FL-AWS-0007 "has a single node per shard (replicas_per_node_group = 0)"
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
