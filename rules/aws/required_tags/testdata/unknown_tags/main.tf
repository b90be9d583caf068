variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "from_variable" {
  bucket = "from-variable"
  tags   = var.tags
}
