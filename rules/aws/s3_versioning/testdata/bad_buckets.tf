resource "aws_s3_bucket" "assets" {
  # expect: FL-AWS-0019 "aws_s3_bucket \"assets\" is not versioned: it has no versioning configuration"
  bucket = "acme-assets"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Disabled"
    # expect: FL-AWS-0019 "aws_s3_bucket \"uploads\" is not versioned: its aws_s3_bucket_versioning sets status \"Disabled\""
  }
}

resource "aws_s3_bucket" "per_team" {
  # expect: FL-AWS-0019 "aws_s3_bucket \"per_team\"[\"red\"] is not versioned"
  for_each = toset(["red", "blue"])
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_versioning" "per_team" {
  for_each = toset(["blue"])
  bucket   = aws_s3_bucket.per_team[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}
