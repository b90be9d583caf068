variable "bucket_name" {
  type = string
}

variable "status" {
  type = string
}

# The name is unknown: it may or may not hold state.
resource "aws_s3_bucket" "named_by_variable" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket" "tfstate" {
  bucket = "acme-tfstate"
}

resource "aws_s3_bucket_versioning" "tfstate" {
  bucket = aws_s3_bucket.tfstate.id

  versioning_configuration {
    status = var.status
  }
}

# A versioning resource for a bucket named by a remote module output might be this one.
module "names" {
  source = "git::https://example.com/names.git"
}

resource "aws_s3_bucket" "backups" {
  bucket = "acme-backups"
}

resource "aws_s3_bucket_versioning" "somewhere" {
  bucket = module.names.backup_bucket

  versioning_configuration {
    status = "Enabled"
  }
}
