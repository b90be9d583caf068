locals {
  shards = ["a", "b", "c"]
}

module "shard" {
  for_each = toset(local.shards)
  source   = "../modules/db"
  name     = "shard-${each.key}"
}

resource "aws_db_instance" "reporting" {
  count          = 3
  identifier     = "reporting-${count.index}"
  engine         = "mysql"
  instance_class = "db.t3.medium"
  backup_retention_period = 7
  deletion_protection     = true
}
