variable "nodes" {
  type = number
}

variable "failover" {
  type = bool
}

variable "multi_az" {
  type = bool
}

resource "aws_elasticache_replication_group" "unknown_count" {
  replication_group_id       = "a"
  description                = "count from a variable"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = var.nodes
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "unknown_settings" {
  replication_group_id       = "b"
  description                = "failover and placement from variables"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = var.failover
  multi_az_enabled           = var.multi_az
}
