# Every failing instance of a counted or for_each block is its own finding (each is a separate
# resource in the deployment, with its own fingerprint), all at the same place in the source.
resource "aws_iam_policy" "numbered" {
  count = 2
  name  = "numbered-${count.index}"
  policy = jsonencode({
    # expect: FL-IAM-0001 "aws_iam_policy \"numbered\"[0] allows every action"
    # expect: FL-IAM-0001 "aws_iam_policy \"numbered\"[1] allows every action"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

data "aws_iam_policy_document" "per_team" {
  for_each = {
    readers = ["s3:GetObject"]
    admins  = ["*"]
  }
  statement {
    actions   = each.value
    # expect: FL-IAM-0001 "data \"aws_iam_policy_document\" \"per_team\"[\"admins\"] allows every action"
    resources = ["*"]
  }
}
