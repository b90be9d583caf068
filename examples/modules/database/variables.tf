variable "identifier" {
  description = "Name of the database instance."
  type        = string
}

variable "instance_class" {
  description = "Instance class, e.g. db.t3.medium."
  type        = string
}

variable "allocated_storage" {
  description = "Initial storage in GiB; autoscaling may grow it to twice this size."
  type        = number
  default     = 20
}

variable "multi_az" {
  description = "Keep a synchronous standby in a second availability zone."
  type        = bool
  default     = true
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups attached to the instance."
  type        = list(string)
  default     = []
}
