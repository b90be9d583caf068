variable "name" {
  type = string
}

variable "allowed_cidrs" {
  type = list(string)
}

resource "aws_security_group" "this" {
  name = var.name
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
    # expect: FL-NET-0001 "aws_security_group \"this\" in module.everyone ingress rule 1 allows SSH (port 22)"
  }
}
