variable "db_master_password" {
  type      = string
  sensitive = true
}

variable "password_length" {
  default = "24"
}

variable "token" {
  default = ""
}

variable "api_key" {
  default = "changeme"
}

variable "secret_name" {
  default = "prod/db/credentials"
}

variable "region" {
  default = "eu-west-1"
}
