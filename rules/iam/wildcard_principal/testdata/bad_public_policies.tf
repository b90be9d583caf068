resource "aws_s3_bucket_policy" "public" {
  bucket = "assets"
  policy = jsonencode({
    # expect: FL-IAM-0003 "aws_s3_bucket_policy \"public\" allows any principal (\"*\") in policy statement 1 without a condition"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::assets/*"
    }]
  })
}

resource "aws_sqs_queue_policy" "negated" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
  policy = jsonencode({
    # expect: FL-IAM-0003 "allows any principal (\"*\") in policy statement 1 (Sid \"Everyone\") with no condition restricting the caller"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sqs:SendMessage"
      Resource  = "*"
      Condition = {
        ArnNotEquals = { "aws:PrincipalArn" = "arn:aws:iam::123456789012:user/blocked" }
        Bool         = { "aws:SecureTransport" = "true" }
      }
    }]
  })
}

resource "aws_iam_role" "anyone" {
  name = "anyone"
  assume_role_policy = jsonencode({
    # expect: FL-IAM-0003 "aws_iam_role \"anyone\" allows any principal (\"arn:aws:iam::*:root\") in assume_role_policy statement 1"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::123456789012:root", "arn:aws:iam::*:root"] }
      Action    = "sts:AssumeRole"
      Condition = { "ForAllValues:StringEquals" = { "aws:PrincipalOrgID" = ["o-abc123"] } }
    }]
  })
}

data "aws_iam_policy_document" "topic" {
  statement {
    # expect: FL-IAM-0003 "data \"aws_iam_policy_document\" \"topic\" allows any principal (\"*\") in statement 1"
    actions   = ["sns:Publish"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_lambda_permission" "public" {
  statement_id  = "Public"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "*"
  # expect: FL-IAM-0003 "aws_lambda_permission \"public\" lets any principal (\"*\") invoke the function"
}
