module "read_only" {
  source  = "./modules/policy"
  name    = "read-only"
  actions = ["s3:GetObject", "s3:ListBucket"]
}

module "admin" {
  source  = "./modules/policy"
  name    = "admin"
  actions = ["*"]
}
