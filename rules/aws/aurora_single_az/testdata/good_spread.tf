variable "zones" {
  default = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 2
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  availability_zone  = var.zones[count.index]
}

# Two instances with no zone: RDS places them; nothing says they share a zone.
resource "aws_rds_cluster" "billing" {
  cluster_identifier = "billing"
}

resource "aws_rds_cluster_instance" "billing_writer" {
  identifier         = "billing-1"
  cluster_identifier = aws_rds_cluster.billing.id
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster_instance" "billing_reader" {
  identifier         = "billing-2"
  cluster_identifier = aws_rds_cluster.billing.id
  instance_class     = "db.r6g.large"
}

# Multi-AZ DB clusters of other engines always run three instances; Serverless v1 has none.
resource "aws_rds_cluster" "multi_az_db_cluster" {
  cluster_identifier        = "pg"
  engine                    = "postgres"
  db_cluster_instance_class = "db.r6gd.large"
}

resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "serverless"
  engine_mode        = "serverless"
}
