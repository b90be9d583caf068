resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_file_system" "explicit_null" {
  creation_token         = "other"
  availability_zone_name = null
}
