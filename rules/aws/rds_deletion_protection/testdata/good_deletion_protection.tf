resource "aws_db_instance" "on" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = true
}

resource "aws_rds_cluster" "on" {
  cluster_identifier  = "aurora"
  deletion_protection = "true"
}

# Aurora instances take the cluster's setting; replicas can be recreated from the primary.
resource "aws_db_instance" "aurora_member" {
  identifier     = "aurora-1"
  engine         = "aurora-mysql"
  instance_class = "db.r6g.large"
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.on.identifier
  instance_class      = "db.m6g.large"
}
