# Backups disabled, left at the one-day API default, or kept for one day.
resource "aws_db_instance" "disabled" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 0
  # expect: FL-AWS-0002 "aws_db_instance \"disabled\" has automated backups disabled"
}

resource "aws_db_instance" "absent" {
  # expect: FL-AWS-0002 "aws_db_instance \"absent\" does not set backup_retention_period"
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.t3.medium"
}

variable "retention" {
  default = "1"
}

resource "aws_rds_cluster" "one_day" {
  cluster_identifier      = "aurora"
  engine                  = "aurora-postgresql"
  backup_retention_period = var.retention
  # expect: FL-AWS-0002 "aws_rds_cluster \"one_day\" keeps automated backups for only 1 day"
}

resource "aws_rds_cluster" "default" {
  # expect: FL-AWS-0002 "aws_rds_cluster \"default\" does not set backup_retention_period"
  cluster_identifier = "reports"
}
