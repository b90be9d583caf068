variable "cidrs" {
  type = list(string)
}

variable "port" {
  type = number
}

variable "protocol" {
  type = string
}

data "aws_ip_ranges" "cloudfront" {
  services = ["cloudfront"]
}

resource "aws_security_group" "computed" {
  name = "computed"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = data.aws_ip_ranges.cloudfront.cidr_blocks
  }

  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = var.protocol
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}

resource "aws_security_group_rule" "unknown_type" {
  type              = var.protocol
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.computed.id
}

resource "aws_vpc_security_group_ingress_rule" "unknown_cidr" {
  security_group_id = aws_security_group.computed.id
  cidr_ipv4         = var.cidrs[0]
  from_port         = 22
  ip_protocol       = "tcp"
  to_port           = 22
}

resource "aws_security_group" "all_unknown" {
  name    = "all-unknown"
  ingress = var.cidrs
}
