# Two instances pinned to one zone, and a cluster whose subnet group has subnets in one zone.
resource "aws_rds_cluster" "pinned" {
  # expect: FL-AWS-0006 "aws_rds_cluster \"pinned\" has all 2 instances in eu-west-1a"
  cluster_identifier = "pinned"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "pinned" {
  for_each           = toset(["one", "two"])
  identifier         = "pinned-${each.key}"
  cluster_identifier = aws_rds_cluster.pinned.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_rds_cluster" "narrow" {
  cluster_identifier   = "narrow"
  engine               = "aurora-mysql"
  db_subnet_group_name = aws_db_subnet_group.narrow.name
  # expect: FL-AWS-0006 "aws_rds_cluster \"narrow\" uses DB subnet group aws_db_subnet_group \"narrow\" whose subnets are all in eu-west-1b"
}

resource "aws_rds_cluster_instance" "narrow" {
  count              = 2
  identifier         = "narrow-${count.index}"
  cluster_identifier = aws_rds_cluster.narrow.id
  instance_class     = "db.r6g.large"
}
