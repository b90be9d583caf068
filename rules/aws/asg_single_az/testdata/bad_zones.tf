resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}

resource "aws_subnet" "lonely" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.9.0/24"
  availability_zone = "eu-west-1c"
}

resource "aws_autoscaling_group" "one_subnet" {
  name                = "one-subnet"
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = [aws_subnet.lonely.id]
  # expect: FL-AWS-0013 "aws_autoscaling_group \"one_subnet\" spans only a single availability zone (eu-west-1c), fewer than 3: a zone outage takes every instance down"
}

resource "aws_autoscaling_group" "two_zones" {
  name                = "two-zones"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = aws_subnet.private[*].id
  # expect: FL-AWS-0013 "spans only 2 availability zones (eu-west-1a and eu-west-1b)"
}

resource "aws_autoscaling_group" "classic" {
  name               = "classic"
  min_size           = 1
  max_size           = 2
  availability_zones = ["eu-west-1a"]
  # expect: FL-AWS-0013 "aws_autoscaling_group \"classic\" spans only a single availability zone (eu-west-1a)"
}
