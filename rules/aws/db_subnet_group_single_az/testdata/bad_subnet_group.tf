resource "aws_subnet" "db" {
  count                = 2
  vpc_id               = "vpc-0123456789abcdef0"
  cidr_block           = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone_id = "euw1-az2"
}

resource "aws_db_subnet_group" "main" {
  name       = "main"
  subnet_ids = aws_subnet.db[*].id
  # expect: FL-AWS-0016 "aws_db_subnet_group \"main\" has subnets only in euw1-az2 (fewer than 2 availability zones)"
}

data "aws_subnet" "legacy" {
  id                = "subnet-0aaaaaaaaaaaaaaaa"
  availability_zone = "eu-west-1c"
}

resource "aws_db_subnet_group" "legacy" {
  name       = "legacy"
  subnet_ids = [data.aws_subnet.legacy.id]
  # expect: FL-AWS-0016 "aws_db_subnet_group \"legacy\" has subnets only in eu-west-1c"
}
