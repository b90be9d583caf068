data "aws_subnets" "public" {
  filter {
    name   = "vpc-id"
    values = ["vpc-0123456789abcdef0"]
  }
}

resource "aws_lb" "from_data_source" {
  name    = "web"
  subnets = data.aws_subnets.public.ids
}

resource "aws_lb" "literal_ids" {
  name    = "internal"
  subnets = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
}

# Zone names in one subnet and zone IDs in another cannot be compared.
resource "aws_subnet" "by_name" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "by_id" {
  vpc_id               = "vpc-0123456789abcdef0"
  cidr_block           = "10.0.2.0/24"
  availability_zone_id = "euw1-az1"
}

resource "aws_lb" "mixed" {
  name    = "mixed"
  subnets = [aws_subnet.by_name.id, aws_subnet.by_id.id]
}
