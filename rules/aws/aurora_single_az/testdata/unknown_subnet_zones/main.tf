data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_subnet" "db" {
  count             = 2
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = aws_subnet.db[*].id
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier   = "orders"
  db_subnet_group_name = aws_db_subnet_group.db.name
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 2
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
}
