# The value comes from terraform.tfvars (not a default of the variable).
variable "db_password" {
  type = string
}

output "length" {
  value = length(var.db_password)
}
