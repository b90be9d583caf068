variable "zones" {
  type = list(string)
}

resource "aws_subnet" "public" {
  count             = length(var.zones)
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = var.zones[count.index]
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}
