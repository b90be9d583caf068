# The shop's staging stack: a VPC, two PostgreSQL databases and a reporting replica.

module "network" {
  source = "./modules/network"

  name               = local.name_prefix
  vpc_cidr           = var.vpc_cidr
  availability_zones = var.availability_zones
  subnet_cidrs       = local.private_subnet_cidrs
  tags               = local.common_tags
}

module "orders_db" {
  source = "./modules/database"

  identifier         = "${local.name_prefix}-orders"
  instance_class     = "db.t3.medium"
  allocated_storage  = 50
  multi_az           = var.orders_db_multi_az
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.database_security_group_id]
}

module "billing_db" {
  source = "./modules/database"

  identifier         = "${local.name_prefix}-billing"
  instance_class     = "db.m6g.large"
  allocated_storage  = 200
  multi_az           = true
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.network.database_security_group_id]
}

# A read replica takes its availability settings from the source instance.
resource "aws_db_instance" "reporting_replica" {
  count = var.enable_reporting_replica ? 1 : 0

  identifier          = "${local.name_prefix}-billing-reporting"
  replicate_source_db = module.billing_db.identifier
  instance_class      = "db.t3.medium"
  skip_final_snapshot = true
  tags                = local.common_tags
}
