variable "subnet_ids" {
  type = list(string)
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

# One subnet resolves, the others come from a variable: the spread is unknown.
resource "aws_msk_cluster" "mixed" {
  cluster_name           = "mixed"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = concat([aws_subnet.a.id], var.subnet_ids)
    security_groups = ["sg-0123456789abcdef0"]
  }
}

# Literal subnet IDs: their zones are not in the configuration.
resource "aws_msk_cluster" "literal" {
  cluster_name           = "literal"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 2

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}
