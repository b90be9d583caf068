# One computed part (an ARN known only after apply) must not hide a literal Action "*".
resource "aws_sqs_queue" "q" {
  name = "jobs"
}

resource "aws_iam_policy" "jsonencode_with_computed_arn" {
  name = "jobs-admin"
  policy = jsonencode({
    # expect: FL-IAM-0001
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = aws_sqs_queue.q.arn
    }]
  })
}

# expect@+3: FL-IAM-0001
resource "aws_iam_role_policy" "heredoc_with_computed_arn" {
  role   = "jobs"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*",
          "Resource": "${aws_sqs_queue.q.arn}"
        }
      ]
    }
  EOT
}
