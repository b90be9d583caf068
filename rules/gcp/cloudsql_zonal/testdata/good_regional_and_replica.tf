resource "google_sql_database_instance" "primary" {
  name             = "primary"
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
  }
}

resource "google_sql_database_instance" "replica" {
  database_version     = "POSTGRES_15"
  region               = "us-central1"
  master_instance_name = google_sql_database_instance.primary.name
  settings {
    tier = "db-custom-2-7680"
  }
}
