resource "aws_dynamodb_table" "no_block" {
  # expect: FL-AWS-0005 "aws_dynamodb_table \"no_block\" has no point-in-time recovery (no point_in_time_recovery block)"
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

variable "pitr" {
  default = false
}

resource "aws_dynamodb_table" "disabled" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.pitr
    # expect: FL-AWS-0005 "aws_dynamodb_table \"disabled\" has point-in-time recovery turned off"
  }
}
