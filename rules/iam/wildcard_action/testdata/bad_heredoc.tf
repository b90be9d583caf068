# expect@+3: FL-IAM-0001 "aws_iam_group_policy \"ops\" allows every action (\"*\") in policy statement 1"
resource "aws_iam_group_policy" "ops" {
  group  = "ops"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": "*"
    }
  ]
}
EOF
}

# Trust policies are policies too.
resource "aws_iam_role" "trusting" {
  name = "trusting"
  # expect@+1: FL-IAM-0001 "in assume_role_policy statement 1"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Action": "*",
          "Principal": { "Service": "ec2.amazonaws.com" },
          "Effect": "Allow"
        }
      ]
    }
  JSON

  inline_policy {
    name = "inline"
    policy = jsonencode({
      # expect: FL-IAM-0001 "in inline_policy[0].policy statement 1"
      Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
    })
  }
}

resource "aws_sqs_queue_policy" "queue" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
  # expect@+1: FL-IAM-0001 "aws_sqs_queue_policy \"queue\" allows every action"
  policy = <<POLICY
{
  "Statement": [
    { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "arn:aws:sqs:eu-west-1:123456789012:orders" }
  ]
}
POLICY
}

resource "aws_ssoadmin_permission_set_inline_policy" "sso" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1/ps-1"
  # expect@+1: FL-IAM-0001 "in inline_policy statement 1"
  inline_policy = <<POLICY
{"Statement": [{"Action": ["*"], "Effect": "Allow", "Resource": ["*"]}]}
POLICY
}
