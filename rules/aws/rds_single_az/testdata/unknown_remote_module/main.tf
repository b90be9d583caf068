module "settings" {
  source  = "terraform-aws-modules/ssm-parameter/aws"
  version = "1.1.0"
  name    = "db-settings"
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = module.settings.value == "ha"
}
