locals {
  name_prefix = "${var.project}-${var.environment}"

  common_tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  # One /20 per availability zone, carved out of the VPC range.
  private_subnet_cidrs = [
    for index, zone in var.availability_zones : cidrsubnet(var.vpc_cidr, 4, index)
  ]

  artifact_object_arns = [for bucket in var.artifact_buckets : "arn:aws:s3:::${bucket}/*"]
}
