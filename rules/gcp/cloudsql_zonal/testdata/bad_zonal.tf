resource "google_sql_database_instance" "default_zonal" {
  database_version = "POSTGRES_15"
  region           = "us-central1"
  settings {
    # expect: FL-GCP-0001 "google_sql_database_instance \"default_zonal\" is zonal: settings.availability_type is not set (defaults to ZONAL)"
    tier = "db-custom-2-7680"
  }
}

variable "availability" {
  type    = string
  default = "ZONAL"
}

resource "google_sql_database_instance" "explicit" {
  database_version = "MYSQL_8_0"
  region           = "us-central1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability
    # expect: FL-GCP-0001 "google_sql_database_instance \"explicit\" is zonal (availability_type = \"ZONAL\")"
  }
}
