resource "aws_db_instance" "off" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = false
  # expect: FL-AWS-0003 "aws_db_instance \"off\" has deletion protection turned off"
}

resource "aws_rds_cluster" "absent" {
  # expect: FL-AWS-0003 "aws_rds_cluster \"absent\" has no deletion protection (deletion_protection is not set"
  cluster_identifier = "aurora"
  engine             = "aurora-mysql"
}

locals {
  protect = { prod = true, dev = false }
}

resource "aws_rds_cluster" "per_env" {
  for_each            = local.protect
  cluster_identifier  = "app-${each.key}"
  deletion_protection = each.value
  # expect: FL-AWS-0003 "aws_rds_cluster \"per_env\"[\"dev\"] has deletion protection turned off"
}
