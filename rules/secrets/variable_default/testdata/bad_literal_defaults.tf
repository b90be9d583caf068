variable "db_master_password" {
  type    = string
  default = "c5RIpGuK0Q@Ye6Uamn"
  #         ^ expect: FL-SEC-0070 "variable \"db_master_password\" has a literal default: c5RI"
}

variable "api_token" {
  default = "plain-literal-9"
  # expect: FL-SEC-0070
}

variable "admin_password" {
  type    = string
  default = <<-EOT
    Sup3r-Secret
  EOT
  # expect@-3: FL-SEC-0070 "admin_password"
}
