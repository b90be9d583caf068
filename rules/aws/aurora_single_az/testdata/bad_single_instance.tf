resource "aws_rds_cluster" "orders" {
  # expect: FL-AWS-0006 "aws_rds_cluster \"orders\" has a single instance (aws_rds_cluster_instance \"writer\")"
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  deletion_protection = true
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "orders-1"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
}

# count = 1 is one instance too, and a literal identifier links like a reference.
resource "aws_rds_cluster" "billing" {
  # expect: FL-AWS-0006 "aws_rds_cluster \"billing\" has a single instance (aws_rds_cluster_instance \"billing\"[0])"
  cluster_identifier = "billing"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "billing" {
  count              = 1
  identifier         = "billing-${count.index}"
  cluster_identifier = "billing"
  instance_class     = "db.r6g.large"
}
