data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Admin"
    effect    = "Allow"
    actions   = ["*"]
    # expect: FL-IAM-0001 "data \"aws_iam_policy_document\" \"admin\" allows every action (\"*\") in statement 1 (Sid \"Admin\")"
    resources = ["*"]
  }
}

# effect defaults to Allow.
data "aws_iam_policy_document" "no_effect" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
  statement {
    actions = [
      # expect: FL-IAM-0001 "allows every action (\"*\") in statement 2"
      "s3:ListBucket",
      "*",
    ]
    resources = ["arn:aws:s3:::bucket"]
  }
}

# Statements merged in from source documents are part of the policy.
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [jsonencode({
    # expect: FL-IAM-0001 "\"merged\" allows every action (\"*\") in source_policy_documents[0] statement 1"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "uses_document" {
  name   = "uses-document"
  policy = data.aws_iam_policy_document.admin.json
}
