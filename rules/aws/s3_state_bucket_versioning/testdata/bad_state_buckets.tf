resource "aws_s3_bucket" "tfstate" {
  # expect: FL-AWS-0018 "aws_s3_bucket \"tfstate\" holds state (\"acme-tfstate-prod\") but is not versioned: it has no versioning configuration"
  bucket = "acme-tfstate-prod"
}

resource "aws_s3_bucket" "backups" {
  bucket = "acme-DB-Backups"

  versioning {
    enabled = false
    # expect: FL-AWS-0018 "holds state (\"acme-DB-Backups\") but is not versioned: versioning is disabled"
  }
}

resource "aws_s3_bucket" "terraform_state" {
  bucket = "acme-terraform-state"
}

resource "aws_s3_bucket_versioning" "terraform_state" {
  bucket = aws_s3_bucket.terraform_state.id

  versioning_configuration {
    status = "Suspended"
    # expect: FL-AWS-0018 "aws_s3_bucket \"terraform_state\" holds state (\"acme-terraform-state\") but is not versioned: its aws_s3_bucket_versioning sets status \"Suspended\""
  }
}
