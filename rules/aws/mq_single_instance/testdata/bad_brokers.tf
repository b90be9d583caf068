resource "aws_mq_broker" "default" {
  # expect: FL-AWS-0011 "aws_mq_broker \"default\" runs as a single instance (deployment_mode is not set"
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"
}

resource "aws_mq_broker" "explicit" {
  broker_name        = "jobs"
  engine_type        = "RabbitMQ"
  engine_version     = "3.11.20"
  host_instance_type = "mq.m5.large"
  deployment_mode    = "SINGLE_INSTANCE"
  # expect: FL-AWS-0011 "aws_mq_broker \"explicit\" runs as a single instance (SINGLE_INSTANCE)"
}
