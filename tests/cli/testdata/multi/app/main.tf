module "orders" {
  source = "../modules/db"
  name   = "orders"
}

module "billing" {
  source   = "../modules/db"
  name     = "billing"
  multi_az = true
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = "app"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "*"], Resource = "*" },
      { Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b" },
    ]
  })
}
