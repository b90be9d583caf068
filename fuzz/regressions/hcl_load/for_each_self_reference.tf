resource "aws_security_group_rule" "loop" {
  for_each    = aws_security_group_rule.loop
  type        = "ingress"
  from_port   = each.value.from_port
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["0.0.0.0/0"]
}

variable "v" {
  default = var.v
}
