variable "enabled" {
  type = bool
}

resource "aws_s3_bucket" "inline_unknown" {
  bucket = "acme-inline"

  versioning {
    enabled = var.enabled
  }
}

module "names" {
  source = "git::https://example.com/names.git"
}

# The versioning resource's bucket is a remote module output: it may be this bucket.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_versioning" "somewhere" {
  bucket = module.names.bucket

  versioning_configuration {
    status = "Enabled"
  }
}
