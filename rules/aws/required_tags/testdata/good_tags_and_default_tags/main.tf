provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      owner = "payments"
    }
  }
}

resource "aws_s3_bucket" "tagged" {
  bucket = "tagged"
  tags = {
    environment = "prod"
  }
}

# Not a taggable type in the curated list.
resource "aws_s3_bucket_policy" "policy" {
  bucket = "tagged"
  policy = "{}"
}
