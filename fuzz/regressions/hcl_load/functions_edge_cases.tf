locals {
  a = cidrsubnet("10.0.0.0/8", 200, 1)
  b = cidrhost("::/0", -1)
  c = substr("abc", -5, 1000000000000)
  d = regex("(", "x")
  e = jsondecode("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")
  f = yamldecode("&a [*a, *a, *a]")
  g = file("/dev/zero")
  h = templatefile("../../../../etc/passwd", {})
  i = base64decode("!!!")
  j = element([], 0)
  k = slice([1, 2], 5, 1)
  l = tonumber("1e999999")
  m = 1 / 0
  n = -9223372036854775808 % -1
  o = flatten([[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]])
  p = try(local.p, "fallback")
  q = can(local.missing.attr[0]["x"])
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = local.e
    resources = ["*"]
  }
  dynamic "statement" {
    for_each = local.f
    content {
      actions = [statement.value]
    }
  }
}
