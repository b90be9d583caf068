variable "high_availability" {
  type    = bool
  default = false
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = var.high_availability
  # expect: FL-AWS-0001 "aws_db_instance \"main\" is not Multi-AZ"
}
