resource "aws_subnet" "kafka" {
  for_each          = { a = "10.0.1.0/24", b = "10.0.2.0/24" }
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = each.value
  availability_zone = "eu-west-1a"
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 2

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = [for s in aws_subnet.kafka : s.id]
    # expect: FL-AWS-0012 "aws_msk_cluster \"events\" places its brokers only in eu-west-1a (fewer than 2"
    security_groups = ["sg-0123456789abcdef0"]
  }
}
