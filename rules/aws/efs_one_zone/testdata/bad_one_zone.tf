variable "zone" {
  default = "eu-west-1a"
}

resource "aws_efs_file_system" "shared" {
  creation_token         = "shared"
  availability_zone_name = var.zone
  # expect: FL-AWS-0009 "aws_efs_file_system \"shared\" uses One Zone storage in eu-west-1a"
}
