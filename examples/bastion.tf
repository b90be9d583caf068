# SSH bastion host access.

resource "aws_security_group" "bastion" {
  name        = "${local.name_prefix}-bastion"
  description = "SSH bastion"
  vpc_id      = module.network.vpc_id

  egress {
    description = "Outbound to anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# One rule per entry of var.bastion_ssh_sources (see terraform.tfvars).
resource "aws_vpc_security_group_ingress_rule" "bastion_ssh" {
  for_each = var.bastion_ssh_sources

  security_group_id = aws_security_group.bastion.id
  description       = "SSH from ${each.key}"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = each.value
}

# The corporate client VPN's address pool is only known once the endpoint is read.
data "aws_ec2_client_vpn_endpoint" "corp" {
  filter {
    name   = "tag:Name"
    values = ["corp-vpn"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "bastion_ssh_client_vpn" {
  security_group_id = aws_security_group.bastion.id
  description       = "SSH from the client VPN"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = data.aws_ec2_client_vpn_endpoint.corp.client_cidr_block
}
