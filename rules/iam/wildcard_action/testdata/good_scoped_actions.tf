resource "aws_iam_policy" "service_wildcard" {
  name = "s3-admin"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "s3:Get*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "deny_everything" {
  name = "deny"
  policy = jsonencode({
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
      Condition = {
        Bool = { "aws:MultiFactorAuthPresent" = "false" }
      }
    }]
  })
}

# NotAction is a different problem (another rule); Action "*" is absent here.
resource "aws_iam_policy" "not_action" {
  name = "not-action"
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:*"]
      Resource  = "*"
    }]
  })
}

resource "aws_iam_role" "service" {
  name = "service"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

data "aws_iam_policy_document" "read" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

# A source document's "*" statement replaced by a statement with the same Sid.
data "aws_iam_policy_document" "overridden" {
  source_policy_documents = [jsonencode({
    Statement = [{ Sid = "Main", Effect = "Allow", Action = "*", Resource = "*" }]
  })]
  statement {
    sid       = "Main"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

# Not a policy: "*" in other attributes, and text that is not JSON.
resource "aws_iam_policy" "not_json" {
  name        = "not-json"
  description = "Action * is forbidden"
  policy      = "{\"Statement\": [{\"Action\": \"*\""
}

# Policies of other types are out of scope.
resource "aws_organizations_policy" "full_access" {
  name    = "FullAWSAccess"
  content = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
