resource "aws_iam_policy" "p" {
  policy = <<EOT
{"Statement": [{"Effect": "Allow", "Action": "*"
