variable "cluster_name" {
  type = string
}

variable "other_subnets" {
  type = list(string)
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

# Another group of the same cluster has subnets that cannot be resolved: it may cover the rest.
resource "aws_eks_node_group" "pinned" {
  cluster_name    = var.cluster_name
  node_group_name = "pinned"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = [aws_subnet.a.id]

  scaling_config {
    desired_size = 1
    min_size     = 1
    max_size     = 2
  }
}

resource "aws_eks_node_group" "elsewhere" {
  cluster_name    = var.cluster_name
  node_group_name = "elsewhere"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = var.other_subnets

  scaling_config {
    desired_size = 2
    min_size     = 2
    max_size     = 4
  }
}
