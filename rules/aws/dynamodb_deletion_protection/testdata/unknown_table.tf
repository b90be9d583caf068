variable "protect" {
  type = bool
}

resource "aws_dynamodb_table" "from_variable" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = var.protect

  attribute {
    name = "id"
    type = "S"
  }
}
