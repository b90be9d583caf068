variable "multi_az" {
  default = true
}

resource "aws_db_instance" "literal" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
}

resource "aws_db_instance" "from_variable" {
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.m6g.large"
  multi_az       = var.multi_az
}

resource "aws_db_instance" "string" {
  identifier     = "reports"
  engine         = "postgres"
  instance_class = "db.t3.small"
  multi_az       = "true"
}

# Other resource types are out of scope.
resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
}
