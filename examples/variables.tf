variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Deployment environment (staging, production)."
  type        = string
}

variable "project" {
  description = "Project name, used as a prefix for every resource name."
  type        = string
  default     = "shop"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.20.0.0/16"
}

variable "availability_zones" {
  description = "Availability zones the private subnets are spread over."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "orders_db_multi_az" {
  description = "Run the orders database as a Multi-AZ deployment."
  type        = bool
  default     = true
}

variable "enable_reporting_replica" {
  description = "Create a read replica of the billing database for reporting."
  type        = bool
  default     = false
}

variable "bastion_ssh_sources" {
  description = "Who may SSH to the bastion host: a name for each source and its IPv4 CIDR."
  type        = map(string)
  default     = {}
}

variable "artifact_buckets" {
  description = "S3 buckets the deploy role may read build artifacts from."
  type        = list(string)
  default     = []
}
