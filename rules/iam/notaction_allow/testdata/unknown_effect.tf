variable "effect" {
  type = string
}

data "aws_iam_policy_document" "dynamic" {
  statement {
    effect      = var.effect
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
