resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["sns:Publish"], Resource = "arn:aws:sns:eu-west-1:123456789012:events" },
      { Effect = "Deny", NotAction = ["iam:Get*"], Resource = "*" },
    ]
  })
}
