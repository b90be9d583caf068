# multi_az written as false, and left out (the provider default is false).
resource "aws_db_instance" "explicit" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = false
# ^ expect: FL-AWS-0001 "aws_db_instance \"explicit\" is not Multi-AZ: a single-AZ outage"
}

resource "aws_db_instance" "absent" {
  # expect: FL-AWS-0001 "aws_db_instance \"absent\" is not Multi-AZ (multi_az is not set"
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.t3.medium"
}

resource "aws_db_instance" "null" {
  identifier     = "audit"
  engine         = "mariadb"
  instance_class = "db.t3.small"
  multi_az       = null
  # expect: FL-AWS-0001 "multi_az is null"
}

resource "aws_db_instance" "string" {
  identifier     = "reports"
  engine         = "postgres"
  instance_class = "db.t3.small"
  multi_az       = "false"
  # expect: FL-AWS-0001 "aws_db_instance \"string\" is not Multi-AZ"
}
