resource "aws_subnet" "a" {
  count             = 3
  availability_zone = "eu-west-1${["a", "b", "c"][count.index]}"
}

resource "aws_db_subnet_group" "g" {
  subnet_ids = aws_subnet.a[*].id
}

resource "aws_db_instance" "db" {
  multi_az             = length(aws_subnet.a[*].id) > 2 ? aws_subnet.a[0].id : false
  db_subnet_group_name = aws_db_subnet_group.g.name
}

resource "aws_security_group" "sg" {
  ingress {
    from_port        = aws_subnet.a[0].id
    to_port          = 22
    cidr_blocks      = [for s in aws_subnet.a : s.cidr_block]
    ipv6_cidr_blocks = ["::/0"]
  }
}
