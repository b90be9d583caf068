variable "name" {
  type = string
}

variable "multi_az" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = var.multi_az
  backup_retention_period = 7
  deletion_protection     = true
}
