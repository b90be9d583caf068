resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    # expect: FL-IAM-0002 "aws_iam_policy \"deploy\" allows write actions (s3:PutObject, s3:DeleteObject) on every resource (\"*\") in policy statement 1"
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "admin_of_iam" {
  name = "iam"
  role = "app"
  policy = jsonencode({
    # expect: FL-IAM-0002 "allows write actions (iam:PassRole) on every resource"
    # expect: FL-IAM-0002 "allows write actions (iam:*) on every resource (\"*\") in policy statement 2 (Sid \"Iam\")"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
      { Sid = "Iam", Effect = "Allow", Action = "iam:*", Resource = ["*"] },
    ]
  })
}

data "aws_iam_policy_document" "wildcards" {
  statement {
    # expect: FL-IAM-0002 "data \"aws_iam_policy_document\" \"wildcards\" allows write actions (s3:*, dynamodb:Put*) on every resource (\"*\") in statement 1"
    actions   = ["s3:*", "dynamodb:Put*", "ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "inline" {
  name               = "inline"
  assume_role_policy = "{}"
  inline_policy {
    name = "kms"
    policy = jsonencode({
      # expect: FL-IAM-0002 "in inline_policy[0].policy statement 1"
      Statement = [{ Effect = "Allow", Action = "kms:CreateGrant", Resource = "*" }]
    })
  }
}
