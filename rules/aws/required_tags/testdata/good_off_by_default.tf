# required_tags is empty by default: the rule reports nothing.
resource "aws_s3_bucket" "untagged" {
  bucket = "untagged"
}
