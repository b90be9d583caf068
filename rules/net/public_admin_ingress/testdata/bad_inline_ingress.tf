resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-123456"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  # ^ expect: FL-NET-0001 "aws_security_group \"bastion\" ingress rule 2 allows SSH (port 22) from the whole internet (0.0.0.0/0)"
  }

  ingress {
    description      = "RDP over IPv6"
    from_port        = 3389
    to_port          = 3389
    protocol         = "6"
    ipv6_cidr_blocks = ["::/0"]
    # expect: FL-NET-0001 "ingress rule 3 allows RDP (port 3389) from the whole internet (::/0)"
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# A port range that includes 22, and ingress written as an attribute (a list of objects).
resource "aws_security_group" "range" {
  name = "range"
  ingress = [
    {
      cidr_blocks      = ["0.0.0.0/0"]
      # expect: FL-NET-0001 "aws_security_group \"range\" ingress rule 1 allows SSH (port 22) and Telnet (port 23) from"
      description      = "wide"
      from_port        = 0
      to_port          = 1024
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      protocol         = "tcp"
      security_groups  = []
      self             = false
    }
  ]
}

# `self = true` adds the group itself as a source; 0.0.0.0/0 is still open.
resource "aws_security_group" "self_and_world" {
  name = "self-and-world"
  ingress {
    from_port   = 3380
    to_port     = 3450
    protocol    = "TCP"
    self        = true
    cidr_blocks = ["0.0.0.0/0"]
    # expect: FL-NET-0001 "RDP (port 3389)"
  }
}
