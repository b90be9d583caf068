resource "aws_s3_bucket" "tfstate" {
  bucket = "acme-tfstate-prod"
}

resource "aws_s3_bucket_versioning" "tfstate" {
  bucket = aws_s3_bucket.tfstate.id

  versioning_configuration {
    status = "Enabled"
  }
}

# Linked by name rather than by reference.
resource "aws_s3_bucket" "backups" {
  bucket = "acme-backups"
}

resource "aws_s3_bucket_versioning" "backups" {
  bucket = "acme-backups"

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-tf-state"

  versioning {
    enabled = true
  }
}

# Not a state bucket: FL-AWS-0019's concern, at low severity.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}
