resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "cache"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = 3
  az_mode         = "cross-az"
}

# A member of a replication group: FL-AWS-0007 judges the group.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_cluster" "member" {
  cluster_id           = "sessions-3"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}
