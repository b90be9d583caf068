variable "name" {
  type = string
}

variable "actions" {
  type = list(string)
}

resource "aws_iam_policy" "this" {
  name = var.name
  policy = jsonencode({
    # expect: FL-IAM-0001 "aws_iam_policy \"this\" in module.admin allows every action"
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.actions
      Resource = "*"
    }]
  })
}
