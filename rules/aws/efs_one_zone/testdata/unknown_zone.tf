variable "zone" {
  type    = string
  default = null
}

variable "one_zone" {
  type = string
}

# A variable that may be null: a Regional file system, or One Zone in an unknown zone.
resource "aws_efs_file_system" "from_variable" {
  creation_token         = "shared"
  availability_zone_name = var.one_zone
}

resource "aws_efs_file_system" "null_default" {
  creation_token         = "other"
  availability_zone_name = var.zone
}
