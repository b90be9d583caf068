resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_autoscaling_group" "singleton" {
  name                = "singleton"
  min_size            = 1
  max_size            = 1
  # expect: FL-AWS-0017 "aws_autoscaling_group \"singleton\" serves a load balancer but max_size is 1"
  target_group_arns   = [aws_lb_target_group.web.arn]
  vpc_zone_identifier = ["subnet-0aaaaaaaaaaaaaaaa"]
}

resource "aws_autoscaling_group" "scale_to_zero" {
  name                = "scale-to-zero"
  min_size            = 0
  # expect: FL-AWS-0017 "aws_autoscaling_group \"scale_to_zero\" serves a load balancer but min_size is 0"
  max_size            = 6
  vpc_zone_identifier = ["subnet-0aaaaaaaaaaaaaaaa"]
}

resource "aws_autoscaling_attachment" "scale_to_zero" {
  autoscaling_group_name = aws_autoscaling_group.scale_to_zero.id
  lb_target_group_arn    = aws_lb_target_group.web.arn
}
