variable "actions" {
  type = list(string)
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

data "aws_iam_policy_document" "computed" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
  statement {
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}

resource "aws_iam_policy" "partly_unknown" {
  name = "partly-unknown"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = aws_s3_bucket.data.arn }]
  })
}
