resource "aws_db_instance" "weekly" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 7
}

resource "aws_rds_cluster" "two_days" {
  cluster_identifier      = "aurora"
  engine                  = "aurora-mysql"
  backup_retention_period = "2"
}

# Read replicas and Aurora members have no backups of their own.
resource "aws_db_instance" "replica" {
  identifier              = "orders-replica"
  replicate_source_db     = aws_db_instance.weekly.identifier
  instance_class          = "db.m6g.large"
  backup_retention_period = 0
}

resource "aws_db_instance" "aurora_member" {
  identifier     = "aurora-1"
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}
