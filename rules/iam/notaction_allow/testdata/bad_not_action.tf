resource "aws_sns_topic_policy" "topic" {
  arn = "arn:aws:sns:eu-west-1:123456789012:events"
  policy = jsonencode({
    # expect: FL-IAM-0004 "aws_sns_topic_policy \"topic\" allows with NotAction in policy statement 1"
    Statement = [{
      Effect    = "Allow"
      NotAction = "s3:DeleteBucket"
      Resource  = "arn:aws:s3:::*"
    }]
  })
}

data "aws_iam_policy_document" "all_but" {
  statement {
    # expect: FL-IAM-0004 "allows with NotResource in statement 1"
    actions       = ["s3:GetObject"]
    not_resources = ["arn:aws:s3:::secrets/*"]
  }
  statement {
    effect = "Deny"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
