resource "aws_opensearch_domain" "no_cluster_config" {
  # expect: FL-AWS-0010 "aws_opensearch_domain \"no_cluster_config\" is not zone-aware"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
}

resource "aws_elasticsearch_domain" "off" {
  domain_name           = "search"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type          = "r6g.large.elasticsearch"
    instance_count         = 3
    zone_awareness_enabled = false
    # expect: FL-AWS-0010 "has zone awareness turned off"
  }
}

resource "aws_opensearch_domain" "two_nodes_no_masters" {
  domain_name = "two"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2
    # expect: FL-AWS-0010 "has only 2 data nodes and no dedicated master nodes"
    zone_awareness_enabled = true
  }
}

resource "aws_opensearch_domain" "uneven" {
  domain_name = "uneven"

  cluster_config {
    instance_type            = "r6g.large.search"
    instance_count           = 4
    # expect: FL-AWS-0010 "spreads 4 data nodes over 3 zones unevenly"
    zone_awareness_enabled   = true
    dedicated_master_enabled = true
    dedicated_master_count   = 3

    zone_awareness_config {
      availability_zone_count = 3
    }
  }
}
