resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 3
  max_size            = 9
  target_group_arns   = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"]
  vpc_zone_identifier = ["subnet-0aaaaaaaaaaaaaaaa"]
}

# Not behind a load balancer: a batch worker pool may scale to zero.
resource "aws_autoscaling_group" "workers" {
  name                = "workers"
  min_size            = 0
  max_size            = 1
  vpc_zone_identifier = ["subnet-0aaaaaaaaaaaaaaaa"]
}
