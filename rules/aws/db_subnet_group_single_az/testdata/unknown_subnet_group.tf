variable "subnet_ids" {
  type = list(string)
}

data "aws_availability_zones" "available" {}

resource "aws_subnet" "db" {
  count             = 2
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_db_subnet_group" "from_data_source" {
  name       = "a"
  subnet_ids = aws_subnet.db[*].id
}

resource "aws_db_subnet_group" "from_variable" {
  name       = "b"
  subnet_ids = var.subnet_ids
}
