data "aws_eks_cluster_auth" "this" {
  name = "prod"
}

provider "kubernetes" {
  host  = "https://example.eks.amazonaws.com"
  token = data.aws_eks_cluster_auth.this.token
}
