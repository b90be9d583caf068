resource "aws_s3_bucket_policy" "cloudfront" {
  bucket = "assets"
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::assets/*"
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::assets/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "arn:aws:s3:::assets/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

data "aws_iam_policy_document" "org_only" {
  statement {
    actions   = ["ecr:BatchGetImage"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
}

resource "aws_lambda_permission" "events" {
  statement_id  = "Events"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "*"
  source_arn    = "arn:aws:events:eu-west-1:123456789012:rule/nightly"
}
