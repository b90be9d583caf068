locals {
  a = local.b
  b = local.c
  c = [local.a, 1]
}

resource "aws_db_instance" "x" {
  multi_az = local.a
}
