# Every failing instance of a counted or for_each block is its own finding (each is a separate
# resource in the deployment, with its own fingerprint), all at the same place in the source.
resource "aws_db_instance" "shard" {
  count          = 2
  identifier     = "shard-${count.index}"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = count.index > 5
  # expect: FL-AWS-0001 "aws_db_instance \"shard\"[0] is not Multi-AZ"
  # expect: FL-AWS-0001 "aws_db_instance \"shard\"[1] is not Multi-AZ"
}

resource "aws_db_instance" "tenant" {
  for_each = {
    alpha = { ha = true }
    beta  = { ha = false }
    gamma = { ha = false }
  }
  identifier     = "tenant-${each.key}"
  engine         = "mysql"
  instance_class = "db.t3.medium"
  multi_az       = each.value.ha
  # expect: FL-AWS-0001 "aws_db_instance \"tenant\"[\"beta\"] is not Multi-AZ"
  # expect: FL-AWS-0001 "aws_db_instance \"tenant\"[\"gamma\"] is not Multi-AZ"
}
