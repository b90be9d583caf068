locals {
  zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = local.zones[count.index]
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = aws_subnet.private[*].id
  }
}

resource "aws_eks_node_group" "spread" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "spread"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = aws_subnet.private[*].id

  scaling_config {
    desired_size = 3
    min_size     = 3
    max_size     = 9
  }
}

# One node group per zone (for zonal volumes and the cluster autoscaler): together they span
# three zones.
resource "aws_eks_node_group" "per_zone" {
  count           = 3
  cluster_name    = "main"
  node_group_name = "stateful-${count.index}"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = [aws_subnet.private[count.index].id]

  scaling_config {
    desired_size = 1
    min_size     = 1
    max_size     = 3
  }
}
