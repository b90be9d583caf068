resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    # expect: FL-IAM-0001 "aws_iam_policy \"admin\" allows every action (\"*\") in policy statement 1"
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "mixed" {
  name = "mixed"
  role = "app"
  policy = jsonencode({
    # expect: FL-IAM-0001 "in policy statement 2 (Sid \"Everything\")"
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::bucket/*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "*"]
        Resource = "arn:aws:s3:::bucket"
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

# A single statement object instead of a list, and no Effect (Allow is assumed).
resource "aws_iam_user_policy" "implicit_allow" {
  name = "implicit"
  user = "ci"
  policy = jsonencode({
    # expect: FL-IAM-0001 "aws_iam_user_policy \"implicit_allow\" allows every action"
    Statement = {
      Action   = "*"
      Resource = "arn:aws:s3:::bucket"
    }
  })
}
