variable "principal" {
  type = string
}

variable "org_id" {
  type = string
}

resource "aws_sns_topic" "events" {
  name = "events"
}

resource "aws_sns_topic_policy" "from_variable" {
  arn = aws_sns_topic.events.arn
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.principal }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.events.arn
    }]
  })
}

data "aws_iam_policy_document" "condition_from_variable" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.events.arn]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }
}

resource "aws_lambda_permission" "computed_source" {
  statement_id  = "Bucket"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "*"
  source_arn    = aws_sns_topic.events.arn
}
