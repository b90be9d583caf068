resource "aws_dynamodb_table" "absent" {
  # expect: FL-AWS-0004 "aws_dynamodb_table \"absent\" has no deletion protection"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "off" {
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = false
  # expect: FL-AWS-0004 "aws_dynamodb_table \"off\" has deletion protection turned off"

  attribute {
    name = "id"
    type = "S"
  }
}
