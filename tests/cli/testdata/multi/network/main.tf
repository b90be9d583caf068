variable "admin_cidrs" {
  default = ["0.0.0.0/0", "::/0"]
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  dynamic "ingress" {
    for_each = { ssh = 22, rdp = 3389, web = 443 }
    content {
      from_port        = ingress.value
      to_port          = ingress.value
      protocol         = "tcp"
      cidr_blocks      = [for c in var.admin_cidrs : c if length(split(":", c)) == 1]
      ipv6_cidr_blocks = [for c in var.admin_cidrs : c if length(split(":", c)) > 1]
    }
  }
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-1"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
