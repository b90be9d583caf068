variable "bucket_name" {
  type = string
}

# Bucket and versioning take the name from the same variable.
resource "aws_s3_bucket" "by_variable" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_versioning" "by_variable" {
  bucket = var.bucket_name

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "inline" {
  bucket = "acme-inline"

  versioning {
    enabled = true
  }
}

# State buckets are FL-AWS-0018's.
resource "aws_s3_bucket" "state" {
  bucket = "acme-tfstate"
}
