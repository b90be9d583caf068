locals {
  big     = range(1000000000)
  nested  = [for i in range(100000) : [for j in range(100000) : i * j]]
  strings = join("", [for i in range(1000000) : "xxxxxxxxxxxxxxxx"])
  padded  = format("%01000000000d", 1)
}

resource "aws_security_group_rule" "many" {
  count       = 1000000000
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["0.0.0.0/0"]
}
