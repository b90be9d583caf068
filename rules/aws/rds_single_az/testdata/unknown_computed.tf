variable "multi_az" {
  type = bool
}

data "aws_ssm_parameter" "ha" {
  name = "/db/multi_az"
}

resource "aws_db_instance" "from_undefined_variable" {
  identifier     = "a"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = var.multi_az
}

resource "aws_db_instance" "from_data_source" {
  identifier     = "b"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = data.aws_ssm_parameter.ha.value
}

resource "aws_db_instance" "from_computed_attribute" {
  identifier     = "c"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = aws_db_instance.from_data_source.multi_az
}

# The engine is unknown, so this may be an Aurora cluster member.
resource "aws_db_instance" "unknown_engine" {
  identifier     = "d"
  engine         = data.aws_ssm_parameter.ha.value
  instance_class = "db.r6g.large"
}
