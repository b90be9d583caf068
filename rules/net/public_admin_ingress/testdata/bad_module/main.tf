module "office" {
  source        = "./modules/admin_access"
  name          = "office"
  allowed_cidrs = ["203.0.113.0/24"]
}

module "everyone" {
  source        = "./modules/admin_access"
  name          = "everyone"
  allowed_cidrs = ["0.0.0.0/0"]
}
