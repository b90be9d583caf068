variable "zone_aware" {
  type = bool
}

variable "nodes" {
  type = number
}

resource "aws_opensearch_domain" "unknown_awareness" {
  domain_name = "a"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 1
    zone_awareness_enabled = var.zone_aware
  }
}

resource "aws_opensearch_domain" "unknown_count" {
  domain_name = "b"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = var.nodes
    zone_awareness_enabled = true
  }
}
