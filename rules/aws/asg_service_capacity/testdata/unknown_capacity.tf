variable "min_size" {
  type = number
}

variable "target_groups" {
  type = list(string)
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = var.min_size
  max_size            = 6
  target_group_arns   = var.target_groups
  vpc_zone_identifier = ["subnet-0aaaaaaaaaaaaaaaa"]
}
