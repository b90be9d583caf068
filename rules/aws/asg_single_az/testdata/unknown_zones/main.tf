data "aws_availability_zones" "available" {
  state = "available"
}

variable "subnet_ids" {
  type = list(string)
}

# Zones from the data source are only known after apply.
resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = element(data.aws_availability_zones.available.names, count.index)
}

resource "aws_autoscaling_group" "data_source" {
  name                = "data-source"
  min_size            = 3
  max_size            = 9
  vpc_zone_identifier = aws_subnet.private[*].id
}

resource "aws_autoscaling_group" "variable" {
  name                = "variable"
  min_size            = 3
  max_size            = 9
  vpc_zone_identifier = var.subnet_ids
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}

resource "aws_autoscaling_group" "remote_module" {
  name                = "remote"
  min_size            = 3
  max_size            = 9
  vpc_zone_identifier = module.vpc.private_subnets
}

# A subnet without a zone: AWS picks it.
resource "aws_subnet" "anywhere" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.100.0/24"
}

resource "aws_autoscaling_group" "unpinned" {
  name                = "unpinned"
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.anywhere.id]
}
