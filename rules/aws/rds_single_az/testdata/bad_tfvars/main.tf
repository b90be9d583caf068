resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = var.multi_az
  # expect: FL-AWS-0001 "aws_db_instance \"main\" is not Multi-AZ"
}
