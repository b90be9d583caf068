resource "aws_subnet" "b" {
  count             = 2
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = "eu-west-1b"
}

resource "aws_db_subnet_group" "narrow" {
  name       = "narrow"
  subnet_ids = aws_subnet.b[*].id
}
