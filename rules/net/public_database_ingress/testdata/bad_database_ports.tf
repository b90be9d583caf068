resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
    # expect: FL-NET-0002 "aws_security_group \"db\" ingress rule 1 allows PostgreSQL (port 5432) from the whole internet (0.0.0.0/0)"
  }
}

resource "aws_security_group_rule" "mysql_v6" {
  type              = "ingress"
  from_port         = 3306
  to_port           = 3306
  protocol          = "6"
  ipv6_cidr_blocks  = ["::/0"]
  # expect: FL-NET-0002 "aws_security_group_rule \"mysql_v6\" allows MySQL (port 3306) from the whole internet (::/0)"
  security_group_id = "sg-123456"
}

variable "cache_port" {
  type    = number
  default = 6379
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  security_group_id = "sg-123456"
  cidr_ipv4         = "0.0.0.0/0"
  # expect: FL-NET-0002 "aws_vpc_security_group_ingress_rule \"redis\" allows Redis (port 6379)"
  ip_protocol       = "tcp"
  from_port         = var.cache_port
  to_port           = var.cache_port
}

resource "aws_security_group_rule" "memcached_udp" {
  type              = "ingress"
  from_port         = 11211
  to_port           = 11211
  protocol          = "udp"
  cidr_blocks       = ["0.0.0.0/0"]
  # expect: FL-NET-0002 "allows Memcached (port 11211)"
  security_group_id = "sg-123456"
}

resource "aws_security_group_rule" "range" {
  type              = "ingress"
  from_port         = 27000
  to_port           = 28000
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  # expect: FL-NET-0002 "allows MongoDB (port 27017), MongoDB (port 27018) and MongoDB (port 27019)"
  security_group_id = "sg-123456"
}
