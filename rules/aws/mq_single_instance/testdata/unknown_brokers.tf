variable "mode" {
  type = string
}

resource "aws_mq_broker" "from_variable" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"
  deployment_mode    = var.mode
}
