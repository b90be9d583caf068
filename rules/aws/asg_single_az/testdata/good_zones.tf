variable "zones" {
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

resource "aws_subnet" "private" {
  for_each          = toset(var.zones)
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, index(var.zones, each.key))
  availability_zone = each.key
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 3
  max_size            = 9
  vpc_zone_identifier = values(aws_subnet.private)[*].id
}

resource "aws_autoscaling_group" "classic" {
  name               = "classic"
  min_size           = 3
  max_size           = 3
  availability_zones = var.zones
}
