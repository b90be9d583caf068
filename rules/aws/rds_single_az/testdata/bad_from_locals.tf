locals {
  environment = "staging"
  settings = {
    production = { multi_az = true }
    staging    = { multi_az = false }
  }
  multi_az = local.settings[local.environment].multi_az
}

resource "aws_db_instance" "main" {
  identifier     = "main-${local.environment}"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = local.environment == "production" ? true : local.multi_az
  # expect: FL-AWS-0001 "aws_db_instance \"main\" is not Multi-AZ"
}
