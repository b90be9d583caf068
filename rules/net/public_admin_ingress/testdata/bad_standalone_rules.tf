resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  # expect: FL-NET-0001 "aws_security_group_rule \"ssh\" allows SSH (port 22) from the whole internet (0.0.0.0/0)"
  security_group_id = "sg-123456"
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-123456"
  cidr_ipv4         = "0.0.0.0/0"
  # expect: FL-NET-0001 "aws_vpc_security_group_ingress_rule \"rdp\" allows RDP (port 3389)"
  from_port         = 3389
  ip_protocol       = "tcp"
  to_port           = 3389
}
