variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

locals {
  anywhere    = "0.0.0.0/0"
  admin_ports = { ssh = 22, rdp = 3389, https = 443 }
}

resource "aws_security_group_rule" "from_variable" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.admin_cidrs
  # expect: FL-NET-0001 "aws_security_group_rule \"from_variable\" allows SSH (port 22)"
  security_group_id = "sg-123456"
}

# Every failing instance of a counted or for_each block is its own finding (each is a separate
# resource in the deployment, with its own fingerprint), all at the same place in the source.
resource "aws_security_group_rule" "per_port" {
  for_each          = local.admin_ports
  type              = "ingress"
  from_port         = each.value
  to_port           = each.value
  protocol          = "tcp"
  cidr_blocks       = [local.anywhere]
  # expect: FL-NET-0001 "aws_security_group_rule \"per_port\"[\"rdp\"] allows RDP (port 3389)"
  # expect: FL-NET-0001 "aws_security_group_rule \"per_port\"[\"ssh\"] allows SSH (port 22)"
  security_group_id = "sg-123456"
}

resource "aws_vpc_security_group_ingress_rule" "numbered" {
  count             = 2
  security_group_id = "sg-123456"
  cidr_ipv4         = count.index == 0 ? "10.0.0.0/8" : local.anywhere
  # expect: FL-NET-0001 "aws_vpc_security_group_ingress_rule \"numbered\"[1] allows SSH (port 22)"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

resource "aws_security_group" "dynamic" {
  name = "dynamic"
  dynamic "ingress" {
    for_each = [22, 443]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [local.anywhere]
      # expect: FL-NET-0001 "aws_security_group \"dynamic\" ingress rule 1 allows SSH (port 22)"
    }
  }
}
