variable "instance_count" {
  type = number
}

variable "cluster_id" {
  type = string
}

# The number of instances is unknown.
resource "aws_rds_cluster" "counted" {
  cluster_identifier = "counted"
}

resource "aws_rds_cluster_instance" "counted" {
  count              = var.instance_count
  cluster_identifier = aws_rds_cluster.counted.id
  instance_class     = "db.r6g.large"
}

# One instance is linked, but another names its cluster through an unknown variable.
resource "aws_rds_cluster" "maybe" {
  cluster_identifier = "maybe"
}

resource "aws_rds_cluster_instance" "maybe_writer" {
  cluster_identifier = aws_rds_cluster.maybe.id
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster_instance" "elsewhere" {
  cluster_identifier = var.cluster_id
  instance_class     = "db.r6g.large"
}

# A remote module may add instances to this cluster.
resource "aws_rds_cluster" "with_module" {
  cluster_identifier = "with-module"
}

module "readers" {
  source     = "git::https://example.com/aurora-readers.git"
  cluster_id = aws_rds_cluster.with_module.id
}
