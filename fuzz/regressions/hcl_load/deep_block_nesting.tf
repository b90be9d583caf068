resource "aws_security_group" "a" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
dynamic "ingress" {
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
