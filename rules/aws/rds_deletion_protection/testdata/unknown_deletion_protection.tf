variable "protect" {
  type = bool
}

resource "aws_rds_cluster" "from_variable" {
  cluster_identifier  = "aurora"
  deletion_protection = var.protect
}

module "settings" {
  source = "git::https://example.com/settings.git"
}

resource "aws_db_instance" "from_remote_module" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  deletion_protection = module.settings.protect
}
