variable "google_credentials" {
  type      = string
  sensitive = true
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
}

provider "aws" {
  region  = "us-east-1"
  profile = "prod"
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = "your-app-key"
}

provider "google" {
  credentials = var.google_credentials
  project     = "acme"
}
