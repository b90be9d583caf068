resource "aws_elasticache_cluster" "redis" {
  cluster_id      = "sessions"
  engine          = "redis"
  # expect: FL-AWS-0008 "aws_elasticache_cluster \"redis\" is a single redis node with no replica"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "memcached_default_mode" {
  # expect: FL-AWS-0008 "keeps all 3 memcached nodes in one availability zone (az_mode is not set"
  cluster_id      = "cache"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = 3
}

resource "aws_elasticache_cluster" "memcached_single_az" {
  cluster_id      = "cache2"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = 2
  az_mode         = "single-az"
  # expect: FL-AWS-0008 "(az_mode = \"single-az\")"
}

resource "aws_elasticache_cluster" "memcached_one_node" {
  cluster_id      = "cache3"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = 1
  # expect: FL-AWS-0008 "is a single memcached node"
}
