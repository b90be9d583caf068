provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      owner = "payments"
    }
  }
}

resource "aws_s3_bucket" "untagged" {
  # expect: FL-AWS-0050 "aws_s3_bucket \"untagged\" lacks the required tag \"environment\""
  bucket = "untagged"
}

resource "aws_sqs_queue" "partly" {
  name = "partly"
  tags = {
    # expect: FL-AWS-0050 "aws_sqs_queue \"partly\" lacks the required tag \"environment\""
    team = "payments"
  }
}
