variable "pitr" {
  type = bool
}

variable "pitr_blocks" {
  type = list(bool)
}

resource "aws_dynamodb_table" "from_variable" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.pitr
  }
}

# A dynamic block over an unknown collection: whether the block exists is unknown.
resource "aws_dynamodb_table" "dynamic_block" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "point_in_time_recovery" {
    for_each = var.pitr_blocks
    content {
      enabled = point_in_time_recovery.value
    }
  }
}
