variable "retention" {
  type = number
}

data "aws_ssm_parameter" "engine" {
  name = "/db/engine"
}

resource "aws_db_instance" "from_variable" {
  identifier              = "a"
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = var.retention
}

# The engine is unknown: this may be an Aurora member, whose backups the cluster configures.
resource "aws_db_instance" "unknown_engine" {
  identifier     = "b"
  engine         = data.aws_ssm_parameter.engine.value
  instance_class = "db.m6g.large"
}
