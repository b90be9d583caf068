variable "engine" {
  type = string
}

variable "nodes" {
  type = number
}

resource "aws_elasticache_cluster" "unknown_engine" {
  cluster_id      = "a"
  engine          = var.engine
  node_type       = "cache.m6g.large"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "unknown_count" {
  cluster_id      = "b"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = var.nodes
}

resource "aws_elasticache_cluster" "unknown_zones" {
  cluster_id                   = "c"
  engine                       = "memcached"
  node_type                    = "cache.m6g.large"
  num_cache_nodes              = 2
  preferred_availability_zones = [var.engine, "eu-west-1a"]
}
