variable "availability" {
  type = string
}

resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability
  }
}
