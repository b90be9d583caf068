resource "aws_subnet" "public" {
  for_each          = { a = "eu-west-1a", b = "eu-west-1b", c = "eu-west-1c" }
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.${index(["a", "b", "c"], each.key)}.0/24"
  availability_zone = each.value
}

resource "aws_alb" "web" {
  name    = "web"
  subnets = [for s in aws_subnet.public : s.id]
}

resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"

  dynamic "subnet_mapping" {
    for_each = aws_subnet.public
    content {
      subnet_id = subnet_mapping.value.id
    }
  }
}
