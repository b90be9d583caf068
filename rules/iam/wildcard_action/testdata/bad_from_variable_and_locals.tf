variable "actions" {
  type    = list(string)
  default = ["*"]
}

locals {
  admin_statement = {
    Effect   = "Allow"
    Action   = "*"
    Resource = "*"
  }
  admin_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [local.admin_statement]
  })
}

data "aws_iam_policy_document" "from_variable" {
  statement {
    actions   = var.actions
    # expect: FL-IAM-0001 "data \"aws_iam_policy_document\" \"from_variable\" allows every action"
    resources = ["arn:aws:s3:::bucket/*"]
  }
}

resource "aws_iam_policy" "from_local" {
  name   = "from-local"
  policy = local.admin_policy
  # expect: FL-IAM-0001 "aws_iam_policy \"from_local\" allows every action"
}
