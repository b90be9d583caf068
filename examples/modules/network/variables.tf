variable "name" {
  description = "Prefix for resource names."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "One private subnet is created in each of these zones."
  type        = list(string)
}

variable "subnet_cidrs" {
  description = "CIDR block of each private subnet, in the order of availability_zones."
  type        = list(string)
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
