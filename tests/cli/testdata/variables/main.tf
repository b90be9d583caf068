variable "multi_az" {
  type    = bool
  default = true
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = var.multi_az
  backup_retention_period = 7
  deletion_protection     = true
}
