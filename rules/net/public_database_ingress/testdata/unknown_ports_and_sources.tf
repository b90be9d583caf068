variable "db_port" {
  type = number
}

variable "sources" {
  type = list(string)
}

resource "aws_security_group_rule" "port_from_variable" {
  type              = "ingress"
  from_port         = var.db_port
  to_port           = var.db_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123456"
}

resource "aws_security_group_rule" "sources_from_variable" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = var.sources
  security_group_id = "sg-123456"
}
