variable "effect" {
  type = string
}

variable "actions" {
  type = list(string)
}

data "aws_iam_policy_document" "remote" {
  source_policy_documents = [data.aws_iam_policy.managed.policy]
}

data "aws_iam_policy" "managed" {
  name = "ReadOnlyAccess"
}

# The document is computed: its json is Unknown to the resource that uses it.
resource "aws_iam_policy" "from_document" {
  name   = "from-document"
  policy = data.aws_iam_policy_document.remote.json
}

resource "aws_iam_policy" "from_managed" {
  name   = "from-managed"
  policy = data.aws_iam_policy.managed.policy
}

# The effect is unknown: it may be Deny.
data "aws_iam_policy_document" "unknown_effect" {
  statement {
    effect    = var.effect
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "unknown_actions" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
  statement {
    actions   = ["s3:GetObject", var.effect]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "unknown_effect_json" {
  name = "unknown-effect"
  policy = jsonencode({
    Statement = [{ Effect = var.effect, Action = "*", Resource = "*" }]
  })
}

# A statement with an unknown Sid may replace the source's "*" statement.
data "aws_iam_policy_document" "maybe_overridden" {
  source_policy_documents = [jsonencode({
    Statement = [{ Sid = "Main", Effect = "Allow", Action = "*", Resource = "*" }]
  })]
  statement {
    sid       = var.effect
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
