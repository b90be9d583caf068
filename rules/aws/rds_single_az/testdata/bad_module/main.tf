module "primary" {
  source   = "./modules/database"
  name     = "primary"
  multi_az = true
}

module "analytics" {
  source   = "./modules/database"
  name     = "analytics"
  multi_az = false
}
