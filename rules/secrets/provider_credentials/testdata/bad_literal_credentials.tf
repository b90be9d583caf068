provider "aws" {
  region     = "us-east-1"
  access_key = "AKIA2E0A8F3B244C9986"
  # expect: FL-SEC-0071 "provider \"aws\" sets access_key to a literal string: AKIA"
  secret_key = "qsxRpvED5hJRaOvRTYZPNvS+I4k9GvvK9JkmW378"
  # expect: FL-SEC-0071 "secret_key"
}

provider "azurerm" {
  features {}
  client_id     = "00000000-0000-0000-0000-000000000000"
  client_secret = "Ab8Q~xyzzy1234567890abcdefghijklmnop"
  # expect: FL-SEC-0071 "client_secret"
}
