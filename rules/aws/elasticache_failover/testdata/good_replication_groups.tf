resource "aws_elasticache_replication_group" "multi_az" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "spread_by_hand" {
  replication_group_id        = "spread"
  description                 = "zones listed"
  node_type                   = "cache.m6g.large"
  automatic_failover_enabled  = true
  preferred_cache_cluster_azs = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_elasticache_replication_group" "cluster_mode" {
  replication_group_id       = "cluster"
  description                = "sharded"
  node_type                  = "cache.m6g.large"
  num_node_groups            = 2
  replicas_per_node_group    = 1
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
