variable "name" {
  type = string
}

variable "multi_az" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = var.multi_az
  # expect: FL-AWS-0001 "aws_db_instance \"this\" in module.analytics is not Multi-AZ"
}
