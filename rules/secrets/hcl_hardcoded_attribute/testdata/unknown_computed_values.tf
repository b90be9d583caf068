# Values only known after apply, and inputs without a value: never reported.
variable "token" {
  type = string
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "prod/db"
}

resource "aws_db_instance" "from_data" {
  identifier     = "db"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  password       = data.aws_secretsmanager_secret_version.db.secret_string
}

resource "aws_elasticache_replication_group" "from_input" {
  replication_group_id = "cache"
  auth_token           = var.token
}
