module "self" {
  source = "./"
}

module "parent" {
  source = "../"
}

module "deep" {
  source = "./a/../b/../../faultline-fuzz"
}
