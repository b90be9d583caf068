variable "protocol" {
  type = string
}

data "aws_ip_ranges" "cloudfront" {
  services = ["cloudfront"]
}

resource "aws_security_group_rule" "protocol_from_variable" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = var.protocol
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123456"
}

resource "aws_security_group_rule" "computed_sources" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = data.aws_ip_ranges.cloudfront.cidr_blocks
  security_group_id = "sg-123456"
}
