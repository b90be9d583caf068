resource "aws_iam_policy" "read_only" {
  name = "read-only"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["ec2:Describe*", "s3:ListAllMyBuckets", "iam:Get*"], Resource = "*" },
      { Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" },
      { Effect = "Allow", Action = ["cloudwatch:PutMetricData", "xray:PutTraceSegments"], Resource = "*" },
      { Effect = "Allow", Action = ["lambda:CreateFunction", "dynamodb:CreateTable"], Resource = "*" },
      { Effect = "Deny", Action = ["s3:DeleteBucket"], Resource = "*" },
    ]
  })
}

# A resource policy: "*" is the key the policy is attached to.
resource "aws_kms_key" "main" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# Action "*" is FL-IAM-0001's.
data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
