resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123456"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    # expect: FL-NET-0003 "aws_default_security_group \"default\" ingress rule 1 allows all traffic (every protocol and port) from the whole internet (0.0.0.0/0)"
    ipv6_cidr_blocks = ["::/0"]
    # expect: FL-NET-0003 "from the whole internet (::/0)"
  }
}

resource "aws_security_group_rule" "everything_v6" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "all"
  ipv6_cidr_blocks  = ["0:0:0:0:0:0:0:0/0"]
  # expect: FL-NET-0003 "allows all traffic (every protocol and port) from the whole internet (0:0:0:0:0:0:0:0/0)"
  security_group_id = "sg-123456"
}

resource "aws_vpc_security_group_ingress_rule" "all_traffic_v6" {
  security_group_id = "sg-123456"
  cidr_ipv6         = "::/0"
  # expect: FL-NET-0003 "aws_vpc_security_group_ingress_rule \"all_traffic_v6\" allows all traffic"
  ip_protocol       = "-1"
}

# Every TCP port, written as a range.
resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  # expect: FL-NET-0003 "aws_security_group_rule \"all_tcp\" allows every TCP port from the whole internet"
  security_group_id = "sg-123456"
}
