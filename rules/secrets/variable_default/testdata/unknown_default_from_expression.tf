# A default that is an expression is not a literal (and here not even known).
variable "token" {
  type    = string
  default = null
}

variable "api_token" {
  type    = string
  default = "${var.token}"
}
