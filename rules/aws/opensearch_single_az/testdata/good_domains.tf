resource "aws_opensearch_domain" "three_zones" {
  domain_name = "search"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true

    zone_awareness_config {
      availability_zone_count = 3
    }
  }
}

resource "aws_elasticsearch_domain" "two_zones_with_masters" {
  domain_name = "logs"

  cluster_config {
    instance_type            = "r6g.large.elasticsearch"
    instance_count           = 2
    zone_awareness_enabled   = true
    dedicated_master_enabled = true
    dedicated_master_count   = 3
  }
}

# Zone-aware with instance_count left at 1: the API rejects it at apply, nothing to report.
resource "aws_opensearch_domain" "count_not_written" {
  domain_name = "pending"

  cluster_config {
    instance_type          = "r6g.large.search"
    zone_awareness_enabled = true
  }
}
